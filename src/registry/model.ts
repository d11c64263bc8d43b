import { CAPABILITIES, type CapabilityDefinition, GROUPS } from "../catalogue.ts";
import { type AuthStyle, type CompatibleApi, compatibleUrl, type OptionValue } from "../gateway-catalogue.ts";
import { isMapping } from "./errors.ts";
import { slugify } from "./slug.ts";

// The normalised model every template and output reads, and the provider file it is made from.

/** One capability entry as a provider file writes it (shape guaranteed by the schema). */
interface CapabilityEntry {
  supported: boolean;
  streaming?: boolean;
  upstream_path?: string;
  route_type?: string;
  model_example?: string;
  min_version?: string;
  note?: { content: string };
}

/** One provider file as written, once it has passed `schema/provider.schema.json`: the schema checks every type. */
export interface ProviderFile {
  name: string;
  slug?: string;
  aliases?: string[];
  url_patterns?: string[];
  url_is_variable?: boolean;
  self_hosted?: boolean;
  min_version?: string;
  formats?: string;
  native_formats?: { llm_format: string; supported_apis: string[] }[];
  limitations?: { provider_specific?: string[]; statistics_logging?: string[] };
  compatible_with?: CompatibleApi;
  gateway?: {
    provider: string;
    confirmed: boolean;
    auth: {
      style: AuthStyle;
      header_name?: string;
      bearer?: boolean;
      param_name?: string;
      env?: string;
      access_key_id_env?: string;
      secret_access_key_env?: string;
    };
    options?: { required?: Record<string, OptionValue>; recommended?: Record<string, OptionValue> };
  };
  [capability: string]: unknown;
}

/** How to configure the AI Proxy plugin for a provider, from its file's `gateway` block. */
function normaliseGateway(block: NonNullable<ProviderFile["gateway"]>) {
  // `name` is `anthropic_version`, or `gemini.project_id` for a nested option; `required` false: only recommended.
  const entries = (values: Record<string, OptionValue> | undefined, required: boolean) =>
    Object.entries(values ?? {}).map(([name, value]) => ({ name, value, required }));
  return {
    provider: block.provider,
    /** False when the facts come only from documentation examples. */
    confirmed: block.confirmed,
    /** The style and its fields as the file writes them: the header or parameter, the variables holding secrets. */
    auth: block.auth,
    /** Required options first, each list in file order. */
    options: [...entries(block.options?.required, true), ...entries(block.options?.recommended, false)],
  };
}

/** The capability entries of a parsed provider file that are mappings (`chat`, `speech` under `audio`), in order. */
export function capabilityEntries(raw: Record<string, unknown>): [CapabilityDefinition, Record<string, unknown>][] {
  return CAPABILITIES.flatMap((capability) => {
    const [top, child] = capability.path as [string, string | undefined];
    const entry = child === undefined ? raw[top] : isMapping(raw[top]) ? raw[top][child] : undefined;
    return isMapping(entry) ? [[capability, entry]] : [];
  });
}

/** The base URLs of a file as one list: the older single `url_pattern` first. */
export function urlPatternList(entry: Record<string, unknown>): string[] | undefined {
  const { url_pattern: single, url_patterns: list = [] } = entry;
  if (typeof single !== "string" || !Array.isArray(list)) return undefined;
  return [single, ...list.filter((url) => url !== single)];
}

/** Turns one valid provider file into the normalised model: slug, canonical capability order, groups. */
export function normaliseProvider(file: ProviderFile, path: string) {
  const name = file.name;
  const urlPatterns = urlPatternList(file) ?? file.url_patterns ?? [];
  // An OpenAI-compatible provider's paths are OpenAI's after its base URL's own path (`/inference/v1/...`).
  const basePath = file.compatible_with && URL.canParse(urlPatterns[0]!) ? new URL(urlPatterns[0]!).pathname : "";
  // A footnote's number runs 1, 2, 3... over the page in canonical order; its content is inline Markdown.
  let notes = 0;
  const capabilities = capabilityEntries(file).flatMap(([definition, written]) => {
    const entry = written as unknown as CapabilityEntry;
    if (entry.supported !== true) return [];
    const note = entry.note && { number: ++notes, content: entry.note.content, capability: definition.key };
    const routeType = entry.route_type ?? definition.routeType;
    const { key, id, label, groupLabel, group } = definition;
    return {
      key,
      /** Anchor id of its row: `embeddings`, `audio-speech`. */
      id,
      label,
      groupLabel,
      group,
      streaming: entry.streaming ?? false,
      /** Inline Markdown, or a bare path. */
      upstreamPath: entry.upstream_path ?? `\`${compatibleUrl(basePath, routeType)}\``,
      routeType,
      /** Inline Markdown. */
      modelExample: entry.model_example!,
      /** A version like `3.11`, or `n/a`. */
      minVersion: entry.min_version!,
      ...(note ? { note } : {}),
    };
  });
  const footnotes = capabilities.flatMap((c) => (c.note ? [c.note] : []));
  const groups = GROUPS.flatMap((group) => {
    const members = capabilities.filter((c) => c.group === group.id);
    if (members.length === 0) return [];
    const { id, anchor, title, calloutsBefore, calloutsAfter } = group;
    const notes = members.flatMap((c) => (c.note ? [c.note] : []));
    return { id, anchor, title, capabilities: members, footnotes: notes, calloutsBefore, calloutsAfter };
  });
  return {
    name,
    slug: file.slug ?? slugify(name),
    /** Data file, relative to the project root, with forward slashes. */
    file: path,
    urlPatterns,
    /** True when the base URL is whatever the user sets (`upstream_url`). */
    urlIsVariable: file.url_is_variable ?? false,
    /** True when readers run the provider's server themselves (`self_hosted: true`). */
    selfHosted: file.self_hosted ?? false,
    ...(file.min_version ? { minVersion: file.min_version } : {}),
    ...(file.formats ? { formats: file.formats } : {}),
    nativeFormats: (file.native_formats ?? []).map((f) => ({
      llmFormat: f.llm_format,
      supportedApis: f.supported_apis,
    })),
    limitations: {
      providerSpecific: file.limitations?.provider_specific ?? [],
      statisticsLogging: file.limitations?.statistics_logging ?? [],
    },
    aliases: file.aliases ?? [],
    /** Supported capabilities, canonical order. */
    capabilities,
    /** The groups with at least one supported capability, each with its capabilities' notes in number order. */
    groups,
    footnotes,
    /** The plugin configuration facts; absent when the file has no `gateway` block. */
    ...(file.gateway ? { gateway: normaliseGateway(file.gateway) } : {}),
    /** The API the provider's own is compatible with (`compatible_with`). */
    ...(file.compatible_with ? { compatibleWith: file.compatible_with } : {}),
  };
}

/** One provider, normalised: what every template and output reads. */
export type Provider = ReturnType<typeof normaliseProvider>;
/** One supported capability of one provider, with everything its table rows show. */
export type ProviderCapability = Provider["capabilities"][number];
/** How to configure the AI Proxy plugin for a provider. */
export type ProviderGateway = ReturnType<typeof normaliseGateway>;
/** One `model.options` entry: a literal, or `{ env }` for a value each reader sets. */
export type GatewayOption = ProviderGateway["options"][number];
