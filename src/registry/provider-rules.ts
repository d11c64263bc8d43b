import { checkConfigValues } from "./config-rules.ts";
import { CAPABILITIES } from "../catalogue.ts";
import { ROUTE_TYPES } from "../gateway-catalogue.ts";
import { describe, isMapping } from "./errors.ts";
import { checkGatewayRules } from "./gateway-rules.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { slugify } from "./slug.ts";
import { checkMarkdownLinks, checkTextValues } from "./text-rules.ts";

/** The rules a JSON Schema cannot say well, checked after it: a route type that belongs to another capability. */
export function checkProviderRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  // Values past the length limit are reported once there and scanned by no other rule.
  const tooLong = checkTextValues(raw, problems);
  const slug = tooLong.has("name") ? undefined : checkName(raw, problems);
  checkCapabilities(raw, problems);
  for (const [field, value] of markdownValues(raw)) if (!tooLong.has(field)) checkMarkdownLinks(field, value, problems);
  checkAliases(raw, slug, problems);
  checkGatewayRules(raw, problems);
  checkConfigValues(raw, problems);
}

/** A string with something in it besides white space. */
export const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

function at(root: unknown, parts: readonly string[]): unknown {
  let value: unknown = root;
  for (const part of parts) {
    if (!isMapping(value) || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

// A tag (`<b>`, `</a>`), a comment, or a character reference (`&amp;`, `&#60;`).
const HTML_IN_TEXT = /<\/?[a-z][^<>]*>|<!--|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i;

/** Checks the name and returns the provider's slug (from `slug`, else from `name`), if it has one. */
function checkName(raw: Record<string, unknown>, problems: ProblemCollector): string | undefined {
  const name = raw.name;
  if (!isText(name)) return undefined;
  const html = HTML_IN_TEXT.exec(name);
  if (html) {
    const plain = name
      .replace(/<[^<>]*>/g, "")
      .replace(/&[#a-z0-9]+;/gi, "")
      .replace(/\s+/g, " ")
      .trim();
    problems.add(
      "name",
      `found HTML (\`${html[0]}\`) in ${describe(name)}, expected plain text: a name is shown exactly as written.` +
        (plain ? ` Did you mean ${describe(plain)}?` : " Write the name without markup."),
      { position: problems.positionOfText("name", html[0]) },
    );
  }
  if (raw.slug !== undefined) return isText(raw.slug) ? raw.slug : undefined;
  const slug = slugify(name);
  if (slug === "") {
    problems.add(
      "name",
      `found ${describe(name)}, which has no letters or digits to make a page slug from, expected a name with ` +
        `some. Add a \`slug\` field, e.g. \`slug: 'my-provider'\`.`,
    );
    return undefined;
  }
  return slug;
}

function checkCapabilities(raw: Record<string, unknown>, problems: ProblemCollector): void {
  for (const capability of CAPABILITIES) {
    const entry = at(raw, capability.path);
    if (!isMapping(entry)) continue;
    if (entry.supported === false && Object.hasOwn(entry, "note")) {
      problems.add(
        `${capability.key}.note`,
        `found a note on a capability that is not supported, expected notes only on supported capabilities: ` +
          `this one could never be shown. Remove the note, or set \`supported: true\`.`,
        { atKey: true },
      );
    }
    const routeType = entry.route_type;
    if (
      entry.supported === true &&
      typeof routeType === "string" &&
      ROUTE_TYPES.includes(routeType) &&
      routeType !== capability.routeType &&
      // Another family (audio for chat) is the consistency lint's `route-type-family`.
      routeType.split("/")[0] === capability.routeType.split("/")[0]
    ) {
      problems.add(
        `${capability.key}.route_type`,
        `found "${routeType}", expected "${capability.routeType}" for \`${capability.key}\`. Use ` +
          `"${capability.routeType}" unless the gateway really routes this capability through "${routeType}".`,
        { severity: "warning" },
      );
    }
  }
}

// The inline-Markdown fields, split into path parts once rather than once per file.
const MARKDOWN_FIELDS = [
  "formats",
  ...CAPABILITIES.flatMap((c) => ["upstream_path", "model_example", "note.content"].map((key) => `${c.key}.${key}`)),
].map((field) => ({ field, parts: field.split(".") }));
const MARKDOWN_LISTS = ["limitations.provider_specific", "limitations.statistics_logging"].map((field) => ({
  field,
  parts: field.split("."),
}));

function* markdownValues(raw: Record<string, unknown>): Generator<[string, string]> {
  for (const { field, parts } of MARKDOWN_FIELDS) {
    const value = at(raw, parts);
    if (typeof value === "string") yield [field, value];
  }
  for (const { field: list, parts } of MARKDOWN_LISTS) {
    const items = at(raw, parts);
    if (!Array.isArray(items)) continue;
    for (const [index, item] of items.entries()) if (typeof item === "string") yield [`${list}.${index}`, item];
  }
}

function checkAliases(raw: Record<string, unknown>, slug: string | undefined, problems: ProblemCollector): void {
  if (!Array.isArray(raw.aliases)) return;
  const seen = new Map<string, number>();
  for (const [index, alias] of raw.aliases.entries()) {
    if (!isText(alias)) continue;
    const field = `aliases.${index}`;
    const aliasSlug = slugify(alias);
    if (aliasSlug === "") {
      problems.add(
        field,
        `found ${describe(alias)}, which has no letters or digits to make a page address from, expected an old ` +
          `name or slug. Remove it.`,
      );
    } else if (aliasSlug === slug) {
      problems.add(
        field,
        `found ${describe(alias)}, which makes this provider's own slug "${slug}", expected an old name or ` +
          `slug: it would redirect the page to itself. Remove it.`,
      );
    } else if (seen.has(aliasSlug) && raw.aliases[seen.get(aliasSlug)!] !== alias) {
      problems.add(
        field,
        `found ${describe(alias)}, which makes the same redirect (/ai-providers/${aliasSlug}/) as ` +
          `\`aliases[${seen.get(aliasSlug)}]\`, expected each alias once. Remove one.`,
      );
    }
    if (!seen.has(aliasSlug)) seen.set(aliasSlug, index);
  }
}
