import path from "node:path";
import { registerAssetFiles } from "./asset-files.ts";
import { registerBuildEnd } from "./build-end.ts";
import { BuildRun } from "./build-run.ts";
import { registerBuildStart } from "./build-start.ts";
import { BuildState } from "./build-state.ts";
import { registerCapabilityMatrixData } from "./capability-matrix-data.ts";
import { registerChangedDataFiles } from "./changed-data-files.ts";
import { isCliBuild, stopCliBuildOnDataError } from "./check-before-build.ts";
import { registerDeletedDataFiles } from "./deleted-data-files.ts";
import { registerFactFilters } from "./fact-filters.ts";
import { registerFlatRenderedPages } from "./flat-rendered-pages.ts";
import { registerHelperTemplates } from "./helper-templates.ts";
import { registerHistoryData } from "./history-data.ts";
import { registerHomeData } from "./home-data.ts";
import { registerLastUpdatedFilter } from "./last-updated-filter.ts";
import { registerLlmsTxtShortcode } from "./llms-txt-shortcode.ts";
import { registerMatrixRowsFilter } from "./matrix-rows-filter.ts";
import { registerOutputFormatFilters } from "./output-format-filters.ts";
import { OutputFolder } from "./output-folder.ts";

export { outputFolderFor } from "./output-folder.ts";
import { registerProviderPageFilters } from "./provider-page-filters.ts";
import { registerProviderPagesData } from "./provider-pages-data.ts";
import { registerProviderReferenceTag } from "./provider-reference-tag.ts";
import { registerReaderFilters } from "./reader-filters.ts";
import { registerRegistryData } from "./registry-data.ts";
import { registerSchemaFile } from "./schema-file.ts";
import { registerSiteData } from "./site-data.ts";
import { registerSitemapShortcode } from "./sitemap-shortcode.ts";
import { dataFileCount, favourMemoryFor, HelperProcesses, helperSnapshot, splitsAt } from "./split-build.ts";
import { registerUrlsData } from "./urls-data.ts";
import type { Registry } from "../registry/load.ts";

/** A build that writes files (no `--to=json`, no `--dryrun`): only such a build is split. */
const isPlainCliBuild = () =>
  isCliBuild() && !process.argv.some((arg) => arg.startsWith("--to") || arg.startsWith("--dryrun"));

export interface ProviderReferenceOptions {
  /** Folder of provider data files (default `_data/providers`). */
  providersDir?: string;
  /** Site settings file (default `_data/site.yaml`). */
  siteFile?: string;
  /** Folder that data-file paths in messages and edit links are relative to (default: working directory). */
  root?: string;
  /** CSS and JavaScript, published under fingerprinted names (default `pages/assets`). */
  assetsDir?: string;
  /** The data files' JSON Schema, published when present (default `schema/provider.schema.json`). */
  schemaFile?: string;
  /**
   * The output folder (default: `_site`, written in place). Eleventy's output directory must be
   * its `buildDir`, set by the configuration (plugins may not set directories): see `outputFolderFor`.
   */
  output?: OutputFolder;
}

/**
 * The Eleventy side of the project, wired here, one registration per module: global data
 * (`registry`, `site`, `urls`, `capabilityMatrix`, `history`, `stats`, `catalogue`), filters, the `providerReference`
 * tag, shortcodes for the generated files, the asset and schema files, and the build's start and end.
 */
export default function providerReferencePlugin(eleventyConfig: any, options: ProviderReferenceOptions = {}) {
  const root = options.root ?? process.cwd();
  const resolve = (file: string | undefined, fallback: string) => path.resolve(root, file ?? fallback);
  // A split build's helper process builds from the registry the first process loaded and checked.
  const helper = helperSnapshot();
  const paths = {
    root,
    providersDir: resolve(options.providersDir, "_data/providers"),
    siteFile: resolve(options.siteFile, "_data/site.yaml"),
    assetsDir: resolve(options.assetsDir, "pages/assets"),
    schemaFile: resolve(options.schemaFile, "schema/provider.schema.json"),
  };
  const state = new BuildState(paths, helper?.registry);
  // git runs while Eleventy starts up.
  state.readHistory();
  const output = options.output ?? new OutputFolder(path.resolve(root, "_site"), false);
  let registry: Registry | undefined;
  let helpers: HelperProcesses | undefined;
  if (!helper) {
    // The folder is counted once, before the registry is read: for V8's memory mode and for the split.
    const files = isPlainCliBuild() ? dataFileCount(state.paths.providersDir) : 0;
    favourMemoryFor(files);
    // A large registry: the provider pages are split over several processes, on both cores. The
    // helpers start now, from the number of files, so they start up while the registry is loaded.
    if (output.staged && splitsAt(files)) helpers = new HelperProcesses(files);
    const checked = () => (registry = state.check());
    stopCliBuildOnDataError(checked, path.relative(root, state.paths.providersDir) || ".");
  }
  const schemaUrl = registerSchemaFile(eleventyConfig, state.paths.schemaFile, !helper);
  let run: BuildRun;
  if (helper) {
    state.pages = helper.share;
    state.matrixPages = helper.matrixShare;
    registerHelperTemplates(eleventyConfig);
    run = new BuildRun(state, output, schemaUrl, { helper: helper.done });
  } else if (registry && helpers) {
    // The staging folder is cleared before the helpers start writing there.
    output.prepare();
    helpers.handOver(registry);
    state.pages = helpers.share;
    state.matrixPages = helpers.matrixShare;
    run = new BuildRun(state, output, schemaUrl, { first: helpers });
  } else {
    run = new BuildRun(state, output, schemaUrl);
  }

  eleventyConfig.addWatchTarget(state.paths.providersDir);
  eleventyConfig.addWatchTarget(state.paths.siteFile);
  registerChangedDataFiles(eleventyConfig, state);
  registerDeletedDataFiles(eleventyConfig, state.paths.providersDir);
  registerBuildStart(eleventyConfig, run);
  registerBuildEnd(eleventyConfig, run);

  registerRegistryData(eleventyConfig, state);
  registerProviderPagesData(eleventyConfig, state);
  registerSiteData(eleventyConfig, state);
  registerUrlsData(eleventyConfig);
  registerHistoryData(eleventyConfig, state);
  registerCapabilityMatrixData(eleventyConfig, state);
  registerHomeData(eleventyConfig, state);

  registerFlatRenderedPages(eleventyConfig);
  registerOutputFormatFilters(eleventyConfig);
  registerFactFilters(eleventyConfig);
  registerReaderFilters(eleventyConfig);
  registerProviderPageFilters(eleventyConfig, state);
  registerLastUpdatedFilter(eleventyConfig, state);
  registerMatrixRowsFilter(eleventyConfig, state);
  registerProviderReferenceTag(eleventyConfig, state);

  const assets = registerAssetFiles(eleventyConfig, state.paths.assetsDir, !helper);
  // Copied, not rendered: a build in place must not take them for stale.
  state.copiedFiles = [...assets, ...(schemaUrl && !helper ? [schemaUrl.slice(1)] : [])];
  registerLlmsTxtShortcode(eleventyConfig, state, schemaUrl);
  registerSitemapShortcode(eleventyConfig, state);
}
