import { CAPABILITIES } from "./catalogue.ts";
import type { Provider } from "./registry/model.ts";
import type { SiteConfig } from "./site-config.ts";
import { capabilityUrl, editUrl, pluginUrl, providerJsonUrl, providerMarkdownUrl } from "./urls.ts";
import { providerSince } from "./versions.ts";

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** An ISO 8601 date as the reader sees it, in UTC: `datetime` for `<time>` and the words; undefined if none. */
export function readableDate(iso: string | undefined): { datetime: string; text: string } | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return { datetime: date.toISOString().slice(0, 10), text: longDate.format(date) };
}

/** A provider's summary box above its tables. `lastUpdated` is the data file's last commit (ISO 8601), when known. */
export function providerSummary(provider: Provider, site: SiteConfig, lastUpdated?: string) {
  const since = providerSince(provider);
  const date = readableDate(lastUpdated);
  const advanced = { name: "AI Proxy Advanced", url: pluginUrl(site, "ai-proxy-advanced") };
  // Only AI Proxy Advanced proxies realtime (the realtime group's callout says so).
  const onlyAdvanced = provider.capabilities.length > 0 && provider.capabilities.every((c) => c.key === "realtime");
  return {
    ...(since ? { since } : {}),
    /** The plugins that proxy it: AI Proxy Advanced always, AI Proxy unless it needs Advanced everywhere. */
    plugins: onlyAdvanced ? [advanced] : [{ name: "AI Proxy", url: pluginUrl(site, "ai-proxy") }, advanced],
    supportedCount: provider.capabilities.length,
    capabilityCount: CAPABILITIES.length,
    /** The supported capabilities whose responses can stream, in canonical order. */
    streaming: provider.capabilities
      .filter((c) => c.streaming)
      .map((c) => ({ key: c.key, label: c.label, url: capabilityUrl(provider, c.id) })),
    ...(date ? { lastUpdated: date } : {}),
    dataFile: provider.file,
    editUrl: editUrl(site, provider),
    markdownUrl: providerMarkdownUrl(provider),
    jsonUrl: providerJsonUrl(provider),
  };
}
