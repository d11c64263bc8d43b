// `npm run export`: our registry as Kong's single file (app/_data/plugins/ai-proxy.yaml), which
// Kong's seed template reads.
import path from "node:path";
import { parse, stringify } from "yaml";
import { RegistryError } from "../registry/errors.ts";
import { loadRegistry } from "../registry/load.ts";
import { readDataFile } from "../registry/read-files.ts";
import { KONG_PARAMETERS, layOutProvider, YAML_STYLE } from "./kong-format.ts";

export interface ExportOptions {
  /** Folder that the registry's file paths are relative to (default: the working directory). */
  root?: string;
}

/** One provider as Kong's file holds it. */
export type KongProvider = Record<string, unknown> & { name: string; url_pattern: string; url_patterns: string[] };

/**
 * The providers of a registry folder as entries of Kong's file, in the registry's order: each
 * file's fields as written (the seed prints values raw), its base URLs as a list
 * (`url_patterns`) and the first of them as the single `url_pattern` the seed prints. Fields
 * Kong's file lacks (`slug`, `aliases`, `lint_ignore`, `gateway`) are kept, so that importing
 * the export gives back the same registry; Kong's templates do not read them. Loads the
 * registry first: a mistake in any file throws its RegistryError, and nothing is exported.
 */
export function kongProviders(providersDir: string, options: ExportOptions = {}): KongProvider[] {
  const root = options.root ?? process.cwd();
  const registry = loadRegistry(providersDir, { root });
  return registry.providers.map((provider) => {
    // The registry just read and accepted this file; it reads again the same, unless it changed in between.
    const read = readDataFile(path.resolve(root, provider.file), provider.file);
    if (read.problem) throw new RegistryError([read.problem]);
    const written = parse(read.source) as Record<string, unknown>;
    const { url_pattern: _single, ...rest } = written;
    const { entry } = layOutProvider({
      ...rest,
      url_pattern: provider.urlPatterns[0],
      url_patterns: provider.urlPatterns,
    });
    return entry as KongProvider;
  });
}

/** The text of Kong's single file for a registry folder: a header, `providers` and Kong's `parameters`. */
export function kongRegistryText(providersDir: string, options: ExportOptions = {}): string {
  const providers = kongProviders(providersDir, options);
  return (
    "# The AI Gateway provider registry in Kong's format (app/_data/plugins/ai-proxy.yaml), written by\n" +
    "# `npm run export` from one file per provider. Edit those files, then export again.\n" +
    stringify({ providers, parameters: KONG_PARAMETERS }, YAML_STYLE)
  );
}
