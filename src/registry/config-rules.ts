import { describe, isMapping } from "./errors.ts";
import type { ProblemCollector } from "./problem-collector.ts";

/** What a generated configuration would run rather than hold: decK's `${{ ... }}`. */
const TEMPLATE_SYNTAX = /\$\{\{|\$\{|\$\(|`/;
const TEMPLATE_NAMES: Record<string, string> = {
  "${{": "decK's `${{`",
  "${": "the shell's `${`",
  "$(": "the shell's `$(`",
  "`": "a backtick",
};

// The file's values that land in a generated configuration; a model name is plain already (`plainModelName`).
function configValues(raw: Record<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === "string") found.push([field, value]);
  };
  const gateway = isMapping(raw.gateway) ? raw.gateway : {};
  add("gateway.provider", gateway.provider);
  if (isMapping(gateway.auth))
    for (const [key, value] of Object.entries(gateway.auth)) add(`gateway.auth.${key}`, value);
  const options = isMapping(gateway.options) ? gateway.options : {};
  for (const list of ["required", "recommended"]) {
    const values = options[list];
    if (!isMapping(values)) continue;
    for (const [name, value] of Object.entries(values)) {
      add(`gateway.options.${list}.${name}`, value);
      if (isMapping(value)) add(`gateway.options.${list}.${name}.env`, value.env);
    }
  }
  add("url_pattern", raw.url_pattern);
  const urls: unknown[] = Array.isArray(raw.url_patterns) ? raw.url_patterns : [];
  for (const [index, url] of urls.entries()) add(`url_patterns.${index}`, url);
  return found;
}

/** Refuses template and shell syntax in every value that lands in a generated configuration, located at it. */
export function checkConfigValues(raw: Record<string, unknown>, problems: ProblemCollector): void {
  for (const [field, value] of configValues(raw)) {
    const match = TEMPLATE_SYNTAX.exec(value);
    if (!match) continue;
    problems.add(
      field,
      `found ${TEMPLATE_NAMES[match[0]]} in ${describe(value)}, expected a value written ` +
        "out: it goes into the generated decK, Kubernetes and shell configurations, where it would be run or " +
        "expanded. Write the value itself; for a secret, write `{ env: 'NAME' }` and the generator adds the " +
        "reference.",
      { position: problems.positionOfText(field, match[0]) },
    );
  }
}
