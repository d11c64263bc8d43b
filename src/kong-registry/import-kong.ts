// `npm run import`: Kong's single-file registry to one provider file per entry, in our format.
import { lstatSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { isMapping } from "../registry/errors.ts";
import { checkData } from "../registry/check.ts";
import { displayPath, readDataFile } from "../registry/read-files.ts";
import { SLUG_PATTERN, slugify } from "../registry/slug.ts";
import { capabilityEntries, layOutProvider, OUR_ONLY_FIELDS, urlPatternList, YAML_STYLE } from "./kong-format.ts";
import { type KongEntry, MAX_LISTED, readKongFile } from "./kong-source.ts";

const SCHEMA_PATH = fileURLToPath(new URL("../../schema/provider.schema.json", import.meta.url));

export interface ImportOptions {
  /** The folder to write into (default `_data/providers`). */
  out?: string;
  /** Replace files that exist, keeping the fields Kong's file lacks (`OUR_ONLY_FIELDS`) from each. */
  force?: boolean;
  /** Folder that paths in messages are relative to (default: the working directory). */
  root?: string;
  /** The site settings the check reads (default `_data/site.yaml`). */
  siteFile?: string;
}

/** One provider file to write. */
export interface PlannedFile {
  file: string;
  text: string;
  kept: string[];
}

/** What an import would do: the files, the values it cannot carry (one line each), or why it cannot run. */
export interface ImportPlan {
  files: PlannedFile[];
  notCarried: string[];
  errors: string[];
}

/** What the command prints, and whether it succeeded. */
export interface ImportReport {
  ok: boolean;
  /** For stdout: the files written, the values not carried, the check's verdict when it passed. */
  out: string[];
  /** For stderr: why nothing was written, or the check's located mistakes. */
  err: string[];
}

/** The fields to keep from a file an import replaces: those our files have and Kong's entry does not. */
function keptFields(file: string, entry: Record<string, unknown>): Record<string, unknown> {
  // Read as the check reads it (strict UTF-8, bounded); a file it refuses, or broken YAML, has nothing to keep.
  const { source } = readDataFile(file, file);
  let existing: unknown;
  try {
    existing = parse(source ?? "", { uniqueKeys: false });
  } catch {
    return {};
  }
  if (!isMapping(existing)) return {};
  return Object.fromEntries(
    OUR_ONLY_FIELDS.filter((f) => existing[f] !== undefined && entry[f] === undefined).map((f) => [f, existing[f]]),
  );
}

function providerText(entry: Record<string, unknown>, outDir: string): string {
  const schema = path.relative(path.resolve(outDir), SCHEMA_PATH).split(path.sep).join("/");
  return (
    `# yaml-language-server: $schema=${schema}\n` +
    "# Imported from Kong's registry by `npm run import`; this file is the source from now on.\n" +
    "# Field guide: _data/providers/README.md. Check your edits with `npm run check`; preview with `npm start`.\n" +
    stringify(entry, YAML_STYLE)
  );
}

/** The file name an entry makes: its own slug when it is a valid one, else the slug of its name. */
function slugOf(entry: Record<string, unknown>): string {
  if (typeof entry.slug === "string" && SLUG_PATTERN.test(entry.slug)) return entry.slug;
  return typeof entry.name === "string" ? slugify(entry.name) : "";
}

/** Plans the import of Kong's registry file into `outDir`: one file per entry, named after its slug. */
export function planImport(kongFile: string, outDir: string, options: ImportOptions = {}): ImportPlan {
  const root = options.root ?? process.cwd();
  const source = readKongFile(kongFile, displayPath(path.resolve(kongFile), root));
  const plan: ImportPlan = { files: [], notCarried: [], errors: [...source.errors] };
  const taken = new Map<string, KongEntry>();
  for (const entry of source.entries) {
    const label = `providers[${entry.index}]`;
    if (!isMapping(entry.value)) {
      plan.notCarried.push(
        `${entry.where([])}: \`${label}\`: not carried: an entry that is not a mapping makes no file.`,
      );
      continue;
    }
    const raw = entry.value;
    const slug = slugOf(raw);
    const named = typeof raw.name === "string" ? ` (${JSON.stringify(raw.name)})` : "";
    if (slug === "") {
      plan.notCarried.push(
        `${entry.where(["name"])}: \`${label}.name\`: not carried: an entry whose name is not text with letters ` +
          "or digits makes no file. Give the provider its name in Kong's file.",
      );
      continue;
    }
    const first = taken.get(slug);
    if (first) {
      plan.notCarried.push(
        `${entry.where(["name"])}: \`${label}\`${named}: not carried: it makes ${slug}.yaml, as does the entry at ` +
          `${first.where([])}, whose file is written. Rename one of them in Kong's file.`,
      );
      continue;
    }
    taken.set(slug, entry);

    const file = path.join(outDir, `${slug}.yaml`);
    const found = lstatSync(file, { throwIfNoEntry: false });
    const exists = found !== undefined;
    if (found && !found.isFile()) {
      plan.errors.push(
        `${displayPath(path.resolve(file), root)}: found something that is not a regular file (a link or a folder), ` +
          `expected a new file for ${label}${named}. Remove it, or write elsewhere with --out <folder>.`,
      );
      continue;
    }
    if (exists && !options.force) {
      plan.errors.push(
        `${displayPath(path.resolve(file), root)}: found a file that exists, expected a new file for ${label}` +
          `${named}. Run again with --force to replace it (keeping its ${OUR_ONLY_FIELDS.join(", ")}), or ` +
          "write elsewhere with --out <folder>.",
      );
      continue;
    }
    const kept = exists ? keptFields(file, raw) : {};
    const urls = urlPatternList(raw);
    const merged: Record<string, unknown> = { ...raw, ...kept, ...(urls ? { url_patterns: urls } : {}) };
    if (urls) delete merged.url_pattern;
    const { entry: laidOut, leftOut } = layOutProvider(merged);
    // An OpenAI-compatible provider (an export of ours) inherits its route types and paths: its file leaves them out.
    if (laidOut.compatible_with === "openai") {
      for (const [, capability] of capabilityEntries(laidOut)) {
        delete capability.route_type;
        delete capability.upstream_path;
      }
    }
    // Each place is a search of its mapping: listing a bounded number keeps a hostile entry's cost linear.
    for (const { path: at, reason } of leftOut.slice(0, MAX_LISTED))
      plan.notCarried.push(`${entry.where(at)}: \`${[label, ...at].join(".")}\`${named}: not carried: ${reason}.`);
    if (leftOut.length > MAX_LISTED)
      plan.notCarried.push(
        `${entry.where([])}: \`${label}\`${named}: and ${leftOut.length - MAX_LISTED} more keys not carried.`,
      );
    plan.files.push({ file, text: providerText(laidOut, outDir), kept: Object.keys(kept) });
  }
  for (const { key, where } of source.otherKeys) {
    const why =
      key === "parameters"
        ? "it holds where each fact goes in the plugin's configuration, which the site knows itself"
        : "it is not part of the provider list";
    plan.notCarried.push(`${where}: \`${key}\`: not carried: ${why}.`);
  }
  return plan;
}

/** Runs `npm run import`: plans the import, writes the files (none when anything refuses it). */
export function importKongRegistry(kongFile: string, options: ImportOptions = {}): ImportReport {
  const root = options.root ?? process.cwd();
  const outDir = options.out ?? "_data/providers";
  const plan = planImport(kongFile, outDir, options);
  if (plan.errors.length) return { ok: false, out: plan.notCarried, err: [...plan.errors, "Nothing was written."] };
  mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  for (const { file, text, kept } of plan.files) {
    writeFileSync(file, text, { flag: options.force ? "w" : "wx" });
    const shown = displayPath(path.resolve(file), root);
    out.push(kept.length ? `Wrote ${shown} (kept its ${kept.join(", ")}).` : `Wrote ${shown}.`);
  }
  const count = plan.notCarried.length;
  out.push(
    count === 0 ? "Every value was carried." : `${count} ${count === 1 ? "value was" : "values were"} not carried:`,
    ...plan.notCarried,
  );
  const check = checkData(outDir, options.siteFile, { root });
  return check.ok ? { ok: true, out: [...out, ...check.lines], err: [] } : { ok: false, out, err: check.lines };
}
