import type { Provider, ProviderCapability } from "../registry/model.ts";
import { configFormats, pluginConfigBody } from "./formats.ts";
import { type ConfigObject, capabilityConfig } from "./plugin-config.ts";

/** What a template shows of one capability's configuration: its facts, its data and its five formats. */
export interface ConfigView {
  /** The plugin instance's and the route's name: `<slug>-<capability id>`. */
  name: string;
  /** The model name the configuration sets, if any. */
  modelName: string | undefined;
  gatewayVersion: string | undefined;
  confirmed: boolean;
  /** The variables the configuration reads. */
  environment: string[];
  /** The variables the gateway itself reads (a GCP service account). */
  gatewayEnvironment: string[];
  /** The body to POST to the plugins endpoint, values from the environment as `${NAME}`. */
  pluginConfig: { name: string; config: ConfigObject };
  deck: string;
  adminApi: string;
  konnectApi: string;
  kubernetes: string;
  terraform: string;
}

// A page and its twin and its JSON each ask for the same capability's configuration: made once.
const views = new WeakMap<ProviderCapability, ConfigView | null>();

/**
 * `{% assign config = capability | gatewayConfig: provider %}`: the capability's AI Proxy
 * configuration for a template, or `null` (nothing to show) when the provider has no `gateway` block.
 */
export function gatewayConfigView(capability: ProviderCapability, provider: Provider): ConfigView | null {
  let view = views.get(capability);
  if (view !== undefined) return view;
  const config = capabilityConfig(provider, capability);
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
      }
    : null;
  views.set(capability, view);
  return view;
}
