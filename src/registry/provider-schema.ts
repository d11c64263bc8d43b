import path from "node:path";
import { fileURLToPath } from "node:url";
import { CAPABILITIES, type CapabilityDefinition } from "../catalogue.ts";
import { ROUTE_TYPES } from "../gateway-catalogue.ts";
import { gatewaySchema } from "./gateway-schema.ts";
import { displayPath } from "./read-files.ts";
import { LINT_RULE_IDS, LINT_RULES } from "./consistency-lint.ts";

/** The JSON Schema of one provider file. */

/** Where the generated schema is kept, relative to the project root. */
export const SCHEMA_FILE = "schema/provider.schema.json";

/** The schema's path from a providers folder, for a file's `yaml-language-server` line. */
export const schemaPathFrom = (dir: string) =>
  displayPath(fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url)), path.resolve(dir));

/** A version in canonical `X.Y` (`3.11`, never `3.11.0` or `3.06`), or `n/a`. */
export const VERSION_PATTERN = "^(?:(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)|n/a)$";
/** A slug: lower-case letters, digits and single hyphens (the same rule as `SLUG_PATTERN`). */
export const SLUG_PATTERN_SOURCE = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
/** Text with at least one character that is not white space. */
export const NON_BLANK_PATTERN = "\\S";

/** The fields a supported capability must have, in the order the scaffold writes them. */
export const CAPABILITY_FIELDS = [
  "supported",
  "streaming",
  "upstream_path",
  "route_type",
  "model_example",
  "min_version",
] as const;

type JsonSchema = Record<string, unknown>;

const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "string",
  pattern: NON_BLANK_PATTERN,
  description,
  ...extra,
});
const markdown = (description: string, extra: JsonSchema = {}): JsonSchema =>
  text(`${description} Inline Markdown: code spans, links (http(s), mailto or relative) and emphasis.`, extra);
const list = (items: JsonSchema, description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "array",
  items,
  description,
  ...extra,
});

const SUPPORTED = { required: ["supported"], properties: { supported: { const: true } } };
/** The fields a file with `compatible_with` leaves out: its capabilities take OpenAI's. */
const INHERITED_FIELDS: readonly string[] = ["upstream_path", "route_type"];

/** The fields every capability entry shares (each capability's own schema names its usual route type). */
const CAPABILITY_SCHEMA: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["supported"],
  properties: {
    supported: { type: "boolean", description: "`true` when the gateway supports this capability for the provider." },
    streaming: { type: "boolean", description: "Whether streaming responses are supported." },
    upstream_path: markdown("The provider endpoint or API the gateway calls, e.g. '`/v1/chat/completions`'.", {
      examples: ["`/v1/chat/completions`"],
    }),
    route_type: {
      type: "string",
      enum: [...ROUTE_TYPES],
      description:
        "The plugin's `route_type` for this capability; each capability has its usual one (see its description).",
    },
    model_example: markdown("An example model name, a link to the provider's model list, or 'n/a'.", {
      examples: ["n/a"],
    }),
    min_version: text("First Kong Gateway version with this capability, like '3.11', or 'n/a'. Always in quotes.", {
      pattern: VERSION_PATTERN,
      examples: ["3.11", "n/a"],
    }),
    note: {
      type: "object",
      description: "A footnote shown under the capability's table. Only for a supported capability.",
      additionalProperties: false,
      required: ["content"],
      properties: { content: markdown("One or two sentences, in your own words.") },
    },
  },
  if: SUPPORTED,
  // The route type and upstream path are required in `ownPaths`: an OpenAI-compatible file inherits them.
  then: { required: CAPABILITY_FIELDS.filter((f) => !INHERITED_FIELDS.includes(f) && f !== "supported") },
};

/** Each capability's schema (`schema`), nested as in a file: `audio:` holds `speech:`, in a schema from `group`. */
function nested(schema: (c: CapabilityDefinition) => JsonSchema, group = (_parent: string): JsonSchema => ({})) {
  const properties: Record<string, JsonSchema> = {};
  for (const capability of CAPABILITIES) {
    const [parent, child] = capability.path as [string, string | undefined];
    if (child === undefined) properties[parent] = schema(capability);
    else
      ((properties[parent] ??= { ...group(parent), properties: {} }).properties as Record<string, JsonSchema>)[child] =
        schema(capability);
  }
  return properties;
}

