import { gatewayConfigView } from "../gateway-config/config-view.ts";
import { gatewaySetup } from "../gateway-config/plugin-config.ts";
import { pageHeadings } from "../page-headings.ts";
import type { Provider } from "../registry/model.ts";
import { scriptJson } from "../script-json.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, catalogueCapabilities, providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";
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
  /** `{{ provider | missingCapabilities }}`: the catalogue's capabilities it lacks, each with the matrix's view. */
  missingCapabilities: (provider: Pick<Provider, "capabilities">) => {
    const supported = new Set(provider.capabilities.map((c) => c.key));
    return catalogueCapabilities.filter((c) => !supported.has(c.key));
  },
  /** `{{ value | scriptJson | raw }}`: JSON that cannot end the `<script type="application/ld+json">` it is in. */
  scriptJson,
};
