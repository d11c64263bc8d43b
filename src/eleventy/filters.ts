import path from "node:path";
import { assetManifest, assetUrlOf } from "../outputs/assets.ts";
import type { Provider } from "../registry/model.ts";
import { factFilters } from "../render/fact-filters.ts";
import { formatFilters } from "../render/format-filters.ts";
import { pastablePath } from "../render/inline.ts";
import { readerFilters } from "../render/reader-filters.ts";
import type { RenderContext } from "../render/markup.ts";
import type { BuildFacts } from "./build-data.ts";

/** What liquidjs gives a filter as `this`: the render context. */
type Filter = { context?: RenderContext } | undefined;

/** Where the filters find the build's data and the published files. */
export interface FilterSources {
  /** The build in progress (`BuildData`): its facts are read when a filter runs. */
  data: { readonly current: BuildFacts };
  assetsDir: string;
  /** The data files' JSON Schema's address, when the site publishes it. */
  schemaUrl: string | undefined;
}

/**
 * Every filter the templates use, through Eleventy's `addFilter`: the markup filters (one per output,
 * HTML or Markdown), the facts (addresses, descriptions, dates, configurations), way-finding, and the
 * build's per-provider facts. Returns the asset files to copy, by source path and published name.
 */
export function registerFilters(
  eleventyConfig: any,
  { data, assetsDir, schemaUrl }: FilterSources,
): Map<string, string> {
  // The build's facts as the page being rendered has them (global data `build`): Eleventy reuses a template
  // compiled by an earlier build of the same process, with that build's filters (the tests build many sites).
  const factsOf = (filter: Filter): BuildFacts =>
    (filter?.context?.getSync(["build"]) as BuildFacts | undefined) ?? data.current;
  const filters: Record<string, (this: Filter, ...args: any[]) => unknown> = {
    ...formatFilters(),
    ...factFilters,
    ...readerFilters,
    pastablePath: (text: string) => pastablePath(String(text ?? "")) ?? null,
    providerNavigation(provider: Provider) {
      return factsOf(this).navigation.forProvider(provider);
    },
    /** `{% assign list = registry | selfHostedProviders %}`: the providers marked self-hosted, name and url. */
    selfHostedProviders() {
      return factsOf(this).navigation.selfHosted;
    },
    providerSummary(provider: Provider) {
      return factsOf(this).summary(provider);
    },
    lastUpdated(provider: Provider) {
      return factsOf(this).lastUpdated(provider) ?? null;
    },
    matrixRows(url: string) {
      return factsOf(this).matrix.rows(url);
    },
    providerJson(provider: Provider) {
      return factsOf(this).providerJson(provider);
    },
    providersJson() {
      return factsOf(this).providersJson(schemaUrl);
    },
  };
  const assets = assetManifest(assetsDir);
  filters.assetUrl = assetUrlOf(assets, path.relative(process.cwd(), assetsDir));
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  return assets;
}
