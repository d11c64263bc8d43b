import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readFileHistory, type FileHistory } from "../file-history.ts";
import { assetManifest, assetUrlOf } from "../outputs/assets.ts";
import { renderLlmsTxt } from "../outputs/llms-txt.ts";
import { renderProviderJson, renderProvidersJson } from "../outputs/provider-json.ts";
import { renderProviderMarkdown } from "../outputs/provider-markdown.ts";
import { providerSearchRecord } from "../outputs/search-records.ts";
import { renderSitemap } from "../outputs/sitemap.ts";
import { SearchIndexBuild } from "./search-index.ts";
import type { Registry } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";
import { CapabilityMatrix } from "../render/matrix.ts";
import { renderDocument } from "../render/document.ts";
import { renderProviderPage } from "../render/provider-page.ts";
import type { SiteConfig } from "../site-config.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl, SCHEMA_URL } from "../urls.ts";

export interface ReaderOutputOptions {
  /** Folder that data-file paths are relative to. */
  root: string;
  /** Folder of the provider data files, whose git history gives "last updated". */
  providersDir: string;
  /** Folder of the CSS and JavaScript files, published under fingerprinted names in `/assets/`. */
  assetsDir: string;
  /** The data files' JSON Schema, published at `/schema/provider.schema.json` when it exists. */
  schemaFile: string;
}

/** What one build computes once and every page of that build shares. */
class BuildOutputs {
  private matrixCache?: CapabilityMatrix;
  private historyCache?: FileHistory;
  private readonly json = new Map<Provider, string>();

  constructor(
    readonly registry: Registry,
    readonly site: SiteConfig,
    private readonly options: ReaderOutputOptions,
  ) {}

  get matrix(): CapabilityMatrix {
    return (this.matrixCache ??= new CapabilityMatrix(this.registry.providers, this.site.product));
  }

  /** One git command for all data files, run the first time a page asks. */
  get history(): FileHistory {
    return (this.historyCache ??= readFileHistory(this.options.providersDir));
  }

  lastUpdated(provider: Provider): string | undefined {
    return this.history.lastCommitted(path.resolve(this.options.root, provider.file));
  }

  providerJson(provider: Provider): string {
    let json = this.json.get(provider);
    if (json === undefined) {
      json = renderProviderJson(provider, this.site, this.lastUpdated(provider) ?? null);
      this.json.set(provider, json);
    }
    return json;
  }
}

/**
 * The pages and files for readers beyond the provider pages: the capability matrix and its
 * filtered views, the JSON API, the Markdown twins, llms.txt, the sitemap, the line under each
 * provider's heading, and fingerprinted assets. `current` gives the build's registry and site.
 */
