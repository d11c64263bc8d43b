import { readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { BuildFacts } from "../../src/eleventy/build-data.ts";
import { registerFilters } from "../../src/eleventy/filters.ts";
import type { FileHistory } from "../../src/file-history.ts";
import { Registry } from "../../src/registry/registry.ts";
import type { Provider } from "../../src/registry/model.ts";
import type { CapabilityMatrix } from "../../src/render/matrix.ts";
import { LIQUID_OPTIONS } from "../../src/render/markup.ts";
import type { SiteConfig } from "../../src/site-config.ts";
import { catalogueCapabilities, LLMS_TXT_URL, MATRIX_URL, PROVIDERS_JSON_URL, SCHEMA_URL } from "../../src/urls.ts";
import { projectRoot } from "./build-site.ts";
import { testSite } from "./providers.ts";

// Unit tests render the site's own templates without a whole Eleventy build (a property test renders
// thousands of providers): a liquidjs engine with Eleventy's options (LIQUID_OPTIONS), the same
// includes and the same filters, registered by the same function. The built site is tested elsewhere.

const noHistory: FileHistory = { available: false, lastCommitted: () => undefined };
let facts = new BuildFacts(new Registry([]), testSite, noHistory, projectRoot);
let matrixOf: CapabilityMatrix | undefined;

const engine = new Liquid({ ...LIQUID_OPTIONS, root: [path.join(projectRoot, "_includes")], extname: ".liquid" });
const eleventyLike = {
  addFilter: (name: string, filter: (...args: any[]) => unknown) => engine.registerFilter(name, filter),
};
const data = {
  get current() {
    return facts;
  },
};
registerFilters(eleventyLike, data, path.join(projectRoot, "pages/assets"), SCHEMA_URL);
engine.registerFilter("matrixRows", (url: string) => matrixOf!.rows(url));

/** The build's facts the filters read (registry, site, history), for the renders that follow. */
export function useFacts(providers: readonly Provider[], site: SiteConfig = testSite, history = noHistory): void {
  facts = new BuildFacts(new Registry([...providers]), site, history, projectRoot);
}

/** Renders an include from `_includes/` with the build's filters, as a page would (HTML unless `outputFormat`). */
export function renderInclude(file: string, data: object): string {
  return engine.renderFileSync(file, data);
}

/** A page template under `pages/`, without its front matter, rendered with `data`. */
export function renderPage(file: string, data: object): string {
  const source = readFileSync(path.join(projectRoot, "pages", file), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  return engine.parseAndRenderSync(source, data);
}

const urls = { matrix: MATRIX_URL, llmsTxt: LLMS_TXT_URL, providersJson: PROVIDERS_JSON_URL, schema: SCHEMA_URL };

/** A provider's whole reference section, as its page and `{% providerReference %}` render it. */
export function renderProviderReference(provider: Provider, site: SiteConfig = testSite, prefix = ""): string {
  useFacts([provider], site);
  return renderInclude("provider-reference/reference", { provider, site, prefix });
}

/** A provider's Markdown twin, as `pages/ai-providers/provider-markdown.liquid` renders it. */
export function renderProviderMarkdown(provider: Provider, site: SiteConfig = testSite, lastUpdated?: string): string {
  const history: FileHistory = { ...noHistory, lastCommitted: () => lastUpdated };
  useFacts([provider], site, history);
  return renderPage("ai-providers/provider-markdown.liquid", { provider, site, outputFormat: "markdown" });
}

/** `/llms.txt` over `providers`, as the build renders it. */
export function renderLlmsTxt(providers: readonly Provider[], site: SiteConfig = testSite, withSchema = true): string {
  useFacts(providers, site);
  const registry = new Registry([...providers]);
  const catalogue = { capabilities: catalogueCapabilities };
  const pageUrls = withSchema ? urls : { ...urls, schema: undefined };
  return renderPage("llms-txt.liquid", { registry, site, urls: pageUrls, catalogue, outputFormat: "markdown" });
}

/** The data a page of the matrix renders with, as the build gives it. */
function matrixPageData(matrix: CapabilityMatrix, url: string, product: string) {
  const matrixPage = matrix.pages.find((page) => page.url === url);
  if (!matrixPage) throw new Error(`No page of the capability matrix is at ${url}.`);
  matrixOf = matrix;
  const capabilityMatrix = {
    filterLinks: matrix.filterLinks,
    columnGroups: matrix.columnGroups,
    capabilityCount: CAPABILITIES.length,
  };
  return { matrixPage, site: { ...testSite, product }, capabilityMatrix };
}

/** One page of the matrix, its heading and body, as `pages/ai-providers/matrix.liquid` renders it. */
export function renderMatrixPage(matrix: CapabilityMatrix, url: string, product = "Kong AI Gateway"): string {
  return renderPage("ai-providers/matrix.liquid", matrixPageData(matrix, url, product));
}

/** A page of the matrix's heading, title and meta description (`_includes/matrix/titles.liquid`); `as`: page facts. */
export function matrixPageWords(matrix: CapabilityMatrix, url: string, product = "Kong AI Gateway", as = {}) {
  const data = matrixPageData(matrix, url, product);
  const words = '{% include "matrix/titles.liquid" %}{{ matrixHeading }}\n{{ matrixTitle }}\n{{ matrixDescription }}';
  const [heading, title, description] = engine
    .parseAndRenderSync(words, { ...data, matrixPage: { ...data.matrixPage, ...as } })
    .split("\n");
  return { heading, title, description };
}

/** A provider's JSON, as `pages/api/provider-json.liquid` renders it at `/api/providers/<slug>.json`. */
export function renderProviderJson(provider: Provider, site: SiteConfig = testSite, lastUpdated?: string): string {
  const history: FileHistory = { ...noHistory, lastCommitted: () => lastUpdated };
  useFacts([provider], site, history);
  return renderPage("api/provider-json.liquid", { provider });
}
