import { CAPABILITIES, NON_STREAMING_CAPABILITIES, type CapabilityDefinition } from "../catalogue.ts";
import { ROUTE_TYPES } from "../gateway-catalogue.ts";
import { compareVersions, isVersion } from "../versions.ts";
import { capabilityEntries } from "./model.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { isMapping } from "./errors.ts";

/** The consistency lint: facts in one provider file that contradict each other or the catalogue. */

/** The lint's rules, by the id a `lint_ignore` entry names. */
export const LINT_RULES = {
  "min-version-below-provider": "a capability's `min_version` is lower than its provider's",
  "route-type-family": "a capability's `route_type` belongs to another family (llm, audio, image, ...)",
  "shared-upstream-path": "two capabilities with different route types share one upstream path",
  "names-unsupported-capability": "a note or limitation contradicts what the provider supports",
  "streaming-cannot-stream": "`streaming: true` on a capability that cannot stream (files, batches)",
} as const;

export type LintRule = keyof typeof LINT_RULES;
export const LINT_RULE_IDS = Object.keys(LINT_RULES) as LintRule[];

/** `llm/v1/chat` → `llm`; `preserve` passes any request through and belongs to no family. */
const familyOf = (routeType: string) => (routeType === "preserve" ? undefined : routeType.split("/")[0]);

/** An upstream path written as one path (`` `/v1/embeddings` `` or `/v1/embeddings`); prose gives none. */
const pathOf = (value: unknown) =>
  typeof value === "string" ? /^(?:`(\/[^`\s]*)`|(\/\S*))$/.exec(value.trim())?.slice(1).find(Boolean) : undefined;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** True when the sentence says the route type itself is not offered: "`llm/v1/completions` is not supported". */
function deniesSupport(text: string, routeType: string): boolean {
  const type = `\`?${escapeRegExp(routeType)}\`?`;
  const more = "(?:,?\\s+(?:and|or)\\s+`?[a-z]+/v1/[\\w/]+`?|,\\s*`?[a-z]+/v1/[\\w/]+`?)*";
  const subject = new RegExp(
    `${type}${more}(?:\\s+route\\s+types?)?\\s+(?:is|are)\\s+(?:(?:not|never|no ` +
      `longer)\\s+(?:supported|available|offered)|unsupported|unavailable)`,
    "i",
  );
  const object = new RegExp(`(?:does|do|can)(?:\\s+not|n't)\\s+(?:support|serve|offer)\\s+(?:the\\s+)?${type}`, "i");
  return subject.test(text) || object.test(text);
}

interface Entry {
  capability: CapabilityDefinition;
  value: Record<string, unknown>;
}

