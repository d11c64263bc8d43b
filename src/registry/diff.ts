import { CAPABILITIES } from "../catalogue.ts";
import { isMapping } from "./errors.ts";
import { codeSpan } from "./legacy-html.ts";
import { capabilityEntries } from "./model.ts";
import { CAPABILITY_FIELDS } from "./provider-schema.ts";
import { providerPageUrl, versionViewUrl } from "../urls.ts";
import { slugify } from "./slug.ts";
import { parseYaml } from "./yaml-file.ts";

/** One provider data file as text: the path it has in the repository, and what it holds. */
export type SourceFile = { file: string; text: string };

// The provider's own fields in the order reviewers read them; any other top-level key follows, so none goes unseen.
const FIELD_ORDER = [
  ...["name", "slug", "aliases", "url_patterns", "url_pattern", "url_is_variable", "min_version", "formats"],
  ...["native_formats", "limitations", "lint_ignore", ...CAPABILITY_FIELDS, "note"],
];
const CAPABILITY_TOPS = new Set(CAPABILITIES.map((c) => c.path[0]!));
/** A value as one line: scalars as written, a note as its text, lists and mappings as compact JSON. */
const show = (value: unknown): string | undefined =>
  value === undefined || typeof value === "string"
    ? value
    : isMapping(value) && Object.keys(value).length === 1 && typeof value.content === "string"
      ? value.content
      : JSON.stringify(value);

/** A provider as written in its file, read leniently (a file the rules reject still has a name and cells). */
function read(source: SourceFile) {
  const parsed = parseYaml(source.text);
  const value = parsed.malformed ? undefined : parsed.value;
  if (!isMapping(value) || typeof value.name !== "string") return [];
  // Every cell, keyed `capability\u0000field` (`\u0000field` for the provider's own), as written.
  const cells = new Map<string, string>();
  const put = (capability: string, field: string, cell: unknown) => {
    const text = show(cell);
    if (text !== undefined) cells.set(`${capability}\u0000${field}`, text);
  };
  for (const field of Object.keys(value)) if (!CAPABILITY_TOPS.has(field)) put("", field, value[field]);
  const versions = new Set(typeof value.min_version === "string" ? [value.min_version] : []);
  for (const [capability, entry] of capabilityEntries(value)) {
    for (const field of new Set([...CAPABILITY_FIELDS, "note", ...Object.keys(entry)]))
      put(capability.key, field, entry[field]);
    if (entry.supported === true && typeof entry.min_version === "string") versions.add(entry.min_version);
  }
  const aliases = Array.isArray(value.aliases) ? value.aliases.filter((a) => typeof a === "string") : [];
  const slug = typeof value.slug === "string" ? value.slug : slugify(value.name);
  return [{ file: source.file, name: value.name, slug, aliasSlugs: aliases.map(slugify), cells, versions }];
}

type Written = ReturnType<typeof read>[number];

