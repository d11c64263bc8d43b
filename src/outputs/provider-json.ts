import { type FormattedConfig, gatewayConfigView } from "../gateway-config/config-view.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { legacyHtmlToMarkdown } from "../registry/legacy-html.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, capabilityUrl, editUrl, providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";

/** Text fields hold inline Markdown, as in the data files; the legacy inline HTML is turned into Markdown. */
const markdown = legacyHtmlToMarkdown;

const formatsJson = (config: FormattedConfig) => ({
  plugin_config: config.pluginConfig,
  deck: config.deck,
  admin_api: config.adminApi,
  konnect_api: config.konnectApi,
  kubernetes: config.kubernetes,
  terraform: config.terraform,
});

/** A capability's AI Proxy configuration (body, five formats, older versions), or `null` without a `gateway` block. */
function capabilityConfigJson(provider: Provider, capability: ProviderCapability) {
  const config = gatewayConfigView(capability, provider);
  if (!config) return null;
  return {
    plugin: "ai-proxy",
    name: config.name,
    route_type: capability.routeType,
    model_name: config.modelName ?? null,
    gateway_version: config.gatewayVersion ?? null,
    confirmed: config.confirmed,
    environment: config.environment,
    gateway_environment: config.gatewayEnvironment,
    ...formatsJson(config),
    // Mostly empty: the configurations for older gateway versions that lack an option the one above sets.
    older_versions: config.older.map((o) => ({
      from: o.from,
      before: o.before,
      omitted: o.omitted,
      environment: o.environment,
      ...formatsJson(o),
    })),
  };
}

/** One provider, normalised, as the JSON at `/api/providers/<slug>.json`: names and URLs. */
export function providerJsonObject(provider: Provider, site: SiteConfig, lastUpdated: string | null) {
  const url = (path: string) => absoluteUrl(site, path);
  return {
    slug: provider.slug,
    name: provider.name,
    page_url: url(providerPageUrl(provider)),
    markdown_url: url(providerMarkdownUrl(provider)),
    json_url: url(providerJsonUrl(provider)),
    data_file: provider.file,
    edit_url: editUrl(site, provider),
    last_updated: lastUpdated,
    min_version: provider.minVersion ?? null,
    formats: provider.formats ?? null,
    url_patterns: provider.urlPatterns,
    url_is_variable: provider.urlIsVariable,
    // `openai` when the gateway reaches the provider through its OpenAI driver; the base URL is the first pattern.
    compatible_with: provider.compatibleWith ?? null,
    aliases: provider.aliases,
    capabilities: provider.capabilities.map((c) => ({
      key: c.key,
      id: c.id,
      label: c.label,
      group: c.group,
      url: url(capabilityUrl(provider, c.id)),
      route_type: c.routeType,
      streaming: c.streaming,
      upstream_path: markdown(c.upstreamPath),
      model_example: markdown(c.modelExample),
      min_version: c.minVersion,
      note: c.note ? { number: c.note.number, text: markdown(c.note.content) } : null,
      config: capabilityConfigJson(provider, c),
    })),
    footnotes: provider.footnotes.map((f) => ({
      number: f.number,
      capability: f.capability,
      text: markdown(f.content),
    })),
    native_formats: provider.nativeFormats.map((f) => ({ llm_format: f.llmFormat, supported_apis: f.supportedApis })),
    limitations: {
      provider_specific: provider.limitations.providerSpecific.map(markdown),
      statistics_logging: provider.limitations.statisticsLogging.map(markdown),
    },
  };
}

/** A provider's JSON text as an item of `/api/providers.json`'s list: each line two levels in. */
export const listItemText = (text: string) => `    ${text.replaceAll("\n", "\n    ")}`;

/** `/api/providers.json` as `JSON.stringify(…, null, 2)` writes it, each provider's own JSON text set in. */
export function providersJsonText(
  providers: readonly Provider[],
  site: SiteConfig,
  itemText: (provider: Provider) => string,
  schemaUrl?: string,
): string {
  const head = JSON.stringify(
    {
      site: site.url,
      description:
        `Every AI provider ${site.product} can proxy, normalised from one data file per provider. Text fields ` +
        `are inline Markdown.`,
      ...(schemaUrl ? { data_file_schema: absoluteUrl(site, schemaUrl) } : {}),
      provider_count: providers.length,
      providers: [],
    },
    null,
    2,
  );
  if (providers.length === 0) return head;
  return `${head.slice(0, -"[]\n}".length)}[\n${providers.map(itemText).join(",\n")}\n  ]\n}`;
}
