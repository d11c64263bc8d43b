import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";
import { CAPABILITIES, GROUPS } from "../catalogue.ts";
import { DataError, formatProblem } from "./errors.ts";
import { loadProviderFile, parseProviderSource, providerFiles } from "./load.ts";
import { schemaPathFrom } from "./provider-schema.ts";
import { displayPath } from "./read-files.ts";
import { SLUG_PATTERN, slugify } from "./slug.ts";

/** A scaffold that was refused: the name is unusable, or the file or its slug already exists. */
export class ScaffoldError extends DataError {
  override name = "ScaffoldError";
}

/** An environment variable name made from a slug: `example-ai` and `API_KEY` make `EXAMPLE_AI_API_KEY`. */
export function envNameFor(slug: string, suffix: string): string {
  let stem = slug.toUpperCase().replaceAll("-", "_");
  if (!/^[A-Z]/.test(stem)) stem = `AI_${stem}`;
  return `${stem.slice(0, 63 - suffix.length).replace(/_+$/, "")}_${suffix}`;
}

const TEMPLATE = fileURLToPath(new URL("../../_includes/scaffold/provider.yaml.liquid", import.meta.url));

/** The text of a new provider file: valid as it stands, every capability listed as not supported. */
export function scaffoldText(
  name: string,
  schemaPath = "../../schema/provider.schema.json",
  givenSlug?: string,
): string {
  const slug = givenSlug ?? slugify(name);
  // Each capability under its group's title; a nested one (`audio.speech`) opens its parent first.
  const groups = GROUPS.map((group) => ({
    title: group.title,
    capabilities: CAPABILITIES.filter((c) => c.group === group.id).map((capability, i, members) => {
      const [top, child] = capability.key.split(".") as [string, string | undefined];
      const opens = child !== undefined && members[i - 1]?.key.split(".")[0] !== top;
      return { top, child, opens, indent: child === undefined ? "  " : "    ", routeType: capability.routeType };
    }),
  }));
  const env = { apiKey: envNameFor(slug, "API_KEY"), upstreamUrl: envNameFor(slug, "UPSTREAM_URL") };
  return new Liquid().renderFileSync(TEMPLATE, { name, schemaPath, givenSlug, slug, groups, env });
}

/** The file `name` makes in `dir` (at `givenSlug`, if given), unless a file or provider has its name or slug. */
export function planScaffold(
  name: string,
  dir: string,
  root = process.cwd(),
  givenSlug?: string,
): { file: string; text: string } {
  const trimmed = name.trim();
  if (trimmed === "") throw new ScaffoldError('Give the provider\'s name: npm run new-provider -- "Example AI"');
  if (givenSlug !== undefined && !SLUG_PATTERN.test(givenSlug))
    throw new ScaffoldError(
      `\`--slug\`: found ${JSON.stringify(givenSlug)}, expected lower-case letters, digits and single hyphens. ` +
        `Give one such as --slug ${slugify(givenSlug) || "example-ai"}.`,
    );
  const slug = givenSlug ?? slugify(trimmed);
  if (slug === "")
    throw new ScaffoldError(
      `"${trimmed}" has no letters or digits to make a file name and page slug from. Use a name with some.`,
    );
  const file = path.join(dir, `${slug}.yaml`);
  const shown = displayPath(file, root);
  if (existsSync(file)) throw new ScaffoldError(`${shown} already exists. Edit it, or choose another name.`);
  for (const existing of providerFiles(dir)) {
    // Read as the check reads it (strict UTF-8, bounded); a file it refuses names no provider.
    const { file: relative, identity } = loadProviderFile(existing, { root });
    const clash = !identity
      ? undefined
      : identity.name.toLowerCase() === trimmed.toLowerCase()
        ? `${relative} already has the name "${identity.name}". Edit that file, or choose another name.`
        : identity.slug === slug
          ? `"${trimmed}" makes the slug "${slug}", which ${relative} ("${identity.name}") already uses. Choose ` +
            "another name."
          : identity.aliases.some((alias) => alias.slug === slug)
            ? `"${trimmed}" makes the slug "${slug}", which ${relative} ("${identity.name}") lists as an alias. ` +
              "Remove the alias there first, or choose another name."
            : undefined;
    if (clash) throw new ScaffoldError(clash);
  }
  const text = scaffoldText(trimmed, schemaPathFrom(dir), givenSlug);
  const { problems } = parseProviderSource(text, shown);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) {
    // A name whose slug the site keeps for itself ("Streaming") can still be used, under another slug.
    const slugHint = errors.some((p) => p.field === "name" || p.field === "slug")
      ? `\nKeep the name and choose the page's slug with --slug: npm run new-provider -- "${trimmed}" ` +
        `--slug ${slug}-ai`
      : "";
    throw new ScaffoldError(
      `The name cannot be used as it is:\n${errors.map((p) => `  ${formatProblem(p)}`).join("\n")}${slugHint}`,
    );
  }
  return { file, text };
}
