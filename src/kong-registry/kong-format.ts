// What Kong's single-file registry and our one-file-per-provider registry share, and how an entry is laid out.
import type { ToStringOptions } from "yaml";
import { CAPABILITIES } from "../catalogue.ts";
import { CAPABILITY_FIELDS, providerSchema } from "../registry/provider-schema.ts";
import { isMapping } from "../registry/errors.ts";

/** The top-level `parameters` of Kong's file: where each fact goes in the plugin's configuration. */
export const KONG_PARAMETERS = {
  provider: "config.model.provider",
  route_type: "config.route_type",
  options: "config.model.options",
  upstream_url: "config.model.options.upstream_url",
  model_name: "config.model.name",
} as const;

/** Fields our files have and Kong's do not: the export writes them so that an import gives them back. */
export const OUR_ONLY_FIELDS = ["slug", "aliases", "lint_ignore", "gateway"] as const;

/** How both commands write YAML: Kong's style (single quotes, no folded lines), one value per line. */
export const YAML_STYLE: ToStringOptions = {
  defaultStringType: "QUOTE_SINGLE",
  defaultKeyType: "PLAIN",
  lineWidth: 0,
  minContentWidth: 0,
};

// The order a written entry takes: who it is, where it is, since when, what it can do, what else.
const LEADING = ["name", "slug", "aliases", "formats", "url_pattern", "url_patterns", "url_is_variable", "min_version"];
const TRAILING = ["native_formats", "limitations", "lint_ignore", "gateway"];

const capabilityParents = [...new Set(CAPABILITIES.map((c) => c.key.split(".")[0]!))];
const childrenOf = new Map(
  capabilityParents.map((parent) => [
    parent,
    CAPABILITIES.filter((c) => c.key.startsWith(`${parent}.`)).map((c) => c.key.split(".")[1]!),
  ]),
);
const ENTRY_FIELDS = [...CAPABILITY_FIELDS, "note"];

// Every field of a provider file, in the order a written entry takes; new schema fields last.
const SCHEMA_FIELDS = Object.keys(providerSchema().properties as object);
const KNOWN = [...LEADING, ...capabilityParents, ...TRAILING];
const FIELD_ORDER = [
  ...KNOWN.filter((f) => SCHEMA_FIELDS.includes(f)),
  ...SCHEMA_FIELDS.filter((f) => !KNOWN.includes(f)),
];

type LeftOut = { path: (string | number)[]; reason: string };

/** Copies `value`'s keys in `order`, listing the keys it has that `order` lacks as left out. */
function pick(
  value: Record<string, unknown>,
  order: readonly string[],
  at: (string | number)[],
  reason: (key: string) => string,
  leftOut: LeftOut[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(value, key)) out[key] = value[key];
  for (const key of Object.keys(value))
    if (!order.includes(key)) leftOut.push({ path: [...at, key], reason: reason(key) });
  return out;
}

/** One capability entry in field order; a value that is not a mapping is kept for the check to report. */
function layOutCapability(value: unknown, at: (string | number)[], leftOut: LeftOut[]): unknown {
  if (!isMapping(value)) return value;
  return pick(value, ENTRY_FIELDS, at, (key) => `a capability entry has no \`${key}\` field`, leftOut);
}

/** A Kong entry laid out as a provider file, in the written order, and the keys left out with the reason. */
export function layOutProvider(entry: Record<string, unknown>): { entry: Record<string, unknown>; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const out = pick(
    entry,
    FIELD_ORDER,
    [],
    (key) => `our provider files have no \`${key}\` field (see _data/providers/README.md)`,
    leftOut,
  );
  for (const parent of capabilityParents) {
    if (!Object.hasOwn(out, parent)) continue;
    const children = childrenOf.get(parent)!;
    if (children.length === 0) {
      out[parent] = layOutCapability(out[parent], [parent], leftOut);
      continue;
    }
    if (!isMapping(out[parent])) continue;
    const group = pick(
      out[parent] as Record<string, unknown>,
      children,
      [parent],
      (key) => `\`${parent}\` has no capability \`${key}\` (it has ${children.map((c) => `\`${c}\``).join(", ")})`,
      leftOut,
    );
    for (const child of Object.keys(group)) group[child] = layOutCapability(group[child], [parent, child], leftOut);
    out[parent] = group;
  }
  return { entry: out, leftOut };
}
