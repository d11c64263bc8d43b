import { GATEWAY_VERSIONS, modelOptionFacts } from "../gateway-catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { compareVersions } from "../versions.ts";
import { configFormats, pluginConfigBody } from "./formats.ts";
import { type CapabilityConfig, capabilityConfig } from "./plugin-config.ts";

/** The capability's configurations, oldest first, each for gateway versions `from` up to `before` (excluded). */
export function configsByVersion(provider: Provider, capability: ProviderCapability) {
  const newest = capabilityConfig(provider, capability);
  if (!newest) return [];
  const start = newest.gatewayVersion ?? GATEWAY_VERSIONS[0];
  const cuts = new Set<string>();
  for (const { name } of provider.gateway!.options) {
    const since = modelOptionFacts(name)?.since;
    if (since !== undefined && compareVersions(since, start) > 0) cuts.add(since);
  }
  const configs: { from: string; before: string | undefined; config: CapabilityConfig }[] = [];
  let from = start;
  for (const cut of [...cuts].sort(compareVersions)) {
    configs.push({ from, before: cut, config: capabilityConfig(provider, capability, from)! });
    from = cut;
  }
  configs.push({ from, before: undefined, config: newest });
  return configs;
}

// A page and its twin and its JSON each ask for the same capability's configuration: made once.
const views = new WeakMap<ProviderCapability, ReturnType<typeof makeView>>();

/** The capability's AI Proxy configuration for a template, or `null` when the provider has no `gateway` block. */
export function gatewayConfigView(capability: ProviderCapability, provider: Provider) {
  if (!views.has(capability)) views.set(capability, makeView(capability, provider));
  return views.get(capability) ?? null;
}

/** A configuration with its body to POST (values from the environment as `${NAME}`) and its five formats. */
const formatted = (config: CapabilityConfig) => ({
  ...config,
  pluginConfig: pluginConfigBody(config),
  ...configFormats(config),
});
export type FormattedConfig = ReturnType<typeof formatted>;

function makeView(capability: ProviderCapability, provider: Provider) {
  const configs = configsByVersion(provider, capability);
  const newest = configs.at(-1)?.config;
  if (!newest) return null;
  return {
    ...formatted(newest),
    /** For versions older than an option the newest sets, oldest first: `from` up to `until`; mostly none. */
    older: configs.slice(0, -1).map(({ from, before, config }) => ({
      ...formatted(config),
      from,
      before: before!,
      until: GATEWAY_VERSIONS[GATEWAY_VERSIONS.indexOf(before as (typeof GATEWAY_VERSIONS)[number]) - 1] ?? before!,
    })),
  };
}
