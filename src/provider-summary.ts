import { CAPABILITIES, type CapabilityKey } from "./catalogue.ts";
import type { Provider } from "./registry/model.ts";
import type { SiteConfig } from "./site-config.ts";
import { capabilityUrl, capabilityViewUrl, editUrl, pluginUrl, providerJsonUrl, providerMarkdownUrl } from "./urls.ts";
import { providerSince } from "./versions.ts";

/** A capability linked to a page: the matrix's view of it (`/ai-providers/capability/embeddings/`) or its row. */
export interface CapabilityLink {
  key: CapabilityKey;
  label: string;
  url: string;
}

/** A date the reader sees: `datetime` for `<time>` (`2026-01-03`), and the words (`3 January 2026`). */
export interface ReadableDate {
  datetime: string;
  text: string;
}

/** The box at the top of a provider page: what a reader wants to know before the tables. */
export interface ProviderSummary {
  /** The first gateway version the provider works on; undefined when no version is known. */
  since?: string;
  plugins: { name: string; url: string }[];
  /** Supported capabilities, of `capabilityCount`. */
  supportedCount: number;
  capabilityCount: number;
  /** The supported capabilities whose responses can stream, in canonical order. */
  streaming: CapabilityLink[];
  /** When the data file last changed; undefined when that is not known. */
  lastUpdated?: ReadableDate;
  /** The data file, relative to the repository root, and where to edit it. */
  dataFile: string;
  editUrl: string;
  /** The Markdown and JSON twins of the page. */
  markdownUrl: string;
  jsonUrl: string;
  /** The capabilities of the catalogue it does not support, in canonical order. */
  missing: CapabilityLink[];
}

/** Capabilities only AI Proxy Advanced can proxy (the realtime group's callout says so). */
const ADVANCED_ONLY: ReadonlySet<CapabilityKey> = new Set(["realtime"]);

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** An ISO 8601 date as the reader sees it, in UTC; undefined for no date or one that does not parse. */
export function readableDate(iso: string | undefined): ReadableDate | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return { datetime: date.toISOString().slice(0, 10), text: longDate.format(date) };
}

/** The capabilities of the catalogue a provider lacks, each linked to the matrix's view of it. */
export function missingCapabilities(provider: Pick<Provider, "capabilities">): CapabilityLink[] {
  const supported = new Set(provider.capabilities.map((c) => c.key));
  return CAPABILITIES.filter((c) => !supported.has(c.key)).map((c) => ({
    key: c.key,
    label: c.label,
    url: capabilityViewUrl(c),
  }));
}

/** The plugins that proxy a provider: AI Proxy Advanced always, AI Proxy unless it needs Advanced everywhere. */
export function providerPlugins(provider: Pick<Provider, "capabilities">, site: SiteConfig) {
  const advanced = { name: "AI Proxy Advanced", url: pluginUrl(site, "ai-proxy-advanced") };
  const onlyAdvanced = provider.capabilities.length > 0 && provider.capabilities.every((c) => ADVANCED_ONLY.has(c.key));
  return onlyAdvanced ? [advanced] : [{ name: "AI Proxy", url: pluginUrl(site, "ai-proxy") }, advanced];
}

/** A provider's summary box. `lastUpdated` is the data file's last commit (ISO 8601), when known. */
export function providerSummary(provider: Provider, site: SiteConfig, lastUpdated?: string): ProviderSummary {
  const summary: ProviderSummary = {
    plugins: providerPlugins(provider, site),
    supportedCount: provider.capabilities.length,
    capabilityCount: CAPABILITIES.length,
    streaming: provider.capabilities
      .filter((c) => c.streaming)
      .map((c) => ({ key: c.key, label: c.label, url: capabilityUrl(provider, c.id) })),
    dataFile: provider.file,
    editUrl: editUrl(site, provider),
    markdownUrl: providerMarkdownUrl(provider),
    jsonUrl: providerJsonUrl(provider),
    missing: missingCapabilities(provider),
  };
  const since = providerSince(provider);
  if (since) summary.since = since;
  const date = readableDate(lastUpdated);
  if (date) summary.lastUpdated = date;
  return summary;
}