/** Compares the registry before (the files at a git ref) and after (the working tree), as a reviewer reads it. */
export function diffRegistries(before: readonly SourceFile[], after: readonly SourceFile[]) {
  const old = before.flatMap(read);
  const now = after.flatMap(read);
  const oldBySlug = new Map(old.map((p) => [p.slug, p]));
  const nowSlugs = new Set(now.map((p) => p.slug));
  const pairs = new Map<Written, Written>();
  const renamed: { from: Written; to: Written; redirected: boolean }[] = [];
  for (const provider of now) {
    const same = oldBySlug.get(provider.slug);
    // Renamed: the old slug is now an alias, or the file kept its path.
    const previous =
      same ??
      provider.aliasSlugs.map((slug) => oldBySlug.get(slug)).find((p) => p && !nowSlugs.has(p.slug)) ??
      old.find((p) => p.file === provider.file && !nowSlugs.has(p.slug));
    if (!previous || pairs.has(previous)) continue;
    pairs.set(previous, provider);
    if (!same) renamed.push({ from: previous, to: provider, redirected: provider.aliasSlugs.includes(previous.slug) });
  }
  const paired = new Set(pairs.values());
  const added = now.filter((p) => !paired.has(p));
  const removed = old.filter((p) => !pairs.has(p));
  const cells: { provider: string; capability: string; field: string; before?: string; after?: string }[] = [];
  for (const [was, is] of pairs)
    for (const key of new Set([...was.cells.keys(), ...is.cells.keys()])) {
      const [capability, field] = key.split("\u0000") as [string, string];
      if (was.cells.get(key) !== is.cells.get(key))
        cells.push({ provider: is.name, capability, field, before: was.cells.get(key), after: is.cells.get(key) });
    }
  const capabilityOrder = new Map<string, number>([["", -1], ...CAPABILITIES.map((c, i) => [c.key, i] as const)]);
  // A field's place in FIELD_ORDER (a capability's `min_version` after its other fields); unknown ones last.
  const fieldOrder = (field: string) =>
    FIELD_ORDER.includes(field) ? FIELD_ORDER.lastIndexOf(field) : FIELD_ORDER.length;
  cells.sort(
    (a, b) =>
      a.provider.localeCompare(b.provider) ||
      capabilityOrder.get(a.capability)! - capabilityOrder.get(b.capability)! ||
      fieldOrder(a.field) - fieldOrder(b.field) ||
      a.field.localeCompare(b.field),
  );
  // Addresses that appear, disappear or move: provider pages and the matrix's version views.
  const aliasNow = new Set(now.flatMap((p) => p.aliasSlugs));
  const page = (slug: string) => providerPageUrl({ slug });
  const versionsOf = (list: Written[]) =>
    new Set(list.flatMap((p) => [...p.versions].filter((v) => /^\d+\.\d+$/.test(v))));
  const [oldVersions, newVersions] = [versionsOf(old), versionsOf(now)];
  const pages = [
    ...renamed.map(({ from, to, redirected }) => ({
      url: page(from.slug),
      change:
        `moves to ${page(to.slug)}` +
        (redirected ? " (the alias redirects the old address)" : ": add the old slug to `aliases` to redirect it"),
    })),
    ...removed.map(({ slug }) => ({
      url: page(slug),
      change: aliasNow.has(slug) ? "removed; an alias redirects it" : "removed (readers get the 404 page)",
    })),
    ...added.map(({ slug }) => ({ url: page(slug), change: "new" })),
    ...[...newVersions].filter((v) => !oldVersions.has(v)).map((v) => ({ url: versionViewUrl(v), change: "new view" })),
    ...[...oldVersions]
      .filter((v) => !newVersions.has(v))
      .map((v) => ({ url: versionViewUrl(v), change: "removed view" })),
  ];
  // Working-tree files that could not be read (not YAML, or no name): `npm run check` says why.
  const unreadable = after.filter((s) => !now.some((p) => p.file === s.file)).map((s) => s.file);
  return { added, removed, renamed, cells, pages, unreadable };
}

/** A value for a Markdown table cell: a short excerpt in a code span that nothing inside can close. */
function cell(value: string | undefined): string {
  if (value === undefined) return "—";
  const oneLine = value.replace(/\s+/g, " ").trim();
  return codeSpan(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine).replaceAll("|", "\\|");
}

/** Markdown text (names) with the characters a table or inline markup would read escaped. */
const plain = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);

/** The diff as Markdown, ready to paste into a pull request's description. */
export function renderDiffMarkdown(diff: ReturnType<typeof diffRegistries>, ref: string): string {
  const lines = [`## Provider registry changes since \`${ref.replaceAll("`", "")}\``, ""];
  const named = (p: { name: string; slug: string }) => `${plain(p.name)} (\`${p.slug}\`)`;
  const bullets = [
    ...diff.unreadable.map((file) => `- **Not read:** \`${file}\` (run \`npm run check\` to see why)`),
    ...(diff.added.length ? [`- **Added:** ${diff.added.map(named).join(", ")}`] : []),
    ...(diff.removed.length ? [`- **Removed:** ${diff.removed.map(named).join(", ")}`] : []),
    ...diff.renamed.map(({ from, to }) => `- **Renamed:** ${named(from)} → ${named(to)}`),
  ];
  if (!diff.added.length && !diff.removed.length && !diff.renamed.length && !diff.cells.length)
    return [...lines, ...bullets, "No provider data changed.", ""].join("\n");
  if (bullets.length) lines.push(...bullets, "");
  if (diff.cells.length)
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
  if (diff.cells.length) lines.push("");
  if (diff.pages.length) lines.push("### Pages whose address changes", "", "| Page | Change |", "| --- | --- |");
  for (const page of diff.pages) lines.push(`| \`${page.url}\` | ${page.change} |`);
  if (diff.pages.length) lines.push("");
  return lines.join("\n");
}
