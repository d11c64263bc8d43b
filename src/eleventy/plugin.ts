import { existsSync } from "node:fs";
import path from "node:path";
import { CAPABILITIES } from "../catalogue.ts";
import { GATEWAY_VERSIONS } from "../gateway-catalogue.ts";
import { providerSearchRecord } from "../outputs/search-records.ts";
import {
  catalogueCapabilities,
  COMPARE_URL,
  HOME_URL,
  LLMS_TXT_URL,
  MATRIX_URL,
  PROVIDERS_JSON_URL,
  SCHEMA_URL,
} from "../urls.ts";
import { BuildData } from "./build-data.ts";
import { registerFilters } from "./filters.ts";
import type { OutputFolder } from "./output-folder.ts";
import { registerProviderReferenceTag } from "./provider-reference-tag.ts";
import { SEARCH_INDEX_DIR, writeSearchIndex } from "./search-index.ts";

const runMode = () => process.env.ELEVENTY_RUN_MODE;
const isDevServer = () => runMode() === "serve" || runMode() === "watch";

/** The Eleventy side of the project: global data, filters, the tag, assets, the data check, search, publication. */
export default function providerReferencePlugin(
  eleventyConfig: any,
  // The data folder, the site settings file, the output folder, and the folder paths are shown from (default: cwd).
  options: { providersDir: string; siteFile: string; output: OutputFolder; root?: string },
): void {
  const root = options.root ?? process.cwd();
  const { output } = options;
  const data = new BuildData({
    root,
    providersDir: path.resolve(root, options.providersDir),
    siteFile: path.resolve(root, options.siteFile),
  });
  const schemaFile = path.resolve(root, "schema/provider.schema.json");
  const schemaUrl = existsSync(schemaFile) ? SCHEMA_URL : undefined;

  output.recover();
  // A command-line build stops on a data mistake before writing anything; the dev server shows it and goes on.
  if (process.env.ELEVENTY_SOURCE === "cli" && runMode() === "build") {
    try {
      data.check();
    } catch (error) {
      process.stderr.write(`${data.messageOf(error)}\nThe build stopped before writing any file.\n`);
      process.exit(1);
    }
  }

  eleventyConfig.addWatchTarget(data.paths.providersDir);
  eleventyConfig.addWatchTarget(data.paths.siteFile);
  let changedFiles: string[] | undefined;
  let started = 0;
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => (changedFiles = changed));
  eleventyConfig.on("eleventy.before", async ({ outputMode }: { outputMode?: string }) => {
    started = performance.now();
    if (outputMode === "fs" || outputMode === undefined) output.prepare();
    await data.start(changedFiles, isDevServer());
  });

  eleventyConfig.addGlobalData("registry", () => data.current.registry);
  // The build's facts for the filters (a class instance: Eleventy hands it over as it is).
  eleventyConfig.addGlobalData("build", () => data.current);
  // What this build writes (all of it, or what a preview save changed): the paginated templates' data.
  eleventyConfig.addGlobalData("providerPages", () => data.scope.providerPages);
  eleventyConfig.addGlobalData("matrixPages", () => data.scope.matrixPages);
  eleventyConfig.addGlobalData("indexPages", () => data.scope.indexPages);
  eleventyConfig.addGlobalData("site", () => Object.freeze(data.current.site));
  eleventyConfig.addGlobalData("stats", () => Object.freeze(data.current.stats));
  eleventyConfig.addGlobalData("history", () => Object.freeze({ available: data.current.history.available }));
  eleventyConfig.addGlobalData("dataProblems", () => data.problems);
  // The capabilities (the compare page's rows) and the gateway versions (the version picker's choices).
  eleventyConfig.addGlobalData(
    "catalogue",
    Object.freeze({ capabilities: catalogueCapabilities, gatewayVersions: GATEWAY_VERSIONS }),
  );
  eleventyConfig.addGlobalData("capabilityMatrix", () => {
    const { matrix } = data.current;
    return Object.freeze({
      pages: matrix.pages,
      filterLinks: matrix.filterLinks,
      columnGroups: matrix.columnGroups,
      capabilityCount: CAPABILITIES.length,
    });
  });
  eleventyConfig.addGlobalData(
    "urls",
    Object.freeze({
      home: HOME_URL,
      matrix: MATRIX_URL,
      compare: COMPARE_URL,
      llmsTxt: LLMS_TXT_URL,
      providersJson: PROVIDERS_JSON_URL,
      schema: schemaUrl,
    }),
  );

  const assets = registerFilters(eleventyConfig, data, path.resolve(root, "pages/assets"), schemaUrl);
  const copied = [...assets.values()].map((name) => `assets/${name}`);
  for (const [name, hashed] of assets)
    eleventyConfig.addPassthroughCopy({ [`pages/assets/${name}`]: `assets/${hashed}` });
  if (schemaUrl) {
    eleventyConfig.addPassthroughCopy({ "schema/provider.schema.json": schemaUrl.slice(1) });
    copied.push(schemaUrl.slice(1));
  }
  registerProviderReferenceTag(eleventyConfig, data);

  // The pages are out: the search index (in the dev server, on its first build only), then the site published.
  let indexed = false;
  eleventyConfig.on("eleventy.after", async (run: { outputMode?: string; incremental?: boolean; results?: any[] }) => {
    if (run.outputMode && run.outputMode !== "fs") return;
    const { registry, site } = data.current;
    try {
      if (!isDevServer() || !indexed) {
        const records = registry.providers.map((provider) => providerSearchRecord(provider, site));
        await writeSearchIndex(records, site.language, output.buildDir);
        indexed = true;
      }
    } catch (error) {
      output.discard();
      throw error;
    }
    const written = new Set(copied.map((file) => path.join(output.buildDir, file)));
    for (const result of run.results ?? []) if (result.outputPath) written.add(path.resolve(result.outputPath));
    // A rebuild that wrote only what changed (Eleventy's incremental one, or a preview save's) leaves nothing stale.
    if (!run.incremental && data.scope.complete) output.publish(written, [SEARCH_INDEX_DIR]);
    // The preview says one line a save (and, before it, each data mistake once).
    if (isDevServer()) {
      const after = changedFiles ? ` after ${changedFiles.map((file) => path.relative(root, file)).join(", ")}` : "";
      const state = data.problems.length ? "; the pages show the mistakes above" : "";
      console.log(`Built ${written.size} files in ${Math.round(performance.now() - started)} ms${after}${state}.`);
    }
    changedFiles = undefined;
  });
}
