import { describe, type DataProblem } from "./errors.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { comparableName, firstLookalike } from "./lookalikes.ts";
import { isText } from "./provider-rules.ts";
import { slugify } from "./slug.ts";
import { parseYaml } from "./yaml-file.ts";

/** What other files must not repeat: a file's name, slug and aliases, with a collector for clashes. */
export interface FileIdentity {
  /** Collects this file's cross-file problems, located in its source; drained on every load. */
  readonly locate: ProblemCollector;
  /** True once `locate` has been made (so draining it does not parse every file). */
  readonly located: boolean;
  /** The file as messages name it (without parsing it again, as `locate.file` would). */
  file: string;
  name: string;
  slug: string | undefined;
  explicitSlug: boolean;
  aliases: { text: string; slug: string; index: number }[];
}

/** What a file must not share with another: read from its parsed value, located on demand. */
export function fileIdentity(
  raw: Record<string, unknown>,
  file: string,
  source: () => string,
): FileIdentity | undefined {
  if (!isText(raw.name)) return undefined;
  const explicitSlug = isText(raw.slug);
  const slug = explicitSlug ? (raw.slug as string) : slugify(raw.name) || undefined;
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases : []).flatMap((text: unknown, index) => {
    const aliasSlug = isText(text) ? slugify(text) : "";
    return aliasSlug && aliasSlug !== slug ? [{ text: text as string, slug: aliasSlug, index }] : [];
  });
  let locate: ProblemCollector | undefined;
  return {
    get locate() {
      return (locate ??= new ProblemCollector(file, parseYaml(source())));
    },
    get located() {
      return locate !== undefined;
    },
    file,
    name: raw.name,
    slug,
    explicitSlug,
    aliases,
  };
}

/** Names, slugs and aliases two files share: they would fight over one page or redirect a live one away. */
export function crossFileProblems(identities: FileIdentity[]): DataProblem[] {
  const _problems: DataProblem[] = [];
  const where = (identity: FileIdentity, field: string) => {
    const line = identity.locate.position(field, false)?.line;
    return `${identity.file}${line ? ` (line ${line})` : ""}`;
  };
  const names = new Map<string, FileIdentity>();
  const slugs = new Map<string, FileIdentity>();
  for (const identity of identities) {
    // Not `locate` here: it parses the file again, wanted only when there is a problem to place.
    const { name, slug } = identity;
    const sameName = names.get(comparableName(name));
    const sameSlug = slug === undefined ? undefined : slugs.get(slug);
    if (sameName) {
      identity.locate.add(
        "name",
        name.toLowerCase() === sameName.name.toLowerCase()
          ? `found ${describe(name)}, which is also the name in ${where(sameName, "name")}, expected each ` +
              "provider to have its own name. Rename one of them."
          : `found ${describe(name)}, which reads as ${describe(sameName.name)}, the name in ` +
              `${where(sameName, "name")}: ${firstLookalike(name) ?? firstLookalike(sameName.name)} is a ` +
              "lookalike of another letter, expected each provider to have a name of its own. Write the name in " +
              "plain Latin letters, or rename one of them.",
      );
    } else if (sameSlug && slug !== undefined) {
      const field = identity.explicitSlug ? "slug" : "name";
      identity.locate.add(
        field,
        `found ${describe(identity.explicitSlug ? slug : name)}, which makes the slug "${slug}", as does ` +
          `${describe(sameSlug.name)} in ${where(sameSlug, sameSlug.explicitSlug ? "slug" : "name")}, expected ` +
          `one provider per page. Rename one, or give one a \`slug\` field.`,
      );
    }
    if (!names.has(comparableName(name))) names.set(comparableName(name), identity);
    if (slug !== undefined && !slugs.has(slug)) slugs.set(slug, identity);
  }
  const aliases = new Map<string, { identity: FileIdentity; index: number }>();
  for (const identity of identities) {
    identity.aliases.forEach(({ slug: aliasSlug, index, text }) => {
      const field = `aliases.${index}`;
      const page = slugs.get(aliasSlug);
      const earlier = aliases.get(aliasSlug);
      if (page && page !== identity) {
        identity.locate.add(
          field,
          `found ${describe(text)}, which makes /ai-providers/${aliasSlug}/, the page of ` +
            `${describe(page.name)} in ${where(page, page.explicitSlug ? "slug" : "name")}, expected an old name ` +
            `or slug that no provider uses now. Remove it.`,
        );
      } else if (earlier && earlier.identity !== identity) {
        identity.locate.add(
          field,
          `found ${describe(text)}, which makes the same redirect (/ai-providers/${aliasSlug}/) as ` +
            `\`aliases[${earlier.index}]\` in ${where(earlier.identity, `aliases.${earlier.index}`)}, expected ` +
            `each alias in one provider only. Remove one of them.`,
        );
      }
      if (!earlier) aliases.set(aliasSlug, { identity, index });
    });
  }
  return identities.flatMap((identity) => (identity.located ? identity.locate.problems.splice(0) : []));
}
