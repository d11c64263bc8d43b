// Kong's single-file registry, read as our own data files are: its provider entries as plain values.
import { readFileSync, statSync } from "node:fs";
import { describe, formatProblem, isMapping, type SourcePosition } from "../registry/errors.ts";
import { displayField } from "../registry/problem-collector.ts";
import { decodeUtf8 } from "../registry/read-files.ts";
import { parseYaml } from "../registry/yaml-file.ts";

/** The largest registry file read: Kong's has about 2 KB a provider, so this is far past any real one. */
const MAX_KONG_FILE_BYTES = 8 * 1024 * 1024;

const NOT_KONG =
  "expected Kong's provider registry: a mapping with a `providers` list (app/_data/plugins/ai-proxy.yaml in " +
  "Kong/developer.konghq.com). Give the path of that file.";

/** The most mistakes listed from one file: past this many, a count says the rest. */
export const MAX_LISTED = 50;

/** Kong's file (`shown` in messages): its entries, its other top-level keys, or the mistakes that stop the import. */
export function readKongFile(file: string, shown: string) {
  const failed = (...errors: string[]) => ({ entries: [], otherKeys: [], errors });
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return failed(`${shown}: no such file, ${NOT_KONG}`);
  if (!stats.isFile()) return failed(`${shown}: found something that is not a file, ${NOT_KONG}`);
  if (stats.size > MAX_KONG_FILE_BYTES)
    return failed(
      `${shown}: found a file of ${stats.size.toLocaleString("en")} bytes, expected at most 8 MiB. ${NOT_KONG}`,
    );
  const read = decodeUtf8(readFileSync(file), shown);
  if (read.problem) return failed(formatProblem(read.problem));
  const parsed = parseYaml(read.source);
  const at = (position: SourcePosition | undefined) => `${shown}:${position?.line ?? 1}:${position?.column ?? 1}`;
  // The reader of our own files: its mistakes (a key given twice, an anchor, a syntax slip) stop the import.
  const errors = parsed.problems.map(
    (p) => `${at(p.position)}: ${p.field ? `\`${displayField(p.field)}\`: ` : ""}${p.message}`,
  );
  if (errors.length > MAX_LISTED)
    errors.splice(
      MAX_LISTED,
      Number.POSITIVE_INFINITY,
      `and ${errors.length - MAX_LISTED} more, not listed: fix the ones above first.`,
    );
  if (errors.length) return failed(...errors);
  const root = parsed.value;
  if (!isMapping(root) || !Array.isArray(root.providers)) {
    const found = isMapping(root) ? "a mapping without a `providers` list" : describe(root);
    return failed(`${at(parsed.positions.value.get(""))}: found ${found}, ${NOT_KONG}`);
  }
  // Where the key at `path` inside an entry stands, or the nearest key on the way to it.
  const where = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const position = parsed.positions.key.get(path.slice(0, n).join("."));
      if (position) return at(position);
    }
    return at(undefined);
  };
  return {
    entries: root.providers.map((value, index) => ({
      index,
      value,
      where: (path: readonly (string | number)[]) => where(["providers", index, ...path]),
    })),
    otherKeys: Object.keys(root).flatMap((key) => (key === "providers" ? [] : [{ key, where: where([key]) }])),
    errors: [],
  };
}
