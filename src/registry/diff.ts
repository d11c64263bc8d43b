import { CAPABILITIES } from "../catalogue.ts";
import { capabilityEntries } from "./model.ts";
import { CAPABILITY_FIELDS } from "./provider-schema.ts";
import { slugify } from "./slug.ts";
import { parseYaml } from "./yaml-file.ts";
import { isMapping } from "./errors.ts";

/** One provider data file as text: the path it has in the repository, and what it holds. */
export interface SourceFile {
  file: string;
  text: string;
}

/** A provider as written in its file, read leniently: a file the rules reject still has a name and cells. */
interface Written {
  file: string;
  name: string;
  slug: string;
  aliasSlugs: string[];
  /** Every cell, keyed `capability\u0000field` (`\u0000field` for the provider's own), as written. */
  cells: Map<string, string>;
  versions: Set<string>;
}

/** A changed cell: `capability` is empty for the provider's own fields. */
export interface CellChange {
  provider: string;
  capability: string;
  field: string;
  before: string | undefined;
  after: string | undefined;
}

/** What a pull request changes in the registry, as a reviewer reads it. */
export interface RegistryDiff {
  added: { name: string; slug: string }[];
  removed: { name: string; slug: string }[];
  renamed: { from: { name: string; slug: string }; to: { name: string; slug: string }; redirected: boolean }[];
  cells: CellChange[];
  /** Addresses that appear, disappear or move: provider pages and the matrix's version views. */
  pages: { url: string; change: string }[];
  /** Working-tree files that could not be read (not YAML, or no name): `npm run check` says why. */
  unreadable: string[];
}

// The provider's own fields in the order reviewers read them; any other top-level key follows, so none goes unseen.
const PROVIDER_FIELDS = ["name", "slug", "aliases", "url_patterns", "url_pattern", "url_is_variable", "min_version"];
const PROVIDER_TEXT = ["formats", "native_formats", "limitations", "lint_ignore"];
const SUB_FIELDS = [...CAPABILITY_FIELDS, "note"];
const CAPABILITY_TOPS = new Set(CAPABILITIES.map((c) => c.path[0]!));
/** A value as one line: scalars as written, lists and mappings as compact JSON. */
const show = (value: unknown): string | undefined =>
  value === undefined
    ? undefined
    : typeof value === "string"
      ? value
      : isMapping(value) && Object.keys(value).length === 1 && typeof value.content === "string"
        ? value.content
        : JSON.stringify(value);

function read(source: SourceFile): Written | undefined {
  const parsed = parseYaml(source.text);
  const value = parsed.malformed ? undefined : parsed.value;
  if (!isMapping(value) || typeof value.name !== "string") return undefined;
  const slug = typeof value.slug === "string" ? value.slug : slugify(value.name);
  const cells = new Map<string, string>();
  const versions = new Set<string>();
  const put = (capability: string, field: string, cell: unknown) => {
    const text = show(cell);
    if (text !== undefined) cells.set(`${capability}\u0000${field}`, text);
  };
  for (const field of Object.keys(value)) if (!CAPABILITY_TOPS.has(field)) put("", field, value[field]);
  if (typeof value.min_version === "string") versions.add(value.min_version);
  for (const [capability, entry] of capabilityEntries(value)) {
    for (const field of new Set([...SUB_FIELDS, ...Object.keys(entry)])) put(capability.key, field, entry[field]);
    if (entry.supported === true && typeof entry.min_version === "string") versions.add(entry.min_version);
  }
  const aliases = Array.isArray(value.aliases) ? value.aliases.filter((a) => typeof a === "string") : [];
  return { file: source.file, name: value.name, slug, aliasSlugs: aliases.map(slugify), cells, versions };
}

const isVersion = (text: string) => /^\d+\.\d+$/.test(text);

