import path from "node:path";
import { identityOf } from "./address-rules.ts";
import { type DataProblem, describe } from "./errors.ts";
import { comparableName, firstLookalike } from "./lookalikes.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { SLUG_PATTERN } from "./slug.ts";

/** What other files must not repeat (name, slug, aliases), and where each stands, to locate a clash later. */
export function fileIdentity(raw: Record<string, unknown>, problems: ProblemCollector) {
  const identity = identityOf(raw);
  if (!identity) return undefined;
  const fields = ["name", "slug", ...identity.aliases.map((alias) => `aliases.${alias.index}`)];
  return { ...identity, file: problems.file, positions: new Map(fields.map((f) => [f, problems.position(f, false)])) };
}

export type FileIdentity = NonNullable<ReturnType<typeof fileIdentity>>;

/** Names, slugs and aliases two files share, and files not named after their page (unless `unsettled`). */
export function crossFileProblems(identities: readonly FileIdentity[], unsettled = new Set<string>()): DataProblem[] {
  const found: DataProblem[] = [];
  const report = (identity: FileIdentity, field: string, message: string) => {
    const collector = new ProblemCollector(identity.file);
    collector.add(field, message, { position: identity.positions.get(field) });
    found.push(...collector.problems);
  };
  const where = (identity: FileIdentity, field: string) => {
    const line = identity.positions.get(field)?.line;
    return `${identity.file}${line ? ` (line ${line})` : ""}`;
  };
  const slugField = (identity: FileIdentity) => (identity.explicitSlug ? "slug" : "name");
  const names = new Map<string, FileIdentity>();
  const slugs = new Map<string, FileIdentity>();
  for (const identity of identities) {
    const { name, slug } = identity;
    const sameName = names.get(comparableName(name));
    const sameSlug = slug === undefined ? undefined : slugs.get(slug);
    if (sameName)
      report(
        identity,
        "name",
        name.toLowerCase() === sameName.name.toLowerCase()
          ? `found ${describe(name)}, which is also the name in ${where(sameName, "name")}, expected each ` +
              "provider to have its own name. Rename one of them."
          : `found ${describe(name)}, which reads as ${describe(sameName.name)}, the name in ` +
              `${where(sameName, "name")}: ${firstLookalike(name) ?? firstLookalike(sameName.name)} is a ` +
              "lookalike of another letter, expected each provider to have a name of its own. Write the name in " +
              "plain Latin letters, or rename one of them.",
      );
    else if (sameSlug)
      report(
        identity,
        slugField(identity),
        `found ${describe(identity.explicitSlug ? slug : name)}, which makes the slug "${slug}", as does ` +
          `${describe(sameSlug.name)} in ${where(sameSlug, slugField(sameSlug))}, expected one provider per page. ` +
          "Rename one, or give one a `slug` field.",
      );
    for (const other of [sameName, sameSlug]) if (other) unsettled.add(other.file).add(identity.file);
    if (!sameName) names.set(comparableName(name), identity);
    if (slug !== undefined && !sameSlug) slugs.set(slug, identity);
  }
  const aliases = new Map<string, { identity: FileIdentity; index: number }>();
  for (const identity of identities) {
    for (const { slug, index, text } of identity.aliases) {
      if (!slug || slug === identity.slug) continue;
      const page = slugs.get(slug);
      const earlier = aliases.get(slug);
      if (page && page !== identity)
        report(
          identity,
          `aliases.${index}`,
          `found ${describe(text)}, which makes /ai-providers/${slug}/, the page of ${describe(page.name)} in ` +
            `${where(page, slugField(page))}, expected an old name or slug that no provider uses now. Remove it.`,
        );
      else if (earlier && earlier.identity !== identity)
        report(
          identity,
          `aliases.${index}`,
          `found ${describe(text)}, which makes the same redirect (/ai-providers/${slug}/) as ` +
            `\`aliases[${earlier.index}]\` in ${where(earlier.identity, `aliases.${earlier.index}`)}, expected ` +
            "each alias in one provider only. Remove one of them.",
        );
      if (!earlier) aliases.set(slug, { identity, index });
    }
  }
  for (const identity of identities) {
    const { file, slug } = identity;
    const extension = path.posix.extname(file);
    const base = path.posix.basename(file, extension);
    if (unsettled.has(file) || slug === undefined || base === slug) continue;
    // A file still named after its old slug: the old address should redirect to the new one.
    const redirected = identity.aliases.some((alias) => alias.slug === base) || !SLUG_PATTERN.test(base);
    report(
      identity,
      slugField(identity),
      `found ${JSON.stringify(identity.explicitSlug ? slug : identity.name)}, which makes the slug "${slug}", but ` +
        `the file is named ${base}${extension}, expected each file named after its page. Run \`git mv ${file} ` +
        `${path.posix.join(path.posix.dirname(file), `${slug}${extension}`)}\`` +
        (redirected
          ? ""
          : `, and add \`aliases: ['${base}']\` if /ai-providers/${base}/ was published, so that it redirects`) +
        ".",
    );
  }
  return found;
}
