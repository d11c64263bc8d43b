import type { OptionValue } from "./registry/model.ts";
import { compareVersions } from "./versions.ts";

/**
 * What the gateway's AI Proxy plugin itself accepts, beside the capability catalogue: the
 * `model.provider` strings and the options the plugin's own checks require for each, the auth
 * styles a provider file can name, and the first gateway version that accepts each route
 * type. Read from the plugin's open-source schema (Kong Gateway 3.10) and the generated
 * 3.7–3.15 schemas; the data files hold the rest, per provider.
 */

/** How the gateway authenticates to the provider; each style has its own fields in a provider file. */
export const AUTH_STYLES = ["header", "query", "aws", "gcp", "none"] as const;
export type AuthStyle = (typeof AUTH_STYLES)[number];

/** The fields each auth style takes in a provider file's `gateway.auth`, besides `style`. */
export const AUTH_STYLE_FIELDS: Record<AuthStyle, { required: readonly string[]; optional: readonly string[] }> = {
  header: { required: ["header_name", "env"], optional: ["bearer"] },
  query: { required: ["param_name", "env"], optional: [] },
  aws: { required: ["access_key_id_env", "secret_access_key_env"], optional: [] },
  gcp: { required: [], optional: [] },
  none: { required: [], optional: [] },
};

/**
 * With `gcp_use_service_account` on and no JSON in the configuration, the gateway reads the
 * service account from this variable of its own environment (the plugin's documented fallback).
 */
export const GCP_SERVICE_ACCOUNT_ENV = "GCP_SERVICE_ACCOUNT";

/** The first gateway version whose AI Proxy schema accepts each route type. */
export const ROUTE_TYPE_SINCE: Readonly<Record<string, string>> = {
  "llm/v1/chat": "3.6",
  "llm/v1/completions": "3.6",
  preserve: "3.6",
  "audio/v1/audio/speech": "3.11",
  "audio/v1/audio/transcriptions": "3.11",
  "audio/v1/audio/translations": "3.11",
  "image/v1/images/edits": "3.11",
  "image/v1/images/generations": "3.11",
  "llm/v1/assistants": "3.11",
  "llm/v1/batches": "3.11",
  "llm/v1/embeddings": "3.11",
  "llm/v1/files": "3.11",
  "llm/v1/responses": "3.11",
  "realtime/v1/realtime": "3.11",
  "video/v1/videos/generations": "3.13",
};

/** True when the AI Proxy plugin of gateway `version` accepts `routeType`. */
export function routeTypeAllowedOn(routeType: string, version: string): boolean {
  const since = ROUTE_TYPE_SINCE[routeType];
  return since !== undefined && compareVersions(version, since) >= 0;
}

export type { OptionValue } from "./registry/model.ts";

/** One `model.provider` string the gateway accepts, and what its own checks demand. */
export interface GatewayProviderFacts {
  provider: string;
  /** First gateway version whose schema accepts the string. */
  since: string;
  /** `model.options` the plugin refuses to run without, each with a value a writer can start from. */
  requiredOptions: readonly { name: string; example: OptionValue }[];
  /** Options whose values the plugin restricts. */
  optionValues: Readonly<Record<string, readonly string[]>>;
  /** Options the plugin wants all together or not at all. */
  allOrNone: readonly (readonly string[])[];
}

const facts = (
  provider: string,
  since: string,
  requiredOptions: GatewayProviderFacts["requiredOptions"] = [],
  extra: Partial<Pick<GatewayProviderFacts, "optionValues" | "allOrNone">> = {},
): GatewayProviderFacts => ({
  provider,
  since,
  requiredOptions,
  optionValues: extra.optionValues ?? {},
  allOrNone: extra.allOrNone ?? [],
});

/**
 * Every `model.provider` string of the 3.15 schema. Required options are the plugin's own
 * checks in the open-source code; the Enterprise-only providers' checks are not public.
 */
export const GATEWAY_PROVIDERS: readonly GatewayProviderFacts[] = [
  facts("anthropic", "3.6", [{ name: "anthropic_version", example: "2023-06-01" }]),
  facts("azure", "3.6", [
    { name: "azure_instance", example: { env: "AZURE_INSTANCE_NAME" } },
    { name: "azure_deployment_id", example: { env: "AZURE_DEPLOYMENT_ID" } },
    { name: "azure_api_version", example: "2024-10-21" },
  ]),
  facts("bedrock", "3.8"),
  facts("cerebras", "3.13"),
  facts("cohere", "3.6"),
  facts("dashscope", "3.13"),
  facts("databricks", "3.14"),
  facts("deepseek", "3.14"),
  facts("gemini", "3.8", [], {
    allOrNone: [["gemini.api_endpoint", "gemini.project_id", "gemini.location_id"]],
  }),
  facts("huggingface", "3.9"),
  facts(
    "llama2",
    "3.6",
    [
      { name: "llama2_format", example: "openai" },
      { name: "upstream_url", example: { env: "LLAMA2_UPSTREAM_URL" } },
    ],
    { optionValues: { llama2_format: ["raw", "openai", "ollama"] } },
  ),
  facts("mistral", "3.6", [{ name: "mistral_format", example: "openai" }], {
    optionValues: { mistral_format: ["openai", "ollama"] },
  }),
  facts("ollama", "3.14"),
  facts("openai", "3.6"),
  facts("vllm", "3.14"),
  facts("xai", "3.13"),
];

const byProvider = new Map(GATEWAY_PROVIDERS.map((p) => [p.provider, p]));

/** The facts of a `model.provider` string, if the gateway knows it. */
export function gatewayProviderFacts(provider: string): GatewayProviderFacts | undefined {
  return byProvider.get(provider);
}
