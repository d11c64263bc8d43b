// `npm run export`: our registry as Kong's single file (app/_data/plugins/ai-proxy.yaml).
import path from "node:path";
import { parse, stringify } from "yaml";
import { inlineMarkdown } from "../outputs/markdown-text.ts";
import { RegistryError, isMapping } from "../registry/errors.ts";
import { loadRegistry } from "../registry/load.ts";
import { readDataFile } from "../registry/read-files.ts";
import { capabilityEntries } from "../registry/model.ts";
import { KONG_PARAMETERS, layOutProvider, YAML_STYLE } from "./kong-format.ts";

/** The providers of a registry folder as entries of Kong's file, in the registry's order (paths from `root`). */
export function kongProviders(providersDir: string, { root = process.cwd() }: { root?: string } = {}) {
  return loadRegistry(providersDir, { root }).providers.map((provider) => {
    // The registry just read and accepted this file; it reads again the same, unless it changed in between.
    const read = readDataFile(path.resolve(root, provider.file), provider.file);
    if (read.problem) throw new RegistryError([read.problem]);
    const { url_pattern: _single, ...rest } = parse(read.source) as Record<string, unknown>;
    // Inline-Markdown values as the Markdown twin writes them (`inlineMarkdown`).
    const markdown = (value: unknown) => (typeof value === "string" ? inlineMarkdown(value) : value);
    for (const [definition, entry] of capabilityEntries(rest)) {
      // An OpenAI-compatible provider's file leaves out the route types and paths it inherits; Kong's file has them.
      const capability = provider.compatibleWith && provider.capabilities.find((c) => c.key === definition.key);
      if (capability)
        Object.assign(entry, { route_type: capability.routeType, upstream_path: capability.upstreamPath });
      for (const field of ["upstream_path", "model_example"])
        if (Object.hasOwn(entry, field)) entry[field] = markdown(entry[field]);
      if (isMapping(entry.note) && Object.hasOwn(entry.note, "content"))
        entry.note.content = markdown(entry.note.content);
    }
    if (isMapping(rest.limitations))
      for (const [key, list] of Object.entries(rest.limitations))
        if (Array.isArray(list)) rest.limitations[key] = list.map(markdown);
    return layOutProvider({ ...rest, url_pattern: provider.urlPatterns[0], url_patterns: provider.urlPatterns }).entry;
  });
}

/** The text of Kong's single file for a registry folder: a header, `providers` and Kong's `parameters`. */
export function kongRegistryText(providersDir: string, options: { root?: string } = {}): string {
  const providers = kongProviders(providersDir, options);
  return (
    "# The AI Gateway provider registry in Kong's format (app/_data/plugins/ai-proxy.yaml), written by\n" +
    "# `npm run export` from one file per provider. Edit those files, then export again.\n" +
    stringify({ providers, parameters: KONG_PARAMETERS }, YAML_STYLE)
  );
}
