// What the gateway's AI Proxy plugin itself accepts, beside the capability catalogue.
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

/** The gateway's own variable for the GCP service account when the configuration holds no JSON (documented). */
export const GCP_SERVICE_ACCOUNT_ENV = "GCP_SERVICE_ACCOUNT";

// Every route type the AI Proxy plugin accepts (3.15 schema): the first gateway version that does, and the path
// the OpenAI driver calls for it after OpenAI's base URL.
const ROUTE_TYPE_ROWS: readonly [string, string, string?][] = [
  ["audio/v1/audio/speech", "3.11", "/audio/speech"],
  ["audio/v1/audio/transcriptions", "3.11", "/audio/transcriptions"],
  ["audio/v1/audio/translations", "3.11", "/audio/translations"],
  ["image/v1/images/edits", "3.11", "/images/edits"],
  ["image/v1/images/generations", "3.11", "/images/generations"],
  ["llm/v1/assistants", "3.11", "/assistants"],
  ["llm/v1/batches", "3.11", "/batches"],
  ["llm/v1/chat", "3.6", "/chat/completions"],
  ["llm/v1/completions", "3.6", "/completions"],
  ["llm/v1/embeddings", "3.11", "/embeddings"],
  ["llm/v1/files", "3.11", "/files"],
  ["llm/v1/responses", "3.11", "/responses"],
  ["preserve", "3.6"],
  ["realtime/v1/realtime", "3.11", "/realtime"],
  ["video/v1/videos/generations", "3.13"],
];

/** Every route type the AI Proxy plugin accepts (Kong Gateway 3.15 schema). */
export const ROUTE_TYPES: readonly string[] = ROUTE_TYPE_ROWS.map(([routeType]) => routeType);

/** The first gateway version whose AI Proxy schema accepts each route type. */
export const ROUTE_TYPE_SINCE: Readonly<Record<string, string>> = Object.fromEntries(
  ROUTE_TYPE_ROWS.map(([routeType, since]) => [routeType, since]),
);

/** The path the gateway's OpenAI driver calls for each route type, after OpenAI's base URL. */
export const OPENAI_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  ROUTE_TYPE_ROWS.flatMap(([routeType, , path]) => (path ? [[routeType, path]] : [])),
);

/** The gateway versions the site knows, oldest first: the reader's choices of "the version I run". */
export const GATEWAY_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"] as const;

type OptionType = "string" | "number" | "integer" | "boolean";
/** A `model.options` field: its type, the values it allows, the first version with it (none: every one, 3.12 on). */
const option = (type: OptionType, extra: { values?: readonly string[]; since?: string } = {}) => ({ type, ...extra });

/** Every scalar `model.options` field of the 3.15 schema, by the name a provider file writes. */
export const MODEL_OPTIONS: Readonly<Record<string, ReturnType<typeof option>>> = {
  anthropic_version: option("string"),
  azure_api_version: option("string"),
  azure_deployment_id: option("string"),
  azure_instance: option("string"),
  "bedrock.aws_assume_role_arn": option("string"),
  "bedrock.aws_region": option("string"),
  "bedrock.aws_role_session_name": option("string"),
  "bedrock.aws_sts_endpoint_url": option("string"),
  "bedrock.batch_bucket_prefix": option("string", { since: "3.14" }),
  "bedrock.batch_role_arn": option("string", { since: "3.14" }),
  "bedrock.embeddings_normalize": option("boolean"),
  "bedrock.performance_config_latency": option("string"),
  "bedrock.video_output_s3_uri": option("string", { since: "3.13" }),
  cache_read_cost: option("number", { since: "3.14" }),
  cache_write_cost: option("number", { since: "3.14" }),
  "cohere.embedding_input_type": option("string", {
    values: ["classification", "clustering", "image", "search_document", "search_query"],
  }),
  "cohere.wait_for_model": option("boolean"),
  "dashscope.international": option("boolean", { since: "3.13" }),
  "databricks.workspace_instance_id": option("string", { since: "3.14" }),
  embeddings_dimensions: option("integer"),
  "gemini.api_endpoint": option("string"),
  "gemini.endpoint_id": option("string"),
  "gemini.location_id": option("string"),
  "gemini.project_id": option("string"),
  "huggingface.use_cache": option("boolean"),
  "huggingface.wait_for_model": option("boolean"),
  input_cost: option("number"),
  llama2_format: option("string", { values: ["raw", "openai", "ollama"] }),
  max_tokens: option("integer"),
  mistral_format: option("string", { values: ["openai", "ollama"] }),
  output_cost: option("number"),
  temperature: option("number"),
  top_k: option("integer"),
  top_p: option("number"),
  upstream_path: option("string"),
  upstream_url: option("string"),
};

/** The facts of a `model.options` field, by the name a provider file writes, if the gateway has it. */
export const modelOptionFacts = (name: string) =>
  Object.hasOwn(MODEL_OPTIONS, name) ? MODEL_OPTIONS[name] : undefined;

/** An API another provider speaks, whose driver the gateway reaches it through (`compatible_with`). */
export type CompatibleApi = "openai";

/** The address an OpenAI-compatible provider serves `routeType` at: its base URL and OpenAI's path. */
export function compatibleUrl(baseUrl: string, routeType: string): string | undefined {
  const path = Object.hasOwn(OPENAI_PATHS, routeType) ? OPENAI_PATHS[routeType] : undefined;
  return path === undefined ? undefined : `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** An option value as a provider file writes it: a literal, or the name of an environment variable. */
export type OptionValue = string | number | boolean | { env: string };

/** A `model.provider`, its first version, the options it needs (with an example) and those it takes all or none of. */
const facts = (
  provider: string,
  since: string,
  requiredOptions: readonly { name: string; example: OptionValue }[] = [],
  allOrNone: readonly (readonly string[])[] = [],
) => ({ provider, since, requiredOptions, allOrNone });

/** Every `model.provider` string of the 3.15 schema. */
export const GATEWAY_PROVIDERS = [
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
  facts("gemini", "3.8", [], [["gemini.api_endpoint", "gemini.project_id", "gemini.location_id"]]),
  facts("huggingface", "3.9"),
  facts("llama2", "3.6", [
    { name: "llama2_format", example: "openai" },
    { name: "upstream_url", example: { env: "LLAMA2_UPSTREAM_URL" } },
  ]),
  facts("mistral", "3.6", [{ name: "mistral_format", example: "openai" }]),
  facts("ollama", "3.14"),
  facts("openai", "3.6"),
  facts("vllm", "3.14"),
  facts("xai", "3.13"),
];

/** The facts of a `model.provider` string, if the gateway knows it. */
export const gatewayProviderFacts = (provider: string) => GATEWAY_PROVIDERS.find((p) => p.provider === provider);
