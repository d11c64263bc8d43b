import type { Callout } from "../catalogue.ts";
import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";

/** How one output format writes plain text, code and links: the HTML page and its Markdown twin. */
export interface ProseFormat {
  text(text: string): string;
  code(text: string): string;
  link(label: string, href: string): string;
}

/** Links the seed makes to the plugin docs, made absolute from the site's settings. */
export function pluginLinks(site: SiteConfig) {
  return {
    aiProxy: `${site.pluginDocsUrl}/plugins/ai-proxy/`,
    aiProxyAdvanced: `${site.pluginDocsUrl}/plugins/ai-proxy-advanced/`,
    routeType: `${site.pluginDocsUrl}/plugins/ai-proxy/reference/#schema--config-route-type`,
  };
}

/** The callout under the upstream paths: any provider's base URL can be overridden. */
export const SELF_HOSTED_CALLOUT: Callout = {
  kind: "info",
  text:
    "While only the **Llama2** and **Mistral** models are classed as self-hosted, the target URL can be overridden for any of the supported providers.\n\n" +
    "For example, a self-hosted or otherwise OpenAI-compatible endpoint can be called by setting the same `upstream_url` plugin option.",
};

/** The callout before the capability tables: which route type to set. */
export const routeTypeCallout = (site: SiteConfig): Callout => ({
  kind: "info",
  text: `Set the plugin's [\`route_type\`](${pluginLinks(site).routeType}) based on the capability you want to use. See the tables below for supported route types.`,
});

/**
 * The sentences of a provider's reference section, written once for every format: the HTML
 * page and the Markdown twin differ in markup, never in wording.
 */
export function referenceProse(provider: Provider, site: SiteConfig, f: ProseFormat) {
  const name = f.text(provider.name);
  const product = f.text(site.product);
  const links = pluginLinks(site);
  const aiProxy = f.link("AI Proxy", links.aiProxy);
  const aiProxyAdvanced = f.link("AI Proxy Advanced", links.aiProxyAdvanced);
  const since =
    provider.minVersion && provider.minVersion !== "n/a"
      ? ` ${name} is supported from ${product} ${f.text(provider.minVersion)}.`
      : "";
  return {
    intro:
      `You can proxy requests to ${name} AI models through ${product} using the ${aiProxy} and ${aiProxyAdvanced} plugins. ` +
      `This reference documents all supported AI capabilities, configuration requirements, and provider-specific details needed for proper integration.${since}`,
    baseUrlHeading: `${name} base URL`,
    baseUrl: baseUrlProse(provider, name, f),
    upstreamIntro: `${product} forwards requests to the following ${name} API endpoints based on the capability:`,
    capabilitiesIntro: `The following tables show the AI capabilities supported by ${name} provider when used with the ${aiProxy} or the ${aiProxyAdvanced} plugin.`,
    noCapabilities: `No capabilities of ${name} are supported yet.`,
    nativeFormatsIntro: `With the plugin's ${f.code("llm_format")} set to a native format, requests in ${name}'s own API format pass through to these APIs:`,
  };
}

/** The base-URL sentence, and the patterns to list under it when there are several. */
function baseUrlProse(provider: Provider, name: string, f: ProseFormat): { sentence: string; list: string[] } {
  const patterns = provider.urlPatterns.map((u) => f.code(u));
  const placeholder = provider.urlPatterns.some((u) => u.includes("{route_type_path}"))
    ? `, where ${f.code("{route_type_path}")} is determined by the capability being used`
    : "";
  if (provider.urlIsVariable) {
    return {
      sentence: `${name} has no fixed base URL: it is the URL you set in the plugin's ${f.code("config.model.options.upstream_url")} option, shown here as ${patterns.join(" or ")}.`,
      list: [],
    };
  }
  if (patterns.length === 0) return { sentence: `${name} has no base URL in this reference.`, list: [] };
  if (patterns.length === 1) return { sentence: `The base URL for ${name} is ${patterns[0]}${placeholder}.`, list: [] };
  return { sentence: `The base URL for ${name} is one of the following${placeholder}:`, list: patterns };
}
