import path from "node:path";
import { CAPABILITIES } from "../catalogue.ts";
import { RESERVED_SLUGS, SITE_PATH_SEGMENTS } from "../urls.ts";
import { describe, type DataProblem, isMapping } from "./errors.ts";
import { capabilityEntry } from "./normalise.ts";
import type { FileIdentity } from "./cross-file.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { comparableName } from "./lookalikes.ts";
import { isText } from "./provider-rules.ts";
import { SLUG_PATTERN, slugify } from "./slug.ts";

/** The rules that tie a provider file to the site's addresses. */
export function checkSiteRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  checkReservedSlug(raw, problems);
  checkReservedAliases(raw, problems);
  checkScaffoldLeftovers(raw, problems);
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

function checkReservedSlug(raw: Record<string, unknown>, problems: ProblemCollector): void {
  const explicit = isText(raw.slug);
  const slug = explicit ? (raw.slug as string) : isText(raw.name) ? slugify(raw.name) : "";
  if (!RESERVED_SLUGS.has(slug)) return;
  const suggestion = `${slug}-ai`;
  problems.add(
    explicit ? "slug" : "name",
    explicit
      ? `found "${slug}", which would put the page at ${siteUse(slug)}, expected a slug the site does not use ` +
          `itself. Choose another, e.g. \`slug: '${suggestion}'\`.`
      : `found ${describe(raw.name)}, which makes the slug "${slug}" and would put the page at ${siteUse(slug)}, ` +
          `expected a slug the site does not use itself. Add a \`slug\` field, e.g. \`slug: '${suggestion}'\`, and ` +
          `name the file ${suggestion}.yaml.`,
  );
}

function checkReservedAliases(raw: Record<string, unknown>, problems: ProblemCollector): void {
  if (!Array.isArray(raw.aliases)) return;
  for (const [index, alias] of raw.aliases.entries()) {
    if (!isText(alias) || !RESERVED_SLUGS.has(slugify(alias))) continue;
    problems.add(
      `aliases.${index}`,
      `found ${describe(alias)}, which makes /ai-providers/${slugify(alias)}/, ` +
        `${siteUse(slugify(alias)).replace(/^\S+, /, "")}, expected an old name or slug of this provider: its ` +
        `redirect would send readers of that page away. Remove it.`,
    );
  }
}

// The scaffold's placeholder host: `https://api.<slug>.example/...` (`.example` is reserved, RFC 2606).
const PLACEHOLDER_URL = /^[a-z]+:\/\/[^/]*\.example(?:[:/]|$)/i;

/** `npm run new-provider` writes a valid file; left as it is, it makes an empty page with a fake URL. */
function checkScaffoldLeftovers(raw: Record<string, unknown>, problems: ProblemCollector): void {
  const patterns = Array.isArray(raw.url_patterns) ? raw.url_patterns : [];
  for (const [index, url] of patterns.entries()) {
    if (typeof url !== "string" || !PLACEHOLDER_URL.test(url)) continue;
    problems.add(
      `url_patterns.${index}`,
      `found the scaffold's placeholder ${describe(url)}, expected the provider's real base URL. Replace it ` +
        `with the URL from the provider's API reference.`,
      { severity: "warning" },
    );
  }
  if (typeof raw.url_pattern === "string" && PLACEHOLDER_URL.test(raw.url_pattern)) {
    problems.add(
      "url_pattern",
      `found the placeholder ${describe(raw.url_pattern)}, expected the provider's real base URL. Replace it.`,
      { severity: "warning" },
    );
  }
  const supportsOne = CAPABILITIES.some((c) => {
    const entry = capabilityEntry(raw, c);
    return isMapping(entry) && entry.supported === true;
  });
  if (!supportsOne) {
    const first = CAPABILITIES.find((c) => Object.hasOwn(raw, c.path[0]!));
    problems.add(
      undefined,
      "found no supported capability, expected at least one: the page would have no table. Set `supported: " +
        "true` on each capability the gateway supports for this provider, and fill in its fields.",
      {
        severity: "warning",
        position: (first && problems.position(first.path[0]!, true)) ?? { line: 1, column: 1 },
      },
    );
  }
}

/** Each file is named after its page: `<slug>.yaml`. */
export function fileNameProblems(identities: readonly FileIdentity[], unsettled: ReadonlySet<string>): DataProblem[] {
  // Two files sharing a name or slug are told to rename one; which file keeps it is the writer's choice.
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const identity of identities) {
    bump(`name:${comparableName(identity.name)}`);
    if (identity.slug !== undefined) bump(`slug:${identity.slug}`);
  }
  for (const identity of identities) {
    if (unsettled.has(identity.file)) continue;
    if (count.get(`name:${comparableName(identity.name)}`)! > 1 || count.get(`slug:${identity.slug}`)! > 1) continue;
    const file = identity.file;
    const extension = path.posix.extname(file);
    const base = path.posix.basename(file, extension);
    if (identity.slug === undefined || base === identity.slug) continue;
    const target = path.posix.join(path.posix.dirname(file), `${identity.slug}${extension}`);
    const field = identity.explicitSlug ? "slug" : "name";
    // A file still named after its old slug: the old address should redirect to the new one.
    const redirected = identity.aliases.some((alias) => alias.slug === base) || !SLUG_PATTERN.test(base);
    identity.locate.add(
      field,
      `found ${JSON.stringify(identity.explicitSlug ? identity.slug : identity.name)}, which makes the slug ` +
        `"${identity.slug}", but the file is named ${base}${extension}, expected each file named after its page. ` +
        `Run \`git mv ${file} ${target}\`` +
        (redirected
          ? ""
          : `, and add \`aliases: ['${base}']\` if /ai-providers/${base}/ was published, so that it redirects`) +
        ".",
    );
  }
  return identities.flatMap((identity) => (identity.located ? identity.locate.problems.splice(0) : []));
}

/** An empty folder builds a site with no provider: almost always a wrong `PROVIDERS_DIR` or a lost checkout. */
export function emptyRegistryProblem(dir: string, root: string): DataProblem {
  const shown = path.relative(root, dir).split(path.sep).join("/") || ".";
  return {
    file: shown,
    message:
      `found no provider file (*.yaml), expected at least one. Add one with \`npm run new-provider -- "Name"\`, ` +
      `or point PROVIDERS_DIR at the folder that holds them.`,
    severity: "error",
  };
}
