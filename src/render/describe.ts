import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";

/** Joins words as prose: `a`, `a and b`, `a, b, and c`. */
export function listInProse(items: string[]): string {
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}

/** One plain-text sentence on what a provider page answers, for meta descriptions and search results. */
export function providerDescription(provider: Provider, site: SiteConfig): string {
  const capabilities = provider.capabilities.map((c) => c.label.toLowerCase());
  const what = capabilities.length ? `: ${listInProse(capabilities)}` : "";
  return (
    `How ${site.product} proxies ${provider.name}: base URL, upstream paths, route types, streaming and minimum ` +
    `versions${what}.`
  );
}
