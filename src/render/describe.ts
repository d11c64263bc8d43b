import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";

/** One plain-text sentence on what a provider page answers, for meta descriptions and search results. */
export function providerDescription(provider: Provider, site: SiteConfig): string {
  const labels = provider.capabilities.map((c) => c.label.toLowerCase());
  // As prose: `a`, `a and b`, `a, b, and c`.
  const list = labels.length <= 2 ? labels.join(" and ") : `${labels.slice(0, -1).join(", ")}, and ${labels.at(-1)}`;
  const what = labels.length ? `: ${list}` : "";
  return (
    `How ${site.product} proxies ${provider.name}: base URL, upstream paths, route types, streaming and minimum ` +
    `versions${what}.`
  );
}
