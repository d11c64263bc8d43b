import { renderSitemap } from "../outputs/sitemap.ts";
import { providerPageUrl } from "../urls.ts";
import type { BuildState } from "./build-state.ts";

/**
 * `{% sitemap collections.all %}`: every HTML page; the matrix's pages come from the matrix, and provider
 * pages from the registry, dated by their data file.
 */
export function registerSitemapShortcode(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addShortcode("sitemap", (pages: { url: string | false }[]) => {
    const facts = state.current;
    // The matrix's pages come from the matrix: a split build writes them in other processes.
    const matrixPages = facts.matrix.pages.map((page) => ({ url: page.url }));
    const matrixUrls = new Set(matrixPages.map((page) => page.url));
    const others = pages
      .filter((page): page is { url: string } => typeof page.url === "string" && page.url.endsWith("/"))
      .filter((page) => !matrixUrls.has(page.url))
      .map((page) => ({ url: page.url }));
    const providerPages = facts.registry.providers.map((provider) => {
      const modified = facts.lastUpdated(provider);
      return modified ? { url: providerPageUrl(provider), lastModified: modified } : { url: providerPageUrl(provider) };
    });
    return renderSitemap([...others, ...matrixPages, ...providerPages], facts.site);
  });
}
