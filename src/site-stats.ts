import { CAPABILITIES, type CapabilityKey } from "./catalogue.ts";
import type { Provider } from "./registry/model.ts";
import { capabilityUrl, catalogueCapabilities, providerPageUrl, STREAMING_VIEW_URL, versionViewUrl } from "./urls.ts";
import { capabilitySince, compareVersions, providerSince } from "./versions.ts";

/** The home page's facts from the registry's providers (in name order); a "New in" list names `listLimit` at most. */
export function siteStats(providers: readonly Provider[], listLimit = 12) {
  const counts = new Map<CapabilityKey, number>(CAPABILITIES.map((c) => [c.key, 0]));
  // "New in 3.14": the first providers and capabilities a version added (to providers supported before); the counts.
  const byVersion = new Map<string, ReturnType<typeof newsOf>>();
  const newsOf = (version: string) => ({
    version,
    url: versionViewUrl(version),
    providers: [] as { name: string; url: string }[],
    providerCount: 0,
    capabilities: [] as { provider: string; label: string; url: string }[],
    capabilityCount: 0,
  });
  const news = (version: string) => byVersion.get(version) ?? byVersion.set(version, newsOf(version)).get(version)!;
  let streamingCount = 0;
  for (const provider of providers) {
    const since = providerSince(provider);
    if (since) {
      const entry = news(since);
      if (entry.providerCount++ < listLimit)
        entry.providers.push({ name: provider.name, url: providerPageUrl(provider) });
    }
    let streams = false;
    for (const capability of provider.capabilities) {
      counts.set(capability.key, counts.get(capability.key)! + 1);
      streams ||= capability.streaming;
      const needs = capabilitySince(provider, capability);
      if (!needs || !since || compareVersions(needs, since) <= 0) continue;
      const entry = news(needs);
      if (entry.capabilityCount++ < listLimit)
        entry.capabilities.push({
          provider: provider.name,
          label: capability.label,
          url: capabilityUrl(provider, capability.id),
        });
    }
    if (streams) streamingCount++;
  }
  const total = providers.length;
  return {
    providerCount: total,
    capabilityCount: CAPABILITIES.length,
    /** Providers with at least one capability that streams. */
    streamingCount,
    streamingUrl: STREAMING_VIEW_URL,
    /** The coverage chart: per capability, how many providers support it (and what percentage of all). */
    coverage: catalogueCapabilities.map((c) => {
      const count = counts.get(c.key)!;
      return { ...c, count, percent: total ? Math.round((100 * count) / total) : 0 };
    }),
    /** Newest version first; only versions that added something. */
    news: [...byVersion.values()].sort((a, b) => compareVersions(b.version, a.version)),
  };
}
