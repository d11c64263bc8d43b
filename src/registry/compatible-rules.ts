import { CAPABILITIES } from "../catalogue.ts";
import { OPENAI_PATHS } from "../gateway-catalogue.ts";
import { describe, isMapping } from "./errors.ts";
import { capabilityEntry } from "./normalise.ts";
import type { ProblemCollector } from "./problem-collector.ts";

/** The rules of a file with `compatible_with: 'openai'`: its base URL is a plain address. */
export function checkCompatibleRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  if (raw.compatible_with !== "openai") return; // another value: the schema reports it
  const patterns = Array.isArray(raw.url_patterns) ? raw.url_patterns : [raw.url_pattern];
  const base = patterns[0];
  if (typeof base === "string" && !/^https?:\/\/[^\s{}/`<>"'\\]+(?:\/[^\s{}?#`<>"'\\]*)?$/.test(base)) {
    problems.add(
      Array.isArray(raw.url_patterns) ? "url_patterns.0" : "url_pattern",
      `found ${describe(base)}, expected the provider's OpenAI-compatible base URL, like ` +
        `'https://api.example.com/v1', with no \`{placeholders}\`: the gateway calls it followed by OpenAI's ` +
        `paths (\`/chat/completions\`). Write the base URL the provider's documentation gives for OpenAI clients.`,
    );
  }
  const gateway = isMapping(raw.gateway) ? raw.gateway : undefined;
  if (!gateway) {
    problems.add(
      "gateway",
      "missing, expected with `compatible_with: 'openai'`: the configuration needs the provider's auth. Add a " +
        "`gateway:` block with `provider: 'openai'`, `confirmed: false` and the `auth` the provider asks for.",
    );
  } else if (typeof gateway.provider === "string" && gateway.provider !== "openai") {
    problems.add(
      "gateway.provider",
      `found ${describe(gateway.provider)}, expected 'openai' with \`compatible_with: 'openai'\`: the gateway ` +
        `reaches the provider through its OpenAI driver. Write \`provider: 'openai'\`.`,
    );
  }
  const options = isMapping(gateway?.options) ? gateway.options : {};
  for (const list of ["required", "recommended"]) {
    if (isMapping(options[list]) && Object.hasOwn(options[list], "upstream_url")) {
      problems.add(
        `gateway.options.${list}.upstream_url`,
        "found `upstream_url`, expected none with `compatible_with: 'openai'`: each capability's address is " +
          "made from the base URL (`url_patterns`). Remove it.",
        { atKey: true },
      );
    }
  }
  for (const definition of CAPABILITIES) {
    const entry = capabilityEntry(raw, definition);
    if (!isMapping(entry) || entry.supported !== true) continue;
    for (const field of ["route_type", "upstream_path"]) {
      if (!Object.hasOwn(entry, field)) continue;
      problems.add(
        `${definition.key}.${field}`,
        `found \`${field}\`, expected none with \`compatible_with: 'openai'\`: the capability takes OpenAI's. ` +
          `Remove it.`,
        { atKey: true },
      );
    }
    if (!Object.hasOwn(OPENAI_PATHS, definition.routeType)) {
      problems.add(
        `${definition.key}.supported`,
        `found \`true\`, expected \`false\` with \`compatible_with: 'openai'\`: the gateway's OpenAI driver has no ` +
          `path for \`${definition.routeType}\`. Set \`supported: false\`.`,
      );
    }
  }
}
