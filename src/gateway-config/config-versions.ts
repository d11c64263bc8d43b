import { GATEWAY_VERSIONS } from "../gateway-catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { compareVersions } from "../versions.ts";
import { type CapabilityConfig, capabilityConfig, optionSince } from "./plugin-config.ts";

/** One configuration of a capability and the gateway versions it is for: `from` up to, not including, `before`. */
export interface VersionedConfig {
  from: string;
  /** The first version the next configuration is for; undefined for the newest. */
  before: string | undefined;
  config: CapabilityConfig;
}

/** The capability's configurations, oldest first. */
export function configsByVersion(provider: Provider, capability: ProviderCapability): VersionedConfig[] {
  const newest = capabilityConfig(provider, capability);
  if (!newest) return [];
  const start = newest.gatewayVersion ?? GATEWAY_VERSIONS[0];
  const cuts = new Set<string>();
  for (const { name } of provider.gateway!.options) {
    const since = optionSince(name);
    if (since !== undefined && compareVersions(since, start) > 0) cuts.add(since);
  }
  const configs: VersionedConfig[] = [];
  let from = start;
  for (const cut of [...cuts].sort(compareVersions)) {
    configs.push({ from, before: cut, config: capabilityConfig(provider, capability, from)! });
    from = cut;
  }
  configs.push({ from, before: undefined, config: newest });
  return configs;
}

/** The configuration for gateway `version`: the one whose run of versions holds it, or undefined before the first. */
export function configFor(configs: readonly VersionedConfig[], version: string): CapabilityConfig | undefined {
  return configs.find(
    (c) => compareVersions(version, c.from) >= 0 && (c.before === undefined || compareVersions(version, c.before) < 0),
  )?.config;
}
