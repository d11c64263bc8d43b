import { GATEWAY_VERSIONS } from "../gateway-catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { configsByVersion } from "./config-versions.ts";
import { configFormats, pluginConfigBody } from "./formats.ts";

// A page and its twin and its JSON each ask for the same capability's configuration: made once.
const views = new WeakMap<ProviderCapability, ConfigView | null>();

/** The capability's AI Proxy configuration for a template, or `null` when the provider has no `gateway` block. */
export function gatewayConfigView(capability: ProviderCapability, provider: Provider): ConfigView | null {
  if (!views.has(capability)) views.set(capability, makeView(capability, provider));
  return views.get(capability)!;
}

function makeView(capability: ProviderCapability, provider: Provider) {
  const configs = configsByVersion(provider, capability);
  const newest = configs.at(-1)?.config;
  if (!newest) return null;
  const { name, modelName, gatewayVersion, confirmed, environment, gatewayEnvironment } = newest;
  return {
    name,
    modelName,
    gatewayVersion,
    confirmed,
    environment,
    gatewayEnvironment,
    /** The body to POST to the plugins endpoint, values from the environment as `${NAME}`. */
    pluginConfig: pluginConfigBody(newest),
    ...configFormats(newest),
    /** For versions older than an option the newest sets, oldest first: `from` up to `until`; mostly none. */
    older: configs.slice(0, -1).map(({ from, before, config }) => ({
      from,
      before: before!,
      until: GATEWAY_VERSIONS[GATEWAY_VERSIONS.indexOf(before as (typeof GATEWAY_VERSIONS)[number]) - 1] ?? before!,
      omitted: config.omitted,
      environment: config.environment,
      pluginConfig: pluginConfigBody(config),
      ...configFormats(config),
    })),
  };
}

/** What a template shows of one capability's configuration: its facts, its data and its five formats. */
export type ConfigView = NonNullable<ReturnType<typeof makeView>>;
