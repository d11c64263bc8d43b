import { CAPABILITIES, type CapabilityDefinition, GROUPS } from "../catalogue.ts";
import { isMapping } from "./errors.ts";
import { type AuthStyle, compatibleUrl } from "../gateway-catalogue.ts";
import type {
  CompatibleApi,
  Footnote,
  GatewayAuth,
  OptionValue,
  Provider,
  ProviderCapability,
  ProviderGateway,
  ProviderGroup,
} from "./model.ts";
import { escapeMarkdownText } from "./markdown-escape.ts";
import { slugify } from "./slug.ts";

/** One capability entry as a provider file writes it (shape guaranteed by the schema). */
export interface CapabilityEntry {
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
  url_pattern?: string;
  url_is_variable?: boolean;
  self_hosted?: boolean;
  min_version?: string;
  formats?: string;
  native_formats?: { llm_format: string; supported_apis: string[] }[];
  limitations?: { provider_specific?: string[]; statistics_logging?: string[] };
  gateway?: GatewayBlock;
  compatible_with?: CompatibleApi;
  [capability: string]: unknown;
}

/** A file's `gateway` block as written (shape guaranteed by the schema and the gateway rules). */
export interface GatewayBlock {
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
}

function normaliseAuth(auth: GatewayBlock["auth"]): GatewayAuth {
  switch (auth.style) {
    case "header":
      return { style: "header", headerName: auth.header_name!, env: auth.env!, bearer: auth.bearer ?? false };
    case "query":
      return { style: "query", paramName: auth.param_name!, env: auth.env! };
    case "aws":
      return { style: "aws", accessKeyIdEnv: auth.access_key_id_env!, secretAccessKeyEnv: auth.secret_access_key_env! };
    default:
      return { style: auth.style };
  }
}

function normaliseGateway(block: GatewayBlock): ProviderGateway {
  const entries = (values: Record<string, OptionValue> | undefined, required: boolean) =>
    Object.entries(values ?? {}).map(([name, value]) => ({ name, value, required }));
  return {
    provider: block.provider,
    confirmed: block.confirmed,
    auth: normaliseAuth(block.auth),
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

/** Turns one valid provider file into the normalised model: slug, canonical capability order, groups. */
export function normaliseProvider(file: ProviderFile, path: string): Provider {
  const name = file.name;
  const slug = file.slug ?? slugify(name);

  let urlPatterns = file.url_patterns ?? [];
  if (file.url_pattern !== undefined)
    urlPatterns = [file.url_pattern, ...urlPatterns.filter((u) => u !== file.url_pattern)];

  // An OpenAI-compatible provider's paths are OpenAI's after its base URL's own path (`/inference/v1/...`).
  const basePath = file.compatible_with ? baseUrlPath(urlPatterns[0]!) : "";

  const footnotes: Footnote[] = [];
  const capabilities: ProviderCapability[] = [];
  for (const [definition, written] of capabilityEntries(file)) {
    const entry = written as unknown as CapabilityEntry;
    if (entry.supported !== true) continue;
    let note: Footnote | undefined;
    if (entry.note) {
      note = { number: footnotes.length + 1, content: entry.note.content, capability: definition.key };
      footnotes.push(note);
    }
    const routeType = entry.route_type ?? definition.routeType;
    capabilities.push({
      key: definition.key,
      id: definition.id,
      label: definition.label,
      groupLabel: definition.groupLabel,
      group: definition.group,
      streaming: entry.streaming ?? false,
      upstreamPath: entry.upstream_path ?? `\`${compatibleUrl(basePath, routeType)}\``,
      routeType,
      modelExample: entry.model_example!,
      minVersion: entry.min_version!,
      ...(note ? { note } : {}),
    });
  }

  const groups: ProviderGroup[] = [];
  for (const group of GROUPS) {
    const members = capabilities.filter((c) => c.group === group.id);
    if (members.length === 0) continue;
    groups.push({
      id: group.id,
      anchor: group.anchor,
      title: group.title,
      // The intro is inline Markdown: the name goes in escaped, so `[x](...)` in a name is text, not a link.
      intro: group.intro.replaceAll("{name}", escapeMarkdownText(name)),
      capabilities: members,
      footnotes: members.flatMap((c) => (c.note ? [c.note] : [])),
      calloutsBefore: group.calloutsBefore,
      calloutsAfter: group.calloutsAfter,
    });
  }

  return {
    name,
    slug,
    file: path,
    urlPatterns,
    urlIsVariable: file.url_is_variable ?? false,
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
    capabilities,
    groups,
    footnotes,
    ...(file.gateway ? { gateway: normaliseGateway(file.gateway) } : {}),
    ...(file.compatible_with ? { compatibleWith: file.compatible_with } : {}),
  };
}

/** The path of a base URL (`/inference/v1` of `https://api.fireworks.ai/inference/v1`); the rules checked the URL. */
function baseUrlPath(baseUrl: string): string {
  return URL.canParse(baseUrl) ? new URL(baseUrl).pathname : "";
}
