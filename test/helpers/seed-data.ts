// The registry in the seed template's format: what `include.providers.providers` held in the
// Jekyll site the seed comes from. Used by the seed-parity test (liquidjs) and by the benchmark
// (a throwaway Jekyll site), so both feed the seed the same data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { kongRegistryText } from "../../src/kong-registry/export-kong.ts";
import { loadProviderFile, providerFiles } from "../../src/registry/load.ts";
import { parseYaml } from "../../src/registry/yaml-file.ts";

/** The seed template, kept beside the repository in `../shared/seed/`. */
export const seedTemplateFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shared/seed/provider-reference.liquid",
);

/** One provider as the seed reads it: the file's fields, with the single `url_pattern` the seed prints. */
export type SeedProvider = Record<string, any> & { name: string; url_pattern?: string };

/** Every provider file in `providersDir`, parsed and shaped as the seed template expects. */
export function seedProviders(providersDir: string): SeedProvider[] {
  return providerFiles(providersDir).map((file) => {
    const data = parseYaml(readFileSync(file, "utf8")).value as Record<string, any>;
    if (data.compatible_with) inheritPaths(data, file);
    return { ...data, name: String(data.name), url_pattern: data.url_pattern ?? data.url_patterns?.[0] };
  });
}

/**
 * The providers of `npm run export`'s file for `providersDir`, read back from its text: what Kong's own
 * site would hand the seed after the docs team takes the export.
 */
export function exportedSeedProviders(providersDir: string, root?: string): SeedProvider[] {
  return (parse(kongRegistryText(providersDir, { root })) as { providers: SeedProvider[] }).providers;
}

/**
 * A file with `compatible_with` leaves out the route types and upstream paths it inherits (the
 * Kong data the seed reads has no such field): they are written into its entries, as loaded.
 */
function inheritPaths(data: Record<string, any>, file: string): void {
  const provider = loadProviderFile(file).provider;
  for (const capability of provider?.capabilities ?? []) {
    const [parent, child] = capability.key.split(".") as [string, string | undefined];
    const entry = child === undefined ? data[parent] : data[parent][child];
    entry.route_type ??= capability.routeType;
    entry.upstream_path ??= capability.upstreamPath;
  }
}
