import { existsSync } from "node:fs";
import path from "node:path";
import { readFileHistory, type FileHistory } from "../file-history.ts";
import { assetManifest } from "../outputs/assets.ts";
import { renderLlmsTxt } from "../outputs/llms-txt.ts";
import { renderProviderJson, renderProvidersJson } from "../outputs/provider-json.ts";
import { renderProviderMarkdown } from "../outputs/provider-markdown.ts";
import { renderSitemap } from "../outputs/sitemap.ts";
import type { Registry } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";
import { CapabilityMatrix } from "../render/matrix.ts";
import { renderProviderPageMeta } from "../render/page-meta.ts";
import type { SiteConfig } from "../site-config.ts";
import { SCHEMA_URL } from "../urls.ts";

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
  for (const [name, hashed] of assets) eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(options.assetsDir, name))]: `assets/${hashed}` });
  /** `{{ "site.css" | assetUrl }}` → `/assets/site.3f9c2a71b0.css` */
  eleventyConfig.addFilter("assetUrl", (name: string) => {
    const hashed = assets.get(name);
    if (!hashed) throw new Error(`No asset is named "${name}" in ${fromCwd(options.assetsDir)}.`);
    return `/assets/${hashed}`;
  });

  // Another branch adds the schema; publish it when it is there.
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

  /** `{% providerPageMeta provider.slug %}`: last updated, edit link, Markdown and JSON twins. */
  eleventyConfig.addShortcode("providerPageMeta", (slug: string) => {
    const build = outputs();
    const provider = build.registry.get(slug);
    return renderProviderPageMeta(provider, build.site, { available: build.history.available, lastUpdated: build.lastUpdated(provider) });
  });

  /** `{% providerMarkdown provider.slug %}`: the page's Markdown twin. */
  eleventyConfig.addShortcode("providerMarkdown", (slug: string) => {
    const build = outputs();
    const provider = build.registry.get(slug);
    return renderProviderMarkdown(provider, build.site, build.lastUpdated(provider));
  });

  /** `{% providerJson provider.slug %}` */
  eleventyConfig.addShortcode("providerJson", (slug: string) => {
    const build = outputs();
    return build.providerJson(build.registry.get(slug)) + "\n";
  });

  /** `{% providersJson %}`: every provider, reusing each one's JSON. */
  eleventyConfig.addShortcode("providersJson", () => {
    const build = outputs();
    return renderProvidersJson(build.site, build.registry.providers.map((p) => build.providerJson(p)), schemaUrl);
  });

  /** `{% llmsTxt %}` */
  eleventyConfig.addShortcode("llmsTxt", () => {
    const build = outputs();
    return renderLlmsTxt(build.registry.providers, build.site, schemaUrl);
  });

  /** `{% sitemap collections.all %}`: every HTML page, provider pages dated by their data file. */
  eleventyConfig.addShortcode("sitemap", (pages: { url: string | false; data: { provider?: Provider } }[]) => {
    const build = outputs();
    const entries = pages
      .filter((page): page is { url: string; data: { provider?: Provider } } => typeof page.url === "string" && page.url.endsWith("/"))
      .map((page) => {
        const modified = page.data.provider ? build.lastUpdated(page.data.provider) : undefined;
        return modified ? { url: page.url, lastModified: modified } : { url: page.url };
      });
    return renderSitemap(entries, build.site);
  });
}
