import { CAPABILITIES, NON_STREAMING_CAPABILITIES, type CapabilityDefinition } from "../catalogue.ts";
import { ROUTE_TYPES } from "../gateway-catalogue.ts";
import { compareVersions, isVersion } from "../versions.ts";
import { capabilityEntries } from "./model.ts";
import { stringValues } from "./text-rules.ts";
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

/** Runs every rule on one file (any shape: each rule guards its own types), then applies `lint_ignore`. */
export function lintProvider(raw: Record<string, unknown>, problems: ProblemCollector): void {
  const supported = capabilityEntries(raw).filter(([, entry]) => entry.supported === true);
  const found: { field: string; message: string; rule: LintRule }[] = [];
  const warn = (rule: LintRule, field: string, message: string) => found.push({ rule, field, message });
  const line = (field: string) => problems.position(field, false)?.line;
  const own = typeof raw.min_version === "string" && isVersion(raw.min_version) ? raw.min_version : undefined;
  const byPath = new Map<string, CapabilityDefinition>();
  for (const [capability, entry] of supported) {
    const { key, label, routeType: usual } = capability;
    const version = entry.min_version;
    if (own && typeof version === "string" && isVersion(version) && compareVersions(version, own) < 0)
      warn(
        "min-version-below-provider",
        `${key}.min_version`,
        `found '${version}', lower than the provider's own \`min_version\` '${own}' (line ${line("min_version")}), ` +
          `expected a capability to need at least its provider's version. Write '${own}', or 'n/a' for no minimum ` +
          `of its own, or lower the provider's if it really works on ${version}.`,
      );
    const routeType = entry.route_type;
    const family = typeof routeType === "string" && ROUTE_TYPES.includes(routeType) ? familyOf(routeType) : undefined;
    if (family !== undefined && family !== familyOf(usual))
      warn(
        "route-type-family",
        `${key}.route_type`,
        `found "${routeType}", a route type of the ${family} family, expected one of the ${familyOf(usual)} family ` +
          `for \`${key}\`. Use "${usual}".`,
      );
    if (entry.streaming === true && NON_STREAMING_CAPABILITIES.includes(key))
      warn(
        "streaming-cannot-stream",
        `${key}.streaming`,
        `found \`true\`, expected \`false\`: the ${label.toLowerCase()} API answers with a job or a file to fetch ` +
          "later, never a stream. Write `streaming: false`.",
      );
    // Capabilities with one usual route type (chat, function calling) may share a path.
    const path = pathOf(entry.upstream_path);
    const first = path === undefined ? undefined : byPath.get(path);
    if (path !== undefined && !first) byPath.set(path, capability);
    else if (first && first.routeType !== usual)
      warn(
        "shared-upstream-path",
        `${key}.upstream_path`,
        `found \`${path}\`, the upstream path of \`${first.key}\` too (line ${line(`${first.key}.upstream_path`)}), ` +
          `expected a path of its own: ${label.toLowerCase()} and ${first.label.toLowerCase()} are different APIs ` +
          `(${usual}, ${first.routeType}). Check the provider's API reference.`,
      );
  }
  const isSupported = (routeType: string) =>
    supported.some(([capability, entry]) => capability.routeType === routeType || entry.route_type === routeType);
  const notes = new Set(supported.map(([capability]) => `${capability.key}.note.content`));
  for (const [field, text] of stringValues(raw)) {
    if (!notes.has(field) && !/^limitations\.(?:provider_specific|statistics_logging)\.\d+$/.test(field)) continue;
    for (const routeType of ROUTE_TYPES) {
      if (routeType === "preserve" || !text.includes(routeType)) continue;
      const keys = CAPABILITIES.filter((c) => c.routeType === routeType).map((c) => `\`${c.key}\``);
      const denied = deniesSupport(text, routeType);
      if (denied === isSupported(routeType))
        warn(
          "names-unsupported-capability",
          field,
          denied
            ? `says \`${routeType}\` is not supported, but ${keys.join(" or ")} is marked \`supported: true\`, ` +
                "expected the two to agree. Set `supported: false` there, or correct the sentence."
            : `names \`${routeType}\`, but this provider does not support ${keys.join(" or ")}, expected notes and ` +
                "limitations about what it supports. Correct the sentence, or remove it.",
        );
    }
  }
  // The findings `lint_ignore` does not silence; an entry that silences nothing is itself flagged.
  const ignored = new Set<string>();
  for (const [index, entry] of (Array.isArray(raw.lint_ignore) ? raw.lint_ignore : []).entries()) {
    if (!isMapping(entry) || typeof entry.rule !== "string" || !(entry.rule in LINT_RULES)) continue;
    ignored.add(entry.rule);
    if (!found.some((f) => f.rule === entry.rule))
      problems.add(
        `lint_ignore.${index}.rule`,
        `found "${entry.rule}", which finds nothing in this file, expected an entry only for a rule that does. ` +
          "Remove the entry.",
        { severity: "warning" },
      );
  }
  for (const { field, message, rule } of found)
    if (!ignored.has(rule))
      problems.add(
        field,
        `${message} (lint rule \`${rule}\`: if the file is right, add it to \`lint_ignore\` with a reason.)`,
        { severity: "warning", rule },
      );
}
