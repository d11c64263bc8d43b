import { renderSitemap } from "../outputs/sitemap.ts";
import { providerPageUrl } from "../urls.ts";
import type { BuildState } from "./build-state.ts";

/**
 * `{% sitemap collections.all %}`: every HTML page; provider pages come from the registry, dated by their data file.
 */
export function registerSitemapShortcode(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addShortcode("sitemap", (pages: { url: string | false }[]) => {
    const facts = state.current;
    const others = pages
      .filter((page): page is { url: string } => typeof page.url === "string" && page.url.endsWith("/"))
      .map((page) => ({ url: page.url }));
    const providerPages = facts.registry.providers.map((provider) => {
      const modified = facts.lastUpdated(provider);
      return modified ? { url: providerPageUrl(provider), lastModified: modified } : { url: providerPageUrl(provider) };
    });
    return renderSitemap([...others, ...providerPages], facts.site);
  });
}
