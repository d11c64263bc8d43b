import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";
import { providerDescription } from "./describe.ts";
import { renderDocument } from "./document.ts";
import { escapeHtml } from "./inline.ts";
import { renderProviderPageMeta } from "./page-meta.ts";
import { renderProviderReference } from "./provider-reference.ts";

export interface ProviderPageContext {
  /** Whether git history is known, and when the provider's data file last changed. */
  history: { available: boolean; lastUpdated?: string };
  /** The fingerprinted URL of an asset by its file name. */
  assetUrl: (name: string) => string;
}

/** A provider's whole page: heading, the line under it, the reference section, in the document shell. */
export function renderProviderPage(provider: Provider, site: SiteConfig, context: ProviderPageContext): string {
  return renderDocument({
    site,
    url: providerPageUrl(provider),
    title: provider.name,
    description: providerDescription(provider, site),
    searchable: true,
    alternates: [
      { type: "text/markdown", href: providerMarkdownUrl(provider) },
      { type: "application/json", href: providerJsonUrl(provider) },
    ],
    assetUrl: context.assetUrl,
    body:
      `<h1>${escapeHtml(provider.name)}</h1>\n` +
      renderProviderPageMeta(provider, site, context.history) +
      renderProviderReference(provider, site),
  });
}
