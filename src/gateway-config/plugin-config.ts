import {
  compatibleUrl,
  GCP_SERVICE_ACCOUNT_ENV,
  gatewayProviderFacts,
  modelOptionFacts,
  ROUTE_TYPE_SINCE,
} from "../gateway-catalogue.ts";
import type { GatewayOption, Provider, ProviderCapability, ProviderGateway } from "../registry/model.ts";
import { capabilitySince, compareVersions } from "../versions.ts";

// One capability's plugin configuration as one tree, secrets as environment references: every format writes it.

/** A value read from an environment variable: `prefix` then the variable's value. */
export type EnvReference = { env: string; prefix: string };
export type ConfigValue = string | number | boolean | EnvReference | ConfigObject;
export type ConfigObject = { [key: string]: ConfigValue };

export const isEnvReference = (value: ConfigValue): value is EnvReference =>
  typeof value === "object" && typeof (value as EnvReference).env === "string";

/** The model example as a plain model name: one token such as `gpt-4o` or `` `llama3.2:1b` ``. */
export function plainModelName(modelExample: string): string | undefined {
  let text = modelExample.trim();
  const code = /^`([^`]+)`$/.exec(text) ?? /^<code>([^<]+)<\/code>$/i.exec(text);
  if (code) text = code[1]!.trim();
  if (/^n\/a$/i.test(text) || text.length > 100) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/.test(text)) return undefined;
  // A capitalised word with no digit reads as prose ("User-defined", "Varies"), not a model ID.
  if (!/[0-9]/.test(text) && /[A-Z]/.test(text)) return undefined;
  return text;
}

function authConfig(gateway: ProviderGateway): ConfigObject | undefined {
  const { auth } = gateway;
  switch (auth.style) {
    case "header":
      return { header_name: auth.header_name!, header_value: { env: auth.env!, prefix: auth.bearer ? "Bearer " : "" } };
    case "query":
      return { param_name: auth.param_name!, param_value: { env: auth.env!, prefix: "" }, param_location: "query" };
    case "aws":
      // The plugin refuses a caller's own credentials for Bedrock; saying so keeps `auth` present for patches.
      return {
        allow_override: false,
        aws_access_key_id: { env: auth.access_key_id_env!, prefix: "" },
        aws_secret_access_key: { env: auth.secret_access_key_env!, prefix: "" },
      };
    case "gcp":
      return { gcp_use_service_account: true };
    case "none":
      return undefined;
  }
}

/** True when gateway `version` has the option (always, with no version asked for). */
const optionOn = (name: string, version: string | undefined) => {
  const since = modelOptionFacts(name)?.since;
  return version === undefined || since === undefined || compareVersions(version, since) >= 0;
};

function optionsConfig(options: readonly GatewayOption[], version?: string): ConfigObject | undefined {
  // Null-prototype objects: a name from data (`constructor.x`) can only ever make a property of its own.
  const tree: ConfigObject = Object.create(null);
  let empty = true;
  for (const { name, value } of options) {
    if (!optionOn(name, version)) continue;
    empty = false;
    const leaf: ConfigValue = typeof value === "object" ? { env: value.env, prefix: "" } : value;
    const [parent, child] = name.split(".") as [string, string | undefined];
    if (child === undefined) tree[parent] = leaf;
    else ((tree[parent] ??= Object.create(null)) as ConfigObject)[child] = leaf;
  }
  return empty ? undefined : tree;
}

/** Every environment reference in a configuration tree, in order, with its JSON pointer (`/auth/header_value`). */
export function envReferences(object: ConfigObject, pointer = ""): (EnvReference & { path: string })[] {
  return Object.entries(object).flatMap(([key, value]) => {
    const path = `${pointer}/${key}`;
    if (isEnvReference(value)) return [{ ...value, path }];
    return typeof value === "object" ? envReferences(value, path) : [];
  });
}

const environmentOf = (object: ConfigObject) => [...new Set(envReferences(object).map((ref) => ref.env))];

/** What every configuration of a provider needs set up first (its `gateway` auth and options), if it has a block. */
export function gatewaySetup(provider: Provider) {
  const gateway = provider.gateway;
  if (!gateway) return undefined;
  const auth = authConfig(gateway);
  const options = optionsConfig(gateway.options);
  return {
    environment: environmentOf({ ...(auth ? { auth } : {}), ...(options ? { options } : {}) }),
    gatewayEnvironment: gateway.auth.style === "gcp" ? [GCP_SERVICE_ACCOUNT_ENV] : [],
  };
}

/** The configuration of one supported capability, or undefined when the provider's file has no `gateway` block. */
export function capabilityConfig(provider: Provider, capability: ProviderCapability, version?: string) {
  const gateway = provider.gateway;
  if (!gateway) return undefined;
  const modelName = plainModelName(capability.modelExample);
  const model: ConfigObject = { provider: gateway.provider };
  if (modelName !== undefined) model.name = modelName;
  let options = optionsConfig(gateway.options, version);
  // An OpenAI-compatible provider is OpenAI's driver pointed at the provider's address for the route type.
  const upstreamUrl = provider.compatibleWith && compatibleUrl(provider.urlPatterns[0]!, capability.routeType);
  if (upstreamUrl) options = { ...options, upstream_url: upstreamUrl };
  if (options) model.options = options;
  const auth = authConfig(gateway);
  const config: ConfigObject = { route_type: capability.routeType, ...(auth ? { auth } : {}), model };
  const since = [
    capabilitySince(provider, capability),
    ROUTE_TYPE_SINCE[capability.routeType],
    gatewayProviderFacts(gateway.provider)?.since,
  ];
  return {
    slug: provider.slug,
    /** The plugin instance's name, and the route's in the examples: `<slug>-<capability id>`. */
    name: `${provider.slug}-${capability.id}`,
    routeType: capability.routeType,
    /** The model example as one model name, when it is one; otherwise `model.name` is left out. */
    modelName,
    /** The first gateway version this configuration works on, when one is known. */
    gatewayVersion: since
      .filter((v) => v !== undefined)
      .sort(compareVersions)
      .at(-1),
    /** The options of the provider's file left out because the version asked for has no such field. */
    omitted: gateway.options.filter((o) => !optionOn(o.name, version)).map((o) => o.name),
    /** False when the provider's gateway facts come only from documentation examples. */
    confirmed: gateway.confirmed,
    /** The environment variables the configuration reads, in order of first use. */
    environment: environmentOf(config),
    /** Environment variables the gateway itself reads at run time (not the configuration). */
    gatewayEnvironment: gateway.auth.style === "gcp" ? [GCP_SERVICE_ACCOUNT_ENV] : [],
    config,
  };
}

/** What a capability's configuration is made of, and the facts a reader needs beside it. */
export type CapabilityConfig = NonNullable<ReturnType<typeof capabilityConfig>>;
