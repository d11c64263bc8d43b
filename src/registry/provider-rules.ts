import { CAPABILITIES } from "../catalogue.ts";
import { ROUTE_TYPES } from "../gateway-catalogue.ts";
import { checkAddresses } from "./address-rules.ts";
import { describe } from "./errors.ts";
import { checkConfigValues, checkGatewayRules } from "./gateway-rules.ts";
import { capabilityEntries } from "./model.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { checkMarkdownLinks, checkTextValues, isMarkdownField, stringValues } from "./text-rules.ts";

/** The rules a JSON Schema cannot say well, checked after it: a route type that belongs to another capability. */
export function checkProviderRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  // Values past the length limit are reported once there and scanned by no other rule.
  const tooLong = checkTextValues(raw, problems);
  checkAddresses(raw, tooLong, problems);
  checkCapabilities(raw, problems);
  for (const [field, value] of stringValues(raw))
    if (isMarkdownField(field) && !tooLong.has(field)) checkMarkdownLinks(field, value, problems);
  checkGatewayRules(raw, problems);
  checkConfigValues(raw, problems);
  checkScaffoldLeftovers(raw, problems);
}

function checkCapabilities(raw: Record<string, unknown>, problems: ProblemCollector): void {
  for (const [capability, entry] of capabilityEntries(raw)) {
    if (entry.supported === false && Object.hasOwn(entry, "note"))
      problems.add(
        `${capability.key}.note`,
        "found a note on a capability that is not supported, expected notes only on supported capabilities: " +
          "this one could never be shown. Remove the note, or set `supported: true`.",
        { atKey: true },
      );
    const routeType = entry.route_type;
    const usual = capability.routeType;
    // Another family (audio for chat) is the consistency lint's `route-type-family`.
    if (
      entry.supported === true &&
      typeof routeType === "string" &&
      ROUTE_TYPES.includes(routeType) &&
      routeType !== usual &&
      routeType.split("/")[0] === usual.split("/")[0]
    )
      problems.add(
        `${capability.key}.route_type`,
        `found "${routeType}", expected "${usual}" for \`${capability.key}\`. Use "${usual}" unless the gateway ` +
          `really routes this capability through "${routeType}".`,
        { severity: "warning" },
      );
  }
}

// The scaffold's placeholder host: `https://api.<slug>.example/...` (`.example` is reserved, RFC 2606).
const PLACEHOLDER_URL = /^[a-z]+:\/\/[^/]*\.example(?:[:/]|$)/i;

/** `npm run new-provider` writes a valid file; left as it is, it makes an empty page with a fake URL. */
function checkScaffoldLeftovers(raw: Record<string, unknown>, problems: ProblemCollector): void {
  const patterns = Array.isArray(raw.url_patterns) ? raw.url_patterns : [];
  for (const [index, url] of patterns.entries())
    if (typeof url === "string" && PLACEHOLDER_URL.test(url))
      problems.add(
        `url_patterns.${index}`,
        `found the scaffold's placeholder ${describe(url)}, expected the provider's real base URL. Replace it ` +
          "with the URL from the provider's API reference.",
        { severity: "warning" },
      );
  if (typeof raw.url_pattern === "string" && PLACEHOLDER_URL.test(raw.url_pattern))
    problems.add(
      "url_pattern",
      `found the placeholder ${describe(raw.url_pattern)}, expected the provider's real base URL. Replace it.`,
      { severity: "warning" },
    );
  if (capabilityEntries(raw).some(([, entry]) => entry.supported === true)) return;
  const first = CAPABILITIES.find((c) => Object.hasOwn(raw, c.path[0]!));
  problems.add(
    undefined,
    "found no supported capability, expected at least one: the page would have no table. Set `supported: " +
      "true` on each capability the gateway supports for this provider, and fill in its fields.",
    { severity: "warning", position: (first && problems.position(first.path[0]!, true)) ?? { line: 1, column: 1 } },
  );
}