/** Compares the registry before (the files at a git ref) and after (the working tree). */
export function diffRegistries(before: readonly SourceFile[], after: readonly SourceFile[]): RegistryDiff {
  const old = before.flatMap((s) => read(s) ?? []);
  const now = after.flatMap((s) => read(s) ?? []);
  const unreadable = after.filter((s) => !now.some((p) => p.file === s.file)).map((s) => s.file);
  const oldBySlug = new Map(old.map((p) => [p.slug, p]));
  const nowBySlug = new Map(now.map((p) => [p.slug, p]));
  const pairs: [Written, Written][] = [];
  const renamed: RegistryDiff["renamed"] = [];
  const matchedOld = new Set<Written>();
  for (const provider of now) {
    const same = oldBySlug.get(provider.slug);
    if (same) {
      pairs.push([same, provider]);
      matchedOld.add(same);
      continue;
    }
    // Renamed: the old slug is now an alias, or the file kept its path.
    const previous =
      provider.aliasSlugs.map((slug) => oldBySlug.get(slug)).find((p) => p && !nowBySlug.has(p.slug)) ??
      old.find((p) => p.file === provider.file && !nowBySlug.has(p.slug));
    if (previous && !matchedOld.has(previous)) {
      pairs.push([previous, provider]);
      matchedOld.add(previous);
      renamed.push({
        from: { name: previous.name, slug: previous.slug },
        to: { name: provider.name, slug: provider.slug },
        redirected: provider.aliasSlugs.includes(previous.slug),
      });
    }
  }
  const pairedNow = new Set(pairs.map(([, p]) => p));
  const added = now.filter((p) => !pairedNow.has(p)).map(({ name, slug }) => ({ name, slug }));
  const removed = old.filter((p) => !matchedOld.has(p)).map(({ name, slug }) => ({ name, slug }));

  const cells: CellChange[] = [];
  for (const [was, is] of pairs) {
    const keys = new Set([...was.cells.keys(), ...is.cells.keys()]);
    for (const key of keys) {
      const [capability, field] = key.split("\u0000") as [string, string];
      const before = was.cells.get(key);
      const after = is.cells.get(key);
      if (before !== after) cells.push({ provider: is.name, capability, field, before, after });
    }
  }
  const capabilityOrder = new Map<string, number>([["", -1], ...CAPABILITIES.map((c, i) => [c.key, i] as const)]);
  const fieldOrder = new Map([...PROVIDER_FIELDS, ...PROVIDER_TEXT, ...SUB_FIELDS].map((f, i) => [f, i]));
  cells.sort(
    (a, b) =>
      a.provider.localeCompare(b.provider) ||
      capabilityOrder.get(a.capability)! - capabilityOrder.get(b.capability)! ||
      (fieldOrder.get(a.field) ?? fieldOrder.size) - (fieldOrder.get(b.field) ?? fieldOrder.size) ||
      a.field.localeCompare(b.field),
  );

  const pages: RegistryDiff["pages"] = [];
  const aliasNow = new Set(now.flatMap((p) => p.aliasSlugs));
  for (const { from, to, redirected } of renamed)
    pages.push({
      url: `/ai-providers/${from.slug}/`,
      change:
        `moves to /ai-providers/${to.slug}/` +
        `${redirected ? " (the alias redirects the old address)" : ": add the old slug to `aliases` to redirect it"}`,
    });
  for (const { slug } of removed)
    pages.push({
      url: `/ai-providers/${slug}/`,
      change: aliasNow.has(slug) ? "removed; an alias redirects it" : "removed (readers get the 404 page)",
    });
  for (const { slug } of added) pages.push({ url: `/ai-providers/${slug}/`, change: "new" });
  const versionsOf = (list: Written[]) => new Set(list.flatMap((p) => [...p.versions].filter(isVersion)));
  const [oldVersions, newVersions] = [versionsOf(old), versionsOf(now)];
  for (const v of newVersions)
    if (!oldVersions.has(v)) pages.push({ url: `/ai-providers/version/${v}/`, change: "new view" });
  for (const v of oldVersions)
    if (!newVersions.has(v)) pages.push({ url: `/ai-providers/version/${v}/`, change: "removed view" });
  return { added, removed, renamed, cells, pages, unreadable };
}

/** A value for a Markdown table cell: a short excerpt in a code span that nothing inside can close. */
function cell(value: string | undefined): string {
  if (value === undefined) return "—";
  const oneLine = value.replace(/\s+/g, " ").trim();
  const excerpt = oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
  const longest = Math.max(0, ...[...excerpt.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const padded = excerpt.startsWith("`") || excerpt.endsWith("`") ? ` ${excerpt} ` : excerpt;
  return `${fence}${padded.replaceAll("|", "\\|")}${fence}`;
}

/** Markdown text (names) with the characters a table or inline markup would read escaped. */
const plain = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);

/** The diff as Markdown, ready to paste into a pull request's description. */
export function renderDiffMarkdown(diff: RegistryDiff, ref: string): string {
  const lines = [`## Provider registry changes since \`${ref.replaceAll("`", "")}\``, ""];
  const named = (p: { name: string; slug: string }) => `${plain(p.name)} (\`${p.slug}\`)`;
  const unread = diff.unreadable.map((file) => `- **Not read:** \`${file}\` (run \`npm run check\` to see why)`);
  if (!diff.added.length && !diff.removed.length && !diff.renamed.length && !diff.cells.length) {
    lines.push(...unread, "No provider data changed.", "");
    return lines.join("\n");
  }
  const bullets = [
    ...unread,
    ...(diff.added.length ? [`- **Added:** ${diff.added.map(named).join(", ")}`] : []),
    ...(diff.removed.length ? [`- **Removed:** ${diff.removed.map(named).join(", ")}`] : []),
    ...diff.renamed.map(({ from, to }) => `- **Renamed:** ${named(from)} → ${named(to)}`),
  ];
  if (bullets.length) lines.push(...bullets, "");
  if (diff.cells.length) {
    lines.push(
      "### Changed cells",
      "",
      "| Provider | Capability | Field | Old | New |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const change of diff.cells)
      lines.push(
        `| ${plain(change.provider)} | ${change.capability ? `\`${change.capability}\`` : "(provider)"} | ` +
          `\`${change.field}\` | ${cell(change.before)} | ${cell(change.after)} |`,
      );
    lines.push("");
  }
  if (diff.pages.length) {
    lines.push("### Pages whose address changes", "", "| Page | Change |", "| --- | --- |");
    for (const page of diff.pages) lines.push(`| \`${page.url}\` | ${page.change} |`);
    lines.push("");
  }
  return lines.join("\n");
}