export function registerReaderOutputs(
  eleventyConfig: any,
  current: () => { registry: Registry; site: SiteConfig },
  options: ReaderOutputOptions,
) {
  const fromCwd = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");

  // Assets go out under content-hashed names, so they can be cached for a year.
  const assets = assetManifest(options.assetsDir);
  for (const [name, hashed] of assets)
    eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(options.assetsDir, name))]: `assets/${hashed}` });

  // The data files' JSON Schema is published when the repository has it.
  const schemaUrl = existsSync(options.schemaFile) ? SCHEMA_URL : undefined;
  if (schemaUrl) eleventyConfig.addPassthroughCopy({ [fromCwd(options.schemaFile)]: schemaUrl.slice(1) });

  // A build loads a new registry, so keying on it gives each build its own outputs.
  const builds = new WeakMap<Registry, BuildOutputs>();
  const outputs = () => {
    const { registry, site } = current();
    let build = builds.get(registry);
    if (!build) builds.set(registry, (build = new BuildOutputs(registry, site, options)));
    return build;
  };

  /** Every page of the matrix and its views (`url`, `heading`, `title`, `description`); the template makes one page of each. */
  eleventyConfig.addGlobalData("matrixPages", () => outputs().matrix.pages);

  /** `{% capabilityMatrix view.url %}`: legend, filter links, page links and table of one page of the matrix. */
  eleventyConfig.addShortcode("capabilityMatrix", (url: string) => outputs().matrix.render(url));

  const assetUrl = assetUrlOf(assets, fromCwd(options.assetsDir));

  /**
   * `{% providerPage provider.slug %}`: a provider's whole page, document shell included. The
   * paginated provider template calls it once per provider; TypeScript renders the page in one
   * pass rather than a template engine rendering a page and then its layout.
   */
  eleventyConfig.addShortcode("providerPage", (slug: string) => {
    const build = outputs();
    const provider = build.registry.get(slug);
    return renderProviderPage(provider, build.site, {
      history: { available: build.history.available, lastUpdated: build.lastUpdated(provider) },
      assetUrl,
    });
  });

  /**
   * `{% pageDocument page.url, title, description, noindex, wide %}...{% endpageDocument %}`:
   * the same document shell around any other page (the layout `layouts/base.liquid`).
   */
  eleventyConfig.addPairedShortcode(
    "pageDocument",
    (body: string, url: string, title?: string, description?: string, noindex?: boolean, wide?: boolean) =>
      renderDocument({
        site: outputs().site,
        url,
        title: title || undefined,
        description: description || undefined,
        noindex: !!noindex,
        wide: !!wide,
        assetUrl,
        body,
      }),
  );

  // Work that needs no page starts with the build and runs beside it: the Markdown and JSON
  // twins of each provider page are written straight from TypeScript (as paginated templates
  // they would cost a template pass per file: 20,000 passes at 10,000 providers), and Pagefind
  // indexes plain-text records in its own process. Both are awaited when the pages are out.
  // (This handler runs after the plugin's own `eleventy.before`, which loads the registry:
  // handlers start in the order they were added.) `directories.output` is the folder really
  // written to; `dir.output` can be stale.
  // The dev server indexes for search on its first build only: a preview after an edit is
  // wanted at once, and search there may lag behind the edit until the next start.
  let pending: Promise<unknown> | undefined;
  let indexed = false;
  eleventyConfig.on(
    "eleventy.before",
    ({
      directories,
      outputMode,
      runMode,
    }: {
      directories: { output: string };
      outputMode?: string;
      runMode?: string;
    }) => {
      if (outputMode && outputMode !== "fs") return;
      const build = outputs();
      // One line when "last updated" is left off some pages (shallow clone, uncommitted files).
      const note = build.history.note(build.registry.providers.map((p) => path.resolve(options.root, p.file)));
      if (note) console.log(note);
      const index = runMode === "build" || !indexed;
      indexed = true;
      const search = index
        ? new SearchIndexBuild(build.registry.providers.map((provider) => providerSearchRecord(provider, build.site)))
        : undefined;
      pending = Promise.all([writeProviderTwins(build, directories.output), search?.write(directories.output)]);
      // Reported by `eleventy.after`; a build that fails first must not leave it unhandled.
      pending.catch(() => {});
    },
  );
  eleventyConfig.on("eleventy.after", async () => {
    const done = pending;
    pending = undefined;
    await done;
  });

  /** `{% providersJson %}`: every provider, reusing each one's JSON. */
  eleventyConfig.addShortcode("providersJson", () => {
    const build = outputs();
    return renderProvidersJson(
      build.site,
      build.registry.providers.map((p) => build.providerJson(p)),
      schemaUrl,
    );
  });

  /** `{% llmsTxt %}` */
  eleventyConfig.addShortcode("llmsTxt", () => {
    const build = outputs();
    return renderLlmsTxt(build.registry.providers, build.site, schemaUrl);
  });

  /** `{% sitemap collections.all %}`: every HTML page; provider pages come from the registry, dated by their data file. */
  eleventyConfig.addShortcode("sitemap", (pages: { url: string | false }[]) => {
    const build = outputs();
    const others = pages
      .filter((page): page is { url: string } => typeof page.url === "string" && page.url.endsWith("/"))
      .map((page) => ({ url: page.url }));
    const providerPages = build.registry.providers.map((provider) => {
      const modified = build.lastUpdated(provider);
      return modified ? { url: providerPageUrl(provider), lastModified: modified } : { url: providerPageUrl(provider) };
    });
    return renderSitemap([...others, ...providerPages], build.site);
  });
}

/** Writes every provider's Markdown and JSON twin into the built site, a few files at a time. */
async function writeProviderTwins(build: BuildOutputs, outputDir: string): Promise<void> {
  const jobs = build.registry.providers.map((provider) => async () => {
    const markdown = path.join(outputDir, providerMarkdownUrl(provider));
    await mkdir(path.dirname(markdown), { recursive: true });
    await writeFile(markdown, renderProviderMarkdown(provider, build.site, build.lastUpdated(provider)));
    await writeFile(path.join(outputDir, providerJsonUrl(provider)), `${build.providerJson(provider)}\n`);
  });
  await mkdir(path.join(outputDir, path.dirname(providerJsonUrl({ slug: "x" }))), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
