// `npm run import`: Kong's single-file registry to one provider file per entry, in our format.
import { lstatSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { isMapping, plural } from "../registry/errors.ts";
import { checkData } from "../registry/check.ts";
import { schemaPathFrom } from "../registry/provider-schema.ts";
import { displayPath, readDataFile } from "../registry/read-files.ts";
import { SLUG_PATTERN, slugify } from "../registry/slug.ts";
import { capabilityEntries, urlPatternList } from "../registry/model.ts";
import { parseYaml } from "../registry/yaml-file.ts";
import { layOutProvider, OUR_ONLY_FIELDS, YAML_STYLE } from "./kong-format.ts";
import { MAX_LISTED, readKongFile } from "./kong-source.ts";

/** Where to write (`_data/providers`); `force`: replace files, keeping `OUR_ONLY_FIELDS`; paths from `root`. */
export type ImportOptions = { out?: string; force?: boolean; root?: string; siteFile?: string };

/** The fields to keep from a file an import replaces: those our files have and Kong's entry does not. */
function keptFields(file: string, entry: Record<string, unknown>): Record<string, unknown> {
  // Read as the check reads it (strict UTF-8, bounded); a file it refuses, or broken YAML, has nothing to keep.
  const { source } = readDataFile(file, file);
  const parsed = source === undefined ? undefined : parseYaml(source);
  const existing = parsed?.malformed ? undefined : parsed?.value;
  if (!isMapping(existing)) return {};
  return Object.fromEntries(
    OUR_ONLY_FIELDS.filter((f) => existing[f] !== undefined && entry[f] === undefined).map((f) => [f, existing[f]]),
  );
}

function providerText(entry: Record<string, unknown>, outDir: string): string {
  return (
    `# yaml-language-server: $schema=${schemaPathFrom(outDir)}\n` +
    "# Imported from Kong's registry by `npm run import`; this file is the source from now on.\n" +
    "# Field guide: _data/providers/README.md. Check your edits with `npm run check`; preview with `npm start`.\n" +
    stringify(entry, YAML_STYLE)
  );
}

/** `npm run import`: a file per entry of Kong's file, what is not carried listed; nothing written on an error. */
export function importKongRegistry(kongFile: string, options: ImportOptions = {}) {
  const root = options.root ?? process.cwd();
  const outDir = options.out ?? "_data/providers";
  const shown = (file: string) => displayPath(path.resolve(file), root);
  const source = readKongFile(kongFile, shown(kongFile));
  const files: { file: string; text: string; kept: string[] }[] = [];
  const notCarried: string[] = [];
  const errors = [...source.errors];
  const taken = new Map<string, (typeof source.entries)[number]>();
  for (const entry of source.entries) {
    const label = `providers[${entry.index}]`;
    if (!isMapping(entry.value)) {
      notCarried.push(`${entry.where([])}: \`${label}\`: not carried: an entry that is not a mapping makes no file.`);
      continue;
    }
    const raw = entry.value;
    const name = typeof raw.name === "string" ? raw.name : "";
    const slug = typeof raw.slug === "string" && SLUG_PATTERN.test(raw.slug) ? raw.slug : slugify(name);
    const named = typeof raw.name === "string" ? ` (${JSON.stringify(name)})` : "";
    const first = taken.get(slug);
    if (slug === "" || first) {
      notCarried.push(
        slug === ""
          ? `${entry.where(["name"])}: \`${label}.name\`: not carried: an entry whose name is not text with ` +
              "letters or digits makes no file. Give the provider its name in Kong's file."
          : `${entry.where(["name"])}: \`${label}\`${named}: not carried: it makes ${slug}.yaml, as does the entry ` +
              `at ${first!.where([])}, whose file is written. Rename one of them in Kong's file.`,
      );
      continue;
    }
    taken.set(slug, entry);
    const file = path.join(outDir, `${slug}.yaml`);
    const found = lstatSync(file, { throwIfNoEntry: false });
    if (found && (!found.isFile() || !options.force)) {
      errors.push(
        !found.isFile()
          ? `${shown(file)}: found something that is not a regular file (a link or a folder), expected a new file ` +
              `for ${label}${named}. Remove it, or write elsewhere with --out <folder>.`
          : `${shown(file)}: found a file that exists, expected a new file for ${label}${named}. Run again with ` +
              `--force to replace it (keeping its ${OUR_ONLY_FIELDS.join(", ")}), or write elsewhere with --out ` +
              "<folder>.",
      );
      continue;
    }
    const kept = found ? keptFields(file, raw) : {};
    const urls = urlPatternList(raw);
    const merged: Record<string, unknown> = { ...raw, ...kept, ...(urls ? { url_patterns: urls } : {}) };
    if (urls) delete merged.url_pattern;
    const { entry: laidOut, leftOut } = layOutProvider(merged);
    // An OpenAI-compatible provider (an export of ours) inherits its route types and paths: its file leaves them out.
    if (laidOut.compatible_with === "openai")
      for (const [, capability] of capabilityEntries(laidOut)) {
        delete capability.route_type;
        delete capability.upstream_path;
      }
    // Each place is a search of its mapping: listing a bounded number keeps a hostile entry's cost linear.
    for (const { path: at, reason } of leftOut.slice(0, MAX_LISTED))
      notCarried.push(`${entry.where(at)}: \`${[label, ...at].join(".")}\`${named}: not carried: ${reason}.`);
    if (leftOut.length > MAX_LISTED)
      notCarried.push(
        `${entry.where([])}: \`${label}\`${named}: and ${leftOut.length - MAX_LISTED} more keys not carried.`,
      );
    files.push({ file, text: providerText(laidOut, outDir), kept: Object.keys(kept) });
  }
  for (const { key, where } of source.otherKeys) {
    const why =
      key === "parameters"
        ? "it holds where each fact goes in the plugin's configuration, which the site knows itself"
        : "it is not part of the provider list";
    notCarried.push(`${where}: \`${key}\`: not carried: ${why}.`);
  }
  // For stdout: the files written, the values not carried, the check's verdict; for stderr: why it failed.
  if (errors.length) return { ok: false, out: notCarried, err: [...errors, "Nothing was written."] };
  mkdirSync(outDir, { recursive: true });
  const out = files.map(({ file, text, kept }) => {
    writeFileSync(file, text, { flag: options.force ? "w" : "wx" });
    return kept.length ? `Wrote ${shown(file)} (kept its ${kept.join(", ")}).` : `Wrote ${shown(file)}.`;
  });
  const count = notCarried.length;
  out.push(
    count === 0 ? "Every value was carried." : `${plural(count, "value was", "values were")} not carried:`,
    ...notCarried,
  );
  const check = checkData(outDir, options.siteFile, { root });
  return check.ok ? { ok: true, out: [...out, ...check.lines], err: [] } : { ok: false, out, err: check.lines };
}
