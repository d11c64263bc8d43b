import { CAPABILITIES } from "../catalogue.ts";
import { gatewayConfigView } from "../gateway-config/config-view.ts";
import { gatewaySetup } from "../gateway-config/plugin-config.ts";
import { pageHeadings } from "../page-headings.ts";
import { missingCapabilities, readableDate } from "../provider-summary.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { scriptJson } from "../script-json.ts";
import type { SiteConfig } from "../site-config.ts";
import {
  absoluteUrl,
  capabilityViewUrl,
  editUrl,
  providerJsonUrl,
  providerMarkdownUrl,
  providerPageUrl,
} from "../urls.ts";
import { providerDescription } from "./describe.ts";

const numberFormat = new Intl.NumberFormat("en");

/** The filters that compute a fact for a template: addresses, descriptions, dates, configurations, way-finding. */
export const factFilters = {
  /** `{{ provider | providerPageUrl }}` → `/ai-providers/openai/` */
  providerPageUrl: (provider: Provider) => providerPageUrl(provider),
  /** `{{ provider | providerMarkdownUrl }}` → `/ai-providers/openai/index.md` */
  providerMarkdownUrl: (provider: Provider) => providerMarkdownUrl(provider),
  /** `{{ provider | providerJsonUrl }}` → `/api/providers/openai.json` */
  providerJsonUrl: (provider: Provider) => providerJsonUrl(provider),
  /** `{{ provider | editUrl: site }}`: the data file in the repository's web editor. */
  editUrl: (provider: Provider, site: SiteConfig) => editUrl(site, provider),
  /** `{{ page.url | absoluteUrl: site }}` → `https://example.com/ai-providers/` */
  absoluteUrl: (url: string, site: SiteConfig) => absoluteUrl(site, url),
  /** `{{ provider | providerDescription: site }}`: one sentence on what the page answers. */
  providerDescription: (provider: Provider, site: SiteConfig) => providerDescription(provider, site),
  /** `{% assign config = capability | gatewayConfig: provider %}`: its AI Proxy configuration, or `null`. */
  gatewayConfig: (capability: ProviderCapability, provider: Provider) => gatewayConfigView(capability, provider),
  /** `{% assign setup = provider | gatewaySetup %}`: the variables every configuration reads, or `null`. */
  gatewaySetup: (provider: Provider) => gatewaySetup(provider) ?? null,
  /** `{{ 10000 | count }}` → `10,000` */
  count: (n: number) => numberFormat.format(n),
  /** `{{ iso | isoDay }}` → `2026-01-03` (UTC); empty for text that is not a date. */
  isoDay: (iso: string) => readableDate(iso)?.datetime ?? "",
  /** `{{ iso | longDate }}` → `3 January 2026` (UTC); the text itself when it is not a date. */
  longDate: (iso: string) => readableDate(iso)?.text ?? iso,
  /** `{% assign headings = content | pageHeadings %}`: the page's h2 and h3 with ids, for its contents. */
  pageHeadings: (html: string) => pageHeadings(String(html ?? "")),
  /** `{{ provider | missingCapabilities }}`: the catalogue's capabilities it lacks, each with the matrix's view. */
  missingCapabilities: (provider: Provider) => missingCapabilities(provider),
  /** `{{ value | scriptJson | raw }}`: JSON that cannot end the `<script type="application/ld+json">` it is in. */
  scriptJson: (value: unknown) => scriptJson(value),
};

/** The catalogue's capabilities as templates list them: key, label, row id and the matrix's view. */
export const catalogueCapabilities = CAPABILITIES.map((c) => ({
  key: c.key,
  id: c.id,
  label: c.label,
  viewUrl: capabilityViewUrl(c),
}));
