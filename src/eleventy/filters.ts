import path from "node:path";
import { assetManifest } from "../outputs/assets.ts";
import { providersJsonText } from "../outputs/provider-json.ts";
import { providerSummary } from "../provider-summary.ts";
import type { Provider } from "../registry/model.ts";
import { factFilters } from "../render/fact-filters.ts";
import { formatFilters } from "../render/format-filters.ts";
import { pastablePath } from "../render/inline.ts";
import type { Context } from "liquidjs";
import type { BuildFacts } from "./build-data.ts";

/** What liquidjs gives a filter as `this`: the render context. */
type Filter = { context?: Context } | undefined;

/** Adds every filter the templates use; returns the asset files to copy, by name and published (hashed) name. */
export function registerFilters(
  eleventyConfig: any,
  data: { readonly current: BuildFacts },
  assetsDir: string,
  schemaUrl: string | undefined,
): Map<string, string> {
  // The build's facts as the page being rendered has them (global data `build`): Eleventy reuses a template
  // compiled by an earlier build of the same process, with that build's filters (the tests build many sites).
  const factsOf = (filter: Filter): BuildFacts =>
    (filter?.context?.getSync(["build"]) as BuildFacts | undefined) ?? data.current;
  const filters: Record<string, (this: Filter, ...args: any[]) => unknown> = {
    ...formatFilters(),
    ...factFilters,
    pastablePath: (text: string) => pastablePath(String(text ?? "")) ?? null,
  };
  const fromFacts: Record<string, (facts: BuildFacts, ...args: any[]) => unknown> = {
    providerNavigation: (facts, provider: Provider) => facts.navigation.forProvider(provider),
    /** `{% assign list = registry | selfHostedProviders %}`: the providers marked self-hosted, name and url. */
    selfHostedProviders: (facts) => facts.navigation.selfHosted,
    providerSummary: (facts, provider: Provider) => providerSummary(provider, facts.site, facts.lastUpdated(provider)),
    lastUpdated: (facts, provider: Provider) => facts.lastUpdated(provider) ?? null,
    matrixRows: (facts, url: string) => facts.matrix.rows(url),
    providerJson: (facts, provider: Provider) => facts.jsonTextsOf(provider).text,
    providersJson: (facts) =>
      providersJsonText(facts.registry.providers, facts.site, (p) => facts.jsonTextsOf(p).item, schemaUrl),
  };
  for (const [name, filter] of Object.entries(fromFacts))
    filters[name] = function (this: Filter, ...args: unknown[]) {
      return filter(factsOf(this), ...args);
    };
  const assets = assetManifest(assetsDir);
  // `{{ "site.css" | assetUrl }}` → `/assets/site.3f9c2a71b0.css`
  filters.assetUrl = (name: string) => {
    if (!assets.has(name))
      throw new Error(`No asset is named "${name}" in ${path.relative(process.cwd(), assetsDir)}.`);
    return `/assets/${assets.get(name)}`;
  };
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  return assets;
}
