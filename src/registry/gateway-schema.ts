import { AUTH_STYLE_FIELDS, AUTH_STYLES, GATEWAY_PROVIDERS } from "../gateway-catalogue.ts";

/** The JSON Schema of a provider file's `gateway` block: how to configure the AI Proxy plugin for the provider. */

// Lengths are bounded in the patterns: `maxLength` would make the compiled validator require() a helper.

/** An environment variable name: capital letters, digits and underscores, at most 64. */
export const ENV_NAME_PATTERN = "^[A-Z][A-Z0-9_]{0,63}$";
/** A `model.provider` string: lower-case letters, digits and underscores. */
export const GATEWAY_PROVIDER_PATTERN = "^[a-z][a-z0-9_]{0,31}$";
/** An HTTP header or query parameter name (an RFC 9110 token, without the rarer symbols). */
export const PARAMETER_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
/** A `model.options` name, one level of nesting written with a dot: `anthropic_version`, `gemini.project_id`. */
export const OPTION_NAME_PATTERN = "^(?=.{1,64}$)[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)?$";
/** A literal option value: at most 200 characters, no control, line-break or direction-changing ones. */
export const OPTION_TEXT_PATTERN =
  "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]{1,200}$";

type JsonSchema = Record<string, unknown>;

const envName = (description: string): JsonSchema => ({
  type: "string",
  pattern: ENV_NAME_PATTERN,
  description: `${description} The variable's name, never the secret itself.`,
  examples: ["ANTHROPIC_API_KEY"],
});

const optionMap = (description: string): JsonSchema => ({
  type: "object",
  description,
  propertyNames: { pattern: OPTION_NAME_PATTERN },
  maxProperties: 20,
  additionalProperties: {
    type: ["string", "number", "boolean", "object"],
    description:
      "A literal value (text, number, `true` or `false`), or `{ env: 'NAME' }` for a value each reader sets in " +
      "the environment variable NAME.",
    pattern: OPTION_TEXT_PATTERN,
    additionalProperties: false,
    required: ["env"],
    properties: { env: envName("The environment variable that holds this option's value.") },
  },
});

/** The `gateway` block's schema. */
export function gatewaySchema(): JsonSchema {
  const fieldSchemas: Record<string, JsonSchema> = {
    header_name: {
      type: "string",
      pattern: PARAMETER_NAME_PATTERN,
      description: "`header` style: the header the gateway sends the key in, e.g. 'Authorization' or 'x-api-key'.",
    },
    bearer: {
      type: "boolean",
      description: "`header` style: `true` when the header's value is 'Bearer ' and the key.",
    },
    param_name: {
      type: "string",
      pattern: PARAMETER_NAME_PATTERN,
      description: "`query` style: the query parameter the gateway adds the key as, e.g. 'key'.",
    },
    env: envName("`header` and `query` styles: the environment variable that holds the key."),
    access_key_id_env: envName("`aws` style: the environment variable that holds the AWS access key ID."),
    secret_access_key_env: envName("`aws` style: the environment variable that holds the AWS secret access key."),
  };
  return {
    type: "object",
    description:
      "How to configure the gateway's AI Proxy plugin for this provider; each supported capability's page row " +
      "shows the configuration made from it.",
    additionalProperties: false,
    required: ["provider", "confirmed", "auth"],
    properties: {
      provider: {
        type: "string",
        pattern: GATEWAY_PROVIDER_PATTERN,
        description: "The plugin's `model.provider` string.",
        examples: GATEWAY_PROVIDERS.map((p) => p.provider),
      },
      confirmed: {
        type: "boolean",
        description:
          "`true` when these facts come from the gateway's own source; `false` when only from documentation " +
          "examples (the page says so).",
      },
      auth: {
        type: "object",
        description:
          `How the gateway authenticates: the style (${AUTH_STYLES.map((s) => `\`${s}\``).join(", ")}) and its ` +
          `fields.`,
        additionalProperties: false,
        required: ["style"],
        properties: {
          style: { type: "string", enum: [...AUTH_STYLES], description: "The auth style." },
          ...fieldSchemas,
        },
        allOf: AUTH_STYLES.filter((style) => AUTH_STYLE_FIELDS[style].required.length > 0).map((style) => ({
          if: { required: ["style"], properties: { style: { const: style } } },
          then: { required: [...AUTH_STYLE_FIELDS[style].required] },
        })),
      },
      options: {
        type: "object",
        description: "The plugin's `model.options` for this provider, by name.",
        additionalProperties: false,
        properties: {
          required: optionMap("Options the plugin needs for this provider."),
          recommended: optionMap("Options worth setting, though the plugin runs without them."),
        },
      },
    },
  };
}
