// Kong's single-file registry, read with the `yaml` package: its provider entries as plain values.
import { readFileSync, statSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type YAMLMap } from "yaml";
import { describe, formatProblem } from "../registry/errors.ts";
import { decodeUtf8 } from "../registry/read-files.ts";

/** The largest registry file read: Kong's has about 2 KB a provider, so this is far past any real one. */
const MAX_KONG_FILE_BYTES = 8 * 1024 * 1024;

/** One provider entry of Kong's file: its index, its value, and where a key inside it stands. */
export interface KongEntry {
  index: number;
  value: unknown;
  /** `file:line:column` of the key at `path` inside the entry (of the entry itself when it is not found). */
  where(path: readonly (string | number)[]): string;
}

/** Kong's file, read: its entries, its other top-level keys (with where each stands), or the mistakes that stop the
 * import (each `file:line:column: what is wrong. The fix.`). */
interface KongSource {
  entries: KongEntry[];
  otherKeys: { key: string; where: string }[];
  errors: string[];
}

const NOT_KONG =
  "expected Kong's provider registry: a mapping with a `providers` list (app/_data/plugins/ai-proxy.yaml in " +
  "Kong/developer.konghq.com). Give the path of that file.";

/** The most mistakes listed from one file: past this many, a count says the rest. */
export const MAX_LISTED = 50;

/** Reads Kong's registry file; `shown` is its name in messages. */
export function readKongFile(file: string, shown: string): KongSource {
  const failed = (...errors: string[]): KongSource => ({ entries: [], otherKeys: [], errors });
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return failed(`${shown}: no such file, ${NOT_KONG}`);
  if (!stats.isFile()) return failed(`${shown}: found something that is not a file, ${NOT_KONG}`);
  if (stats.size > MAX_KONG_FILE_BYTES)
    return failed(
      `${shown}: found a file of ${stats.size.toLocaleString("en")} bytes, expected at most 8 MiB. ${NOT_KONG}`,
    );
  const read = decodeUtf8(readFileSync(file), shown);
  if (read.problem) return failed(formatProblem(read.problem));
  const source = read.source;
  const lineCounter = new LineCounter();
  // Duplicate keys are found below: the package's own check compares each key with every other (quadratic).
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const errors = doc.errors.map((error) => {
    const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return (
      `${at(error.pos[0])}: found invalid YAML (${what}), expected Kong's registry as Kong publishes it. Fix the ` +
      "line, or take a fresh copy of the file."
    );
  });
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value))
          errors.push(
            `${at(key.range?.[0] ?? 0)}: found \`${String(key.value)}\` a second time in one mapping, expected ` +
              "each key once. Keep one of them.",
          );
        seen.add(key.value);
      }
    },
  });
  if (errors.length > MAX_LISTED)
    errors.splice(
      MAX_LISTED,
      Number.POSITIVE_INFINITY,
      `and ${errors.length - MAX_LISTED} more, not listed: fix the ones above first.`,
    );
  if (errors.length) return failed(...errors);

  let value: unknown;
  try {
    // The package's own limit on aliases keeps a few anchors from expanding to gigabytes.
    value = doc.toJS();
  } catch (error) {
    const why = (error as Error).message.replace(/\.$/, "");
    return failed(
      `${shown}: found YAML aliases that expand too far (${why}), expected each value written out. Write it out.`,
    );
  }
  const root = doc.contents;
  const providers = isMap(root) ? root.get("providers", true) : undefined;
  if (!isMap(root) || !isSeq(providers)) {
    const found = isMap(root) ? `a mapping without a \`providers\` list` : describe(value);
    return failed(`${at(root?.range?.[0] ?? 0)}: found ${found}, ${NOT_KONG}`);
  }
  const list = (value as { providers: unknown[] }).providers;
  const entries = providers.items.map((node, index) => ({
    index,
    value: list[index],
    where: (path: readonly (string | number)[]) => at(keyOffset(node as Node, path)),
  }));
  const otherKeys = root.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    return key === "providers" ? [] : [{ key, where: at((pair.key as Node | null)?.range?.[0] ?? 0) }];
  });
  return { entries, otherKeys, errors: [] };
}

/** The offset of the key at `path` inside `node` (of the deepest mapping on the way when it is not there). */
function keyOffset(node: Node, path: readonly (string | number)[]): number {
  let current: Node = node;
  for (const [depth, segment] of path.entries()) {
    if (!isMap(current)) break;
    const pair = (current as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === segment);
    if (!pair) break;
    if (depth === path.length - 1) return (pair.key as Node).range?.[0] ?? 0;
    current = pair.value as Node;
  }
  return current?.range?.[0] ?? node.range?.[0] ?? 0;
}
