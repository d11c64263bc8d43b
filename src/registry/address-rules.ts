import { RESERVED_SLUGS, SITE_PATH_SEGMENTS } from "../urls.ts";
import { describe, isText } from "./errors.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { slugify } from "./slug.ts";

/** The longest slug (a folder name on disk and a part of every address). */
export const MAX_SLUG_LENGTH = 64;

/** The addresses a file claims: its name, its slug (`explicitSlug`: set, not made from the name), its aliases'. */
export function identityOf(raw: Record<string, unknown>) {
  if (!isText(raw.name)) return undefined;
  const explicitSlug = isText(raw.slug);
  // Each alias that is text, with its slug (`""` when it has no letters or digits) and its index.
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases : []).flatMap((text: unknown, index) =>
    isText(text) ? [{ text, slug: slugify(text), index }] : [],
  );
  const slug = explicitSlug ? (raw.slug as string) : slugify(raw.name) || undefined;
  return { name: raw.name, slug, explicitSlug, aliases };
}

/** Which of the site's addresses a segment belongs to, for the message. */
function siteUse(segment: string): string {
  if ((SITE_PATH_SEGMENTS.matrix as readonly string[]).includes(segment))
    return (
      `/ai-providers/${segment}/, where the capability matrix has its ` +
      `${segment === "page" ? "later pages" : "views"}`
    );
  if ((SITE_PATH_SEGMENTS.twins as readonly string[]).includes(segment))
    return `/ai-providers/${segment}/, which reads as the folder's own page beside each Markdown twin (index.md)`;
  return `/ai-providers/${segment}/, named like the site's own /${segment}/ folder`;
}

// A tag (`<b>`, `</a>`), a comment, or a character reference (`&amp;`, `&#60;`).
const HTML_IN_TEXT = /<\/?[a-z][^<>]*>|<!--|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i;

/** The name, slug and aliases of one file: each makes an address, which must be the site's to give. */
export function checkAddresses(raw: Record<string, unknown>, tooLong: Set<string>, problems: ProblemCollector): void {
  const identity = identityOf(raw);
  if (!identity) return;
  const { name, slug, explicitSlug } = identity;
  const html = HTML_IN_TEXT.exec(name);
  if (html && !tooLong.has("name")) {
    const plain = name
      .replace(/<[^<>]*>|&[#a-z0-9]+;/gi, "")
      .replace(/\s+/g, " ")
      .trim();
    problems.add(
      "name",
      `found HTML (\`${html[0]}\`) in ${describe(name)}, expected plain text: a name is shown exactly as written.` +
        (plain ? ` Did you mean ${describe(plain)}?` : " Write the name without markup."),
      { position: problems.positionOfText("name", html[0]) },
    );
  }
  if (slug === undefined && raw.slug === undefined && !tooLong.has("name"))
    problems.add(
      "name",
      `found ${describe(name)}, which has no letters or digits to make a page slug from, expected a name with ` +
        "some. Add a `slug` field, e.g. `slug: 'my-provider'`.",
    );
  else if (slug !== undefined && !tooLong.has(explicitSlug ? "slug" : "name")) {
    const fix = `${slug}-ai`;
    const too = slug.length > MAX_SLUG_LENGTH;
    if (RESERVED_SLUGS.has(slug) && explicitSlug)
      problems.add(
        "slug",
        `found "${slug}", which would put the page at ${siteUse(slug)}, expected a slug the site does not use ` +
          `itself. Choose another, e.g. \`slug: '${fix}'\`.`,
      );
    else if (RESERVED_SLUGS.has(slug))
      problems.add(
        "name",
        `found ${describe(name)}, which makes the slug "${slug}" and would put the page at ${siteUse(slug)}, ` +
          `expected a slug the site does not use itself. Add a \`slug\` field, e.g. \`slug: '${fix}'\`, and name ` +
          `the file ${fix}.yaml.`,
      );
    else if (too && explicitSlug)
      problems.add(
        "slug",
        `found ${describe(slug)} (${slug.length} characters), expected a slug of at most ${MAX_SLUG_LENGTH} ` +
          "characters. Shorten it.",
      );
    else if (too)
      problems.add(
        "name",
        `found ${describe(name)}, which makes a slug of ${slug.length} characters, expected at most ` +
          `${MAX_SLUG_LENGTH}. Shorten the name, or add a shorter \`slug\` field.`,
      );
  }
  const first = new Map<string, { text: string; index: number }>();
  for (const alias of identity.aliases) {
    const found = describe(alias.text);
    const earlier = first.get(alias.slug);
    const message =
      alias.slug === ""
        ? `found ${found}, which has no letters or digits to make a page address from, expected an old name or ` +
          "slug. Remove it."
        : alias.slug === slug
          ? `found ${found}, which makes this provider's own slug "${slug}", expected an old name or slug: it ` +
            "would redirect the page to itself. Remove it."
          : earlier && earlier.text !== alias.text
            ? `found ${found}, which makes the same redirect (/ai-providers/${alias.slug}/) as ` +
              `\`aliases[${earlier.index}]\`, expected each alias once. Remove one.`
            : RESERVED_SLUGS.has(alias.slug)
              ? `found ${found}, which makes ${siteUse(alias.slug)}, ` +
                "expected an old name or slug of this provider: its redirect would send readers of that page " +
                "away. Remove it."
              : alias.slug.length > MAX_SLUG_LENGTH
                ? `found ${found}, which makes an address of ${alias.slug.length} characters, expected at most ` +
                  `${MAX_SLUG_LENGTH}. Shorten it.`
                : undefined;
    if (message && !tooLong.has(`aliases.${alias.index}`)) problems.add(`aliases.${alias.index}`, message);
    if (!earlier) first.set(alias.slug, alias);
  }
}
