import type { CapabilityKey, Callout, GroupId } from "../catalogue.ts";

/** A footnote on a provider page: its number runs 1, 2, 3... over the page in canonical order. */
export interface Footnote {
  number: number;
  /** Inline Markdown. */
  content: string;
  capability: CapabilityKey;
}

/** One supported capability of one provider, with everything its table rows show. */
export interface ProviderCapability {
  key: CapabilityKey;
  /** Anchor id of its row: `embeddings`, `audio-speech`. */
  id: string;
  label: string;
  groupLabel: string;
  group: GroupId;
  streaming: boolean;
  /** Inline Markdown, or a bare path. */
  upstreamPath: string;
  routeType: string;
  /** Inline Markdown. */
  modelExample: string;
  /** A version like `3.11`, or `n/a`. */
  minVersion: string;
  note?: Footnote;
}

/** A capability group with at least one supported capability. */
export interface ProviderGroup {
  id: GroupId;
  /** Anchor id of the group's heading. */
  anchor: string;
  title: string;
  /** Inline Markdown with the provider's name filled in. */
  intro: string;
  capabilities: ProviderCapability[];
  /** The notes of this group's capabilities, in number order. */
  footnotes: Footnote[];
  calloutsBefore: Callout[];
  calloutsAfter: Callout[];
}

export interface NativeFormat {
  llmFormat: string;
  supportedApis: string[];
}

/** How the gateway authenticates to the provider: the style and the environment variables holding secrets. */
export type GatewayAuth =
  | { style: "header"; headerName: string; env: string; bearer: boolean }
  | { style: "query"; paramName: string; env: string }
  | { style: "aws"; accessKeyIdEnv: string; secretAccessKeyEnv: string }
  | { style: "gcp" }
  | { style: "none" };

/** An option value as a provider file writes it: a literal, or the name of an environment variable. */
export type OptionValue = string | number | boolean | { env: string };

/** An API another provider speaks, whose driver the gateway reaches it through (`compatible_with`). */
export type CompatibleApi = "openai";

/** One `model.options` entry: a literal, or `{ env }` for a value each reader sets. */
export interface GatewayOption {
  /** `anthropic_version`, or `gemini.project_id` for a nested option. */
  name: string;
  value: OptionValue;
  /** True when the plugin needs it; false when it is only recommended. */
  required: boolean;
}

/** How to configure the AI Proxy plugin for a provider, from its file's `gateway` block. */
export interface ProviderGateway {
  provider: string;
  /** False when the facts come only from documentation examples. */
  confirmed: boolean;
  auth: GatewayAuth;
  /** Required options first, each list in file order. */
  options: GatewayOption[];
}

/** One provider, normalised: what every template and output reads. */
export interface Provider {
  name: string;
  slug: string;
  /** Data file, relative to the project root, with forward slashes. */
  file: string;
  urlPatterns: string[];
  /** True when the base URL is whatever the user sets (`upstream_url`). */
  urlIsVariable: boolean;
  /** True when readers run the provider's server themselves (`self_hosted: true`). */
  selfHosted: boolean;
  minVersion?: string;
  formats?: string;
  nativeFormats: NativeFormat[];
  limitations: { providerSpecific: string[]; statisticsLogging: string[] };
  aliases: string[];
  /** Supported capabilities, canonical order. */
  capabilities: ProviderCapability[];
  groups: ProviderGroup[];
  footnotes: Footnote[];
  /** The plugin configuration facts; absent when the file has no `gateway` block. */
  gateway?: ProviderGateway;
  /** The API the provider's own is compatible with (`compatible_with`). */
  compatibleWith?: CompatibleApi;
}