/** Runs every rule on one file (any shape: each rule guards its own types), then applies `lint_ignore`. */
export function lintProvider(raw: Record<string, unknown>, problems: ProblemCollector): void {
  const entries: Entry[] = capabilityEntries(raw).map(([capability, value]) => ({ capability, value }));
  const supported = entries.filter((e) => e.value.supported === true);
  const found: { field: string; message: string; rule: LintRule }[] = [];
  const warn = (rule: LintRule, field: string, message: string) => found.push({ rule, field, message });
  const line = (field: string) => problems.position(field, false)?.line;

  // min-version-below-provider
  const providerVersion = raw.min_version;
  if (typeof providerVersion === "string" && isVersion(providerVersion)) {
    for (const { capability, value } of supported) {
      const version = value.min_version;
      if (typeof version !== "string" || !isVersion(version) || compareVersions(version, providerVersion) >= 0)
        continue;
      warn(
        "min-version-below-provider",
        `${capability.key}.min_version`,
        `found '${version}', lower than the provider's own \`min_version\` '${providerVersion}' (line ` +
          `${line("min_version")}), expected a capability to need at least its provider's version. Write ` +
          `'${providerVersion}', or 'n/a' for no minimum of its own, or lower the provider's if it really works ` +
          `on ${version}.`,
      );
    }
  }

  for (const { capability, value } of supported) {
    // route-type-family
    const routeType = value.route_type;
    const family = typeof routeType === "string" && ROUTE_TYPES.includes(routeType) ? familyOf(routeType) : undefined;
    const expected = familyOf(capability.routeType);
    if (family !== undefined && family !== expected) {
      warn(
        "route-type-family",
        `${capability.key}.route_type`,
        `found "${routeType}", a route type of the ${family} family, expected one of the ${expected} family ` +
          `for \`${capability.key}\`. Use "${capability.routeType}".`,
      );
    }
    // streaming-cannot-stream
    if (value.streaming === true && NON_STREAMING_CAPABILITIES.includes(capability.key)) {
      warn(
        "streaming-cannot-stream",
        `${capability.key}.streaming`,
        `found \`true\`, expected \`false\`: the ${capability.label.toLowerCase()} API answers with a job or a ` +
          `file to fetch later, never a stream. Write \`streaming: false\`.`,
      );
    }
  }

  // shared-upstream-path: capabilities with one usual route type (chat, function calling) may share a path.
  const byPath = new Map<string, Entry>();
  for (const entry of supported) {
    const path = pathOf(entry.value.upstream_path);
    if (path === undefined) continue;
    const first = byPath.get(path);
    if (!first) {
      byPath.set(path, entry);
      continue;
    }
    if (first.capability.routeType === entry.capability.routeType) continue;
    warn(
      "shared-upstream-path",
      `${entry.capability.key}.upstream_path`,
      `found \`${path}\`, the upstream path of \`${first.capability.key}\` too (line ` +
        `${line(`${first.capability.key}.upstream_path`)}), expected a path of its own: ` +
        `${entry.capability.label.toLowerCase()} and ${first.capability.label.toLowerCase()} are different APIs ` +
        `(${entry.capability.routeType}, ${first.capability.routeType}). Check the provider's API reference.`,
    );
  }

  // names-unsupported-capability
  const isSupported = (routeType: string) =>
    supported.some((e) => e.capability.routeType === routeType || e.value.route_type === routeType);
  for (const [field, text] of sentences(raw, supported)) {
    for (const routeType of ROUTE_TYPES) {
      if (routeType === "preserve" || !text.includes(routeType)) continue;
      const keys = CAPABILITIES.filter((c) => c.routeType === routeType).map((c) => `\`${c.key}\``);
      const denied = deniesSupport(text, routeType);
      if (denied && isSupported(routeType)) {
        warn(
          "names-unsupported-capability",
          field,
          `says \`${routeType}\` is not supported, but ${keys.join(" or ")} is marked \`supported: true\`, ` +
            `expected the two to agree. Set \`supported: false\` there, or correct the sentence.`,
        );
      } else if (!denied && !isSupported(routeType)) {
        warn(
          "names-unsupported-capability",
          field,
          `names \`${routeType}\`, but this provider does not support ${keys.join(" or ")}, expected notes and ` +
            `limitations about what it supports. Correct the sentence, or remove it.`,
        );
      }
    }
  }

  applyIgnores(raw, found, problems);
}

function* sentences(raw: Record<string, unknown>, supported: Entry[]): Generator<[string, string]> {
  for (const { capability, value } of supported) {
    if (isMapping(value.note) && typeof value.note.content === "string")
      yield [`${capability.key}.note.content`, value.note.content];
  }
  if (!isMapping(raw.limitations)) return;
  for (const list of ["provider_specific", "statistics_logging"]) {
    const items = raw.limitations[list];
    if (!Array.isArray(items)) continue;
    for (const [index, item] of items.entries())
      if (typeof item === "string") yield [`limitations.${list}.${index}`, item];
  }
}

/** Records the findings `lint_ignore` does not silence, and flags an entry that silences nothing. */
function applyIgnores(
  raw: Record<string, unknown>,
  found: { field: string; message: string; rule: LintRule }[],
  problems: ProblemCollector,
): void {
  const ignores = Array.isArray(raw.lint_ignore) ? raw.lint_ignore : [];
  const ignored = new Set<string>();
  for (const [index, entry] of ignores.entries()) {
    if (!isMapping(entry) || typeof entry.rule !== "string" || !(entry.rule in LINT_RULES)) continue;
    ignored.add(entry.rule);
    if (!found.some((f) => f.rule === entry.rule)) {
      problems.add(
        `lint_ignore.${index}.rule`,
        `found "${entry.rule}", which finds nothing in this file, expected an entry only for a rule that does. ` +
          `Remove the entry.`,
        { severity: "warning" },
      );
    }
  }
  for (const { field, message, rule } of found) {
    if (ignored.has(rule)) continue;
    problems.add(
      field,
      `${message} (lint rule \`${rule}\`: if the file is right, add it to \`lint_ignore\` with a reason.)`,
      { severity: "warning", rule },
    );
  }
}
