import { CAPABILITIES, GROUPS } from "../catalogue.ts";
import type { DataProblem } from "./errors.ts";
import type { Footnote, NativeFormat, Provider, ProviderCapability, ProviderGroup } from "./model.ts";
import { slugify } from "./slug.ts";
import type { ParsedYaml, SourcePosition } from "./yaml-source.ts";

type RawMap = Record<string, unknown>;

const isMap = (value: unknown): value is RawMap =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads `a.b.c` out of nested mappings. */
function at(root: RawMap, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split(".")) {
    if (!isMap(value)) return undefined;
    value = value[part];
  }
  return value;
}

/** Collects problems against one file, located through the parsed source. */
export class ProblemCollector {
  readonly problems: DataProblem[] = [];
  constructor(
    readonly file: string,
    private readonly parsed?: ParsedYaml,
  ) {}

  /** Records a problem at a field: at its key when `atKey`, else at its value (falling back to the nearest parent). */
  add(field: string | undefined, message: string, options: { atKey?: boolean; severity?: "error" | "warning" } = {}) {
    this.problems.push({
      file: this.file,
      field,
      position: field === undefined ? undefined : this.position(field, options.atKey ?? false),
      message: field === undefined ? message : `\`${field}\`: ${message}`,
      severity: options.severity ?? "error",
    });
  }

  position(field: string, atKey: boolean): SourcePosition | undefined {
    const positions = this.parsed?.positions;
    if (!positions) return undefined;
    const direct = atKey ? positions.key.get(field) : (positions.value.get(field) ?? positions.key.get(field));
    if (direct) return direct;
    // A missing field is reported where its parent's key stands (`embeddings:`).
    const parent = field.includes(".") ? field.slice(0, field.lastIndexOf(".")) : "";
    return parent ? this.position(parent, true) : positions.value.get("");
  }

  get hasErrors() {
    return this.problems.some((p) => p.severity === "error");
  }
}

/**
 * Turns one parsed provider file into the normalised model, numbering footnotes and
 * grouping capabilities. Problems it meets go to `problems`; it returns undefined when the
 * file cannot make a page.
 */
export function normaliseProvider(raw: unknown, problems: ProblemCollector): Provider | undefined {
  if (!isMap(raw)) {
    const found = raw === undefined || raw === null ? "an empty file" : Array.isArray(raw) ? "a list" : `a ${typeof raw}`;
    problems.add(undefined, `Expected a mapping of provider fields (\`name: ...\`, \`url_patterns: ...\`), found ${found}.`);
    return undefined;
  }
  const text = (field: string, required: boolean): string | undefined => {
    const value = at(raw, field);
    if (value === undefined || value === null) {
      if (required) problems.add(field, "is required.", { atKey: true });
      return undefined;
    }
    if (typeof value !== "string" || value.trim() === "") {
      problems.add(field, `must be a non-empty string, found ${describe(value)}. Put the value in quotes.`);
      return undefined;
    }
    return value;
  };
  const flag = (field: string): boolean => {
    const value = at(raw, field);
    if (value === undefined || value === null) return false;
    if (typeof value !== "boolean") {
      problems.add(field, `must be \`true\` or \`false\`, found ${describe(value)}.`);
      return false;
    }
    return value;
  };
  const textList = (field: string): string[] => {
    const value = at(raw, field);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problems.add(field, `must be a list of strings, found ${describe(value)}.`);
      return [];
    }
    return value.flatMap((item, index) => {
      if (typeof item === "string" && item.trim() !== "") return [item];
      problems.add(`${field}.${index}`, `must be a non-empty string, found ${describe(item)}.`);
      return [];
    });
  };

  const name = text("name", true);
  const slug = raw.slug === undefined ? (name === undefined ? undefined : slugify(name)) : text("slug", false);
  if (name !== undefined && slug === "") {
    problems.add("name", `"${name}" has no letters or digits to make a URL slug from. Add a \`slug\` field.`);
  }

  let urlPatterns = textList("url_patterns");
  const single = text("url_pattern", false);
  if (single !== undefined) urlPatterns = [single, ...urlPatterns.filter((u) => u !== single)];
  if (urlPatterns.length === 0 && raw.url_pattern === undefined && raw.url_patterns === undefined) {
    problems.add("url_patterns", "is required: list the provider's base URL pattern(s), e.g. `- 'https://api.example.com/{route_type_path}'`.", { atKey: true });
  }

  let noteCounter = 0;
  const footnotes: Footnote[] = [];
  const capabilities: ProviderCapability[] = [];
  for (const definition of CAPABILITIES) {
    const entry = at(raw, definition.key);
    if (entry === undefined || entry === null) continue;
    if (!isMap(entry)) {
      problems.add(definition.key, `must be a mapping with \`supported\`, \`streaming\`, \`upstream_path\`, ... found ${describe(entry)}.`);
      continue;
    }
    if (!flag(`${definition.key}.supported`)) continue;
    const field = (key: string) => `${definition.key}.${key}`;
    const upstreamPath = text(field("upstream_path"), true);
    const routeType = text(field("route_type"), true);
    const modelExample = text(field("model_example"), true);
    const minVersion = text(field("min_version"), true);
    const streaming = flag(field("streaming"));
    const noteContent = at(raw, field("note.content"));
    let note: Footnote | undefined;
    if (noteContent !== undefined && noteContent !== null) {
      const content = text(field("note.content"), false);
      if (content !== undefined) {
        note = { number: ++noteCounter, content, capability: definition.key };
        footnotes.push(note);
      }
    }
    if (upstreamPath === undefined || routeType === undefined || modelExample === undefined || minVersion === undefined) continue;
    capabilities.push({
      key: definition.key,
      id: definition.id,
      label: definition.label,
      groupLabel: definition.groupLabel,
      group: definition.group,
      streaming,
      upstreamPath,
      routeType,
      modelExample,
      minVersion,
      ...(note ? { note } : {}),
    });
  }

  if (name === undefined || slug === undefined || slug === "" || problems.hasErrors) return undefined;

  const groups: ProviderGroup[] = [];
  for (const group of GROUPS) {
    const members = capabilities.filter((c) => c.group === group.id);
    if (members.length === 0) continue;
    groups.push({
      id: group.id,
      anchor: group.anchor,
      title: group.title,
      intro: group.intro.replaceAll("{name}", name),
      capabilities: members,
      footnotes: members.flatMap((c) => (c.note ? [c.note] : [])),
      calloutsBefore: group.calloutsBefore,
      calloutsAfter: group.calloutsAfter,
    });
  }

  const minVersion = text("min_version", false);
  const formats = text("formats", false);
  return {
    name,
    slug,
    file: problems.file,
    urlPatterns,
    urlIsVariable: flag("url_is_variable"),
    ...(minVersion ? { minVersion } : {}),
    ...(formats ? { formats } : {}),
    nativeFormats: nativeFormats(raw.native_formats),
    limitations: {
      providerSpecific: textList("limitations.provider_specific"),
      statisticsLogging: textList("limitations.statistics_logging"),
    },
    aliases: textList("aliases"),
    capabilities,
    groups,
    footnotes,
  };
}

function nativeFormats(value: unknown): NativeFormat[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isMap).map((entry) => ({
    llmFormat: String(entry.llm_format ?? ""),
    supportedApis: Array.isArray(entry.supported_apis) ? entry.supported_apis.map(String) : [],
  }));
}

/** Describes a found value for a message: `the number 3.1`, `"yes"`, `a list`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `the ${typeof value} ${String(value)}`;
}
