import { CAPABILITIES } from "../catalogue.ts";
import { gatewayConfigView } from "../gateway-config/config-view.ts";
import { gatewaySetup } from "../gateway-config/plugin-config.ts";
import { pageHeadings } from "../page-headings.ts";
import { missingCapabilities } from "../provider-summary.ts";
import type { Provider } from "../registry/model.ts";
import { scriptJson } from "../script-json.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, capabilityViewUrl, providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";
import { providerDescription } from "./describe.ts";

const numberFormat = new Intl.NumberFormat("en");

/** The filters that compute a fact for a template (`{{ provider | providerPageUrl }}`), each its function's own. */
export const factFilters = {
  providerPageUrl,
  providerMarkdownUrl,
  providerJsonUrl,
  /** `{{ page.url | absoluteUrl: site }}` → `https://example.com/ai-providers/` */
  absoluteUrl: (url: string, site: SiteConfig) => absoluteUrl(site, url),
  providerDescription,
  /** `{% assign config = capability | gatewayConfig: provider %}`: its AI Proxy configuration, or `null`. */
  gatewayConfig: gatewayConfigView,
  gatewaySetup: (provider: Provider) => gatewaySetup(provider) ?? null,
  /** `{{ 10000 | count }}` → `10,000` */
  count: (n: number) => numberFormat.format(n),
  pageHeadings: (html: string) => pageHeadings(String(html ?? "")),
  missingCapabilities,
  /** `{{ value | scriptJson | raw }}`: JSON that cannot end the `<script type="application/ld+json">` it is in. */
  scriptJson,
};

/** The catalogue's capabilities as templates list them: key, label, row id and the matrix's view. */
export const catalogueCapabilities = CAPABILITIES.map((c) => ({
  key: c.key,
  id: c.id,
  label: c.label,
  viewUrl: capabilityViewUrl(c),
}));