/** Builds the schema; its key order is the canonical order of a provider file. */
export function providerSchema(): JsonSchema {
  const capabilityProperties = nested(
    (capability) => ({
      description:
        `${capability.label}: route type '${capability.routeType}'. ` +
        "Leave it out, or set `supported: false`, when the provider does not support it.",
      allOf: [{ $ref: "#/definitions/capability" }],
    }),
    (parent) => ({
      type: "object",
      description: `The ${parent} capabilities: ${CAPABILITIES.filter((c) => c.path[0] === parent && c.path[1])
        .map((c) => `\`${c.path[1]}\``)
        .join(", ")}.`,
      additionalProperties: false,
    }),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "AI Gateway provider",
    description:
      "One provider of the AI provider reference: one file per provider in _data/providers/. " +
      "Generated from src/catalogue.ts by `npm run schema`; do not edit by hand. Field guide: " +
      "_data/providers/README.md.",
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: {
      name: text("Display name of the provider. Plain text, no HTML.", { examples: ["Amazon Bedrock"] }),
      slug: text("Page slug; leave it out to derive it from `name`. Lower-case letters, digits and hyphens.", {
        pattern: SLUG_PATTERN_SOURCE,
      }),
      aliases: list(text("An old name or slug."), "Old names or slugs whose pages redirect to this one.", {
        uniqueItems: true,
      }),
      url_patterns: list(
        text("A base URL pattern; keep `{placeholders}` as they are."),
        "Base URL(s) of the provider's API.",
        {
          minItems: 1,
          examples: [["https://api.example.com/{route_type_path}"]],
        },
      ),
      url_pattern: text("Older, single form of `url_patterns`; prefer `url_patterns`.", { deprecated: true }),
      url_is_variable: {
        type: "boolean",
        description: "`true` only when the user supplies the URL (for example `$UPSTREAM_URL`).",
      },
      self_hosted: {
        type: "boolean",
        description:
          "`true` when readers run the provider's server themselves (Llama2, Ollama, vLLM); pages name it in " +
          "the self-hosted note.",
      },
      min_version: text("First Kong Gateway version that supports the provider, like '3.6'. Always in quotes.", {
        pattern: VERSION_PATTERN,
      }),
      formats: text("Short description of the models or request formats the provider accepts."),
      native_formats: list(
        {
          type: "object",
          additionalProperties: false,
          required: ["llm_format", "supported_apis"],
          properties: {
            llm_format: text("The plugin's `llm_format` value for this native API."),
            supported_apis: list(text("An API path."), "The provider APIs that pass through in this format.", {
              minItems: 1,
            }),
          },
        },
        "Native (provider-format) APIs the gateway passes through.",
      ),
      limitations: {
        type: "object",
        description: "Known limitations, each a list of inline-Markdown sentences (`[]` when empty).",
        additionalProperties: false,
        properties: {
          provider_specific: list(markdown("A limitation of this provider."), "Limitations specific to this provider."),
          statistics_logging: list(
            markdown("A limitation of statistics logging."),
            "What statistics logs do not record.",
          ),
        },
      },
      compatible_with: {
        type: "string",
        enum: ["openai"],
        description:
          "Set to 'openai' for a provider whose API is OpenAI's: its capabilities take OpenAI's route types and " +
          "upstream paths (leave those fields out), the base URL is the first of `url_patterns`, and the " +
          "configuration is the gateway's `openai` provider with `upstream_url` set to it.",
      },
      ...capabilityProperties,
      gateway: gatewaySchema(),
      lint_ignore: list(
        {
          type: "object",
          additionalProperties: false,
          required: ["rule", "reason"],
          properties: {
            rule: {
              type: "string",
              enum: LINT_RULE_IDS,
              description:
                `The lint rule to silence in this file: ` +
                `${LINT_RULE_IDS.map((id) => `'${id}' (${LINT_RULES[id]})`).join("; ")}.`,
            },
            reason: text("Why this file is right although the rule says otherwise, for the next reader."),
          },
        },
        "Consistency-lint rules silenced for this file, each with a reason.",
      ),
    },
    allOf: [
      // Either the list or the older single pattern.
      { if: { not: { required: ["url_pattern"] } }, then: { required: ["url_patterns"] } },
      // A supported capability names its own route type and upstream path, unless the file inherits OpenAI's.
      {
        if: { not: { required: ["compatible_with"] } },
        then: { properties: nested(() => ({ $ref: "#/definitions/ownPaths" })) },
      },
    ],
    definitions: {
      capability: CAPABILITY_SCHEMA,
      ownPaths: { if: SUPPORTED, then: { required: [...INHERITED_FIELDS] } },
    },
  };
}
