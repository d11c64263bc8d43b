import { GATEWAY_VERSIONS } from "../gateway-catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { configsByVersion } from "./config-versions.ts";
import { type ConfigFormats, configFormats, pluginConfigBody } from "./formats.ts";
import type { CapabilityConfig, ConfigObject } from "./plugin-config.ts";

type PluginConfigBody = { name: string; config: ConfigObject };

/** What a template shows of one capability's configuration: its facts, its data and its five formats. */
export type ConfigView = Pick<
  CapabilityConfig,
  "name" | "modelName" | "gatewayVersion" | "confirmed" | "environment" | "gatewayEnvironment"
> &
  ConfigFormats & {
    /** The body to POST to the plugins endpoint, values from the environment as `${NAME}`. */
    pluginConfig: PluginConfigBody;
    /** The configurations for versions older than an option the newest one sets, oldest first; mostly none. */
    older: OlderConfigView[];
  };

/** A configuration for `from` up to, not including, `before` (`until` is the last), without the options they lack. */
export type OlderConfigView = Pick<CapabilityConfig, "omitted" | "environment"> &
  ConfigFormats & { from: string; before: string; until: string; pluginConfig: PluginConfigBody };

function versionBefore(version: string): string {
  const index = GATEWAY_VERSIONS.indexOf(version as (typeof GATEWAY_VERSIONS)[number]);
  return index > 0 ? GATEWAY_VERSIONS[index - 1]! : version;
}

// A page and its twin and its JSON each ask for the same capability's configuration: made once.
const views = new WeakMap<ProviderCapability, ConfigView | null>();

/** The capability's AI Proxy configuration for a template, or `null` when the provider has no `gateway` block. */
export function gatewayConfigView(capability: ProviderCapability, provider: Provider): ConfigView | null {
  let view = views.get(capability);
  if (view !== undefined) return view;
  const configs = configsByVersion(provider, capability);
  const config = configs.at(-1)?.config;
  const older = configs.slice(0, -1).map(({ from, before, config: c }) => ({
    from,
    before: before!,
    until: versionBefore(before!),
    omitted: c.omitted,
    environment: c.environment,
    pluginConfig: pluginConfigBody(c),
    ...configFormats(c),
  }));
  view = config
    ? {
        name: config.name,
        modelName: config.modelName,
        gatewayVersion: config.gatewayVersion,
        confirmed: config.confirmed,
        environment: config.environment,
        gatewayEnvironment: config.gatewayEnvironment,
        pluginConfig: pluginConfigBody(config),
        ...configFormats(config),
        older,
      }
    : null;
  views.set(capability, view);
  return view;
}
