import { existsSync } from "node:fs";
import path from "node:path";
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

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** An environment variable name made from a slug: `example-ai` and `API_KEY` make `EXAMPLE_AI_API_KEY`. */
export function envNameFor(slug: string, suffix: string): string {
  let stem = slug.toUpperCase().replaceAll("-", "_");
  if (!/^[A-Z]/.test(stem)) stem = `AI_${stem}`;
  return `${stem.slice(0, 63 - suffix.length).replace(/_+$/, "")}_${suffix}`;
}

/** The text of a new provider file: valid as it stands, every capability listed as not supported. */
export function scaffoldText(
  name: string,
  schemaPath = "../../schema/provider.schema.json",
  givenSlug?: string,
): string {
  const slug = givenSlug ?? slugify(name);
  const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    "# Field guide: _data/providers/README.md. Check your edits with `npm run check`; preview with `npm start`.",
    `name: ${quote(name)}`,
    ...(givenSlug === undefined ? [] : [`slug: ${quote(givenSlug)}`]),
    "url_patterns:",
    "  # Replace with the provider's base URL; keep placeholders such as {route_type_path} as they are.",
    `  - ${quote(`https://api.${slug}.example/{route_type_path}`)}`,
    "# First Kong Gateway version that supports the provider, in quotes:",
    "# min_version: '3.14'",
    "# formats: 'The models or request formats it accepts'",
    "",
    "# Capabilities, in canonical order. To show one, set `supported: true` and uncomment its fields.",
  ];
  for (const group of GROUPS) {
    lines.push("", `# ${group.title}`);
    let parent: string | undefined;
    for (const capability of CAPABILITIES.filter((c) => c.group === group.id)) {
      const [top, child] = capability.key.split(".") as [string, string | undefined];
      const indent = child === undefined ? "  " : "    ";
      if (child !== undefined && parent !== top) lines.push(`${top}:`);
      parent = top;
      lines.push(
        child === undefined ? `${top}:` : `  ${child}:`,
        `${indent}supported: false`,
        `${indent}# streaming: false`,
        `${indent}# upstream_path: '\`/v1/...\`'`,
        `${indent}# route_type: ${quote(capability.routeType)}`,
        `${indent}# model_example: 'n/a'`,
        `${indent}# min_version: '3.14'`,
        `${indent}# note:`,
        `${indent}#   content: 'One or two sentences, shown as a numbered footnote.'`,
      );
    }
  }
  lines.push(
    "",
    "# native_formats:",
    "#   - llm_format: 'example'",
    "#     supported_apis:",
    "#       - '/v1/example'",
    "# limitations:",
    "#   provider_specific: []",
    "#   statistics_logging: []",
    "",
    "# How to configure the gateway's AI Proxy plugin; each supported capability shows the configuration made from it.",
    "gateway:",
    "  # The plugin's model.provider string. An OpenAI-compatible API uses 'openai' with an upstream_url option.",
    "  provider: 'openai'",
    "  # Set to true once these facts are checked against the gateway's own source; until then the page says so.",
    "  confirmed: false",
    "  auth:",
    "    # 'header', 'query' (param_name, env), 'aws' (access_key_id_env, secret_access_key_env), 'gcp' or 'none'.",
    "    style: 'header'",
    "    header_name: 'Authorization'",
    "    bearer: true",
    "    # The environment variable that holds the key: its name, never the key itself.",
    `    env: ${quote(envNameFor(slug, "API_KEY"))}`,
    "  options:",
    "    required:",
    `      upstream_url: { env: ${quote(envNameFor(slug, "UPSTREAM_URL"))} }`,
    "    # recommended:",
    "    #   max_tokens: 1024",
    "",
  );
  return lines.join("\n");
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
