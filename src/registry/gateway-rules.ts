import {
  AUTH_STYLE_FIELDS,
  AUTH_STYLES,
  type AuthStyle,
  GATEWAY_PROVIDERS,
  gatewayProviderFacts,
  MODEL_OPTIONS,
  modelOptionFacts,
  OPENAI_PATHS,
  type OptionValue,
} from "../gateway-catalogue.ts";
import { describe, didYouMean, isMapping } from "./errors.ts";
import { OPTION_NAME_PATTERN } from "./gateway-schema.ts";
import { capabilityEntries } from "./model.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { secretLike } from "./secret-like.ts";
import { stringValues } from "./text-rules.ts";

const code = (text: string) => `\`${text}\``;
const listed = (items: readonly string[]) => items.map(code).join(", ");
const mapping = (value: unknown) => (isMapping(value) ? value : {});
const OPTION_NAME = new RegExp(OPTION_NAME_PATTERN);
const TYPE_WORDS = { string: "text", number: "a number", integer: "a whole number", boolean: "`true` or `false`" };
type List = "required" | "recommended";

/** An option value as YAML, for a message: `'2023-06-01'`, `{ env: 'AZURE_INSTANCE_NAME' }`. */
export function optionYaml(value: OptionValue): string {
  if (typeof value === "object") return `{ env: '${value.env}' }`;
  return typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value);
}

/** True when a dotted option name has a part that every JavaScript object already has (`constructor.x`). */
export const isReservedOptionName = (name: string) => reservedPart(name) !== undefined;
const reservedPart = (name: string) =>
  name.split(".").find((part) => part === "__proto__" || part === "constructor" || part === "prototype");

/** The rules of a provider file's `gateway` block (and of `compatible_with`) that its schema cannot say. */
export function checkGatewayRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  checkCompatibleRules(raw, problems);
  const gateway = raw.gateway;
  if (!isMapping(gateway)) return;
  checkAuthFields(gateway.auth, problems);
  const options = mapping(gateway.options);
  const lists = { required: mapping(options.required), recommended: mapping(options.recommended) };
  // A problem with one option, reported at the option (or where it would go) under the list's field.
  const report = (list: List, name: string, message: string, atKey = true) => {
    const position = problems.position(`gateway.options.${list}.${name}`, atKey);
    problems.add(`gateway.options.${list}`, message, position ? { position } : {});
  };
  for (const list of ["required", "recommended"] as const) {
    for (const [name, value] of Object.entries(lists[list])) {
      const say = (message: string, atKey = true) => report(list, name, message, atKey);
      const secret = typeof value === "string" && secretLike(value);
      // Never repeat a secret in a message: its first characters are enough to find it.
      if (secret)
        say(
          `found what looks like ${secret} in \`${name}\` (it starts \`${value.slice(0, 4)}\`), expected no secret ` +
            "in a data file: it would be published on the page. Put the secret in an environment variable and " +
            "write `{ env: 'NAME' }` instead.",
          false,
        );
      if (OPTION_NAME.test(name)) checkOptionField(name, value, say);
      const reserved = reservedPart(name);
      const parent = name.includes(".") ? name.slice(0, name.indexOf(".")) : "";
      const owner = (["required", "recommended"] as const).find((l) => parent && Object.hasOwn(lists[l], parent));
      if (reserved !== undefined)
        say(
          `found the option name ${code(name)}, whose part ${code(reserved)} is a name every JavaScript object ` +
            "already has, expected one of the plugin's own option names (like `anthropic_version` or " +
            "`gemini.project_id`). Correct the name, or remove the option.",
        );
      else if (owner)
        say(
          `found ${code(name)}, an option nested in ${code(parent)}, but ${code(parent)} has a value of its own ` +
            `under \`${owner}\`, expected either a value or nested options. Remove one of them.`,
        );
      if (list === "recommended" && Object.hasOwn(lists.required, name))
        say(`found \`${name}\` under \`required\` too, expected each option once. Remove it from one of the lists.`);
    }
  }
  if (typeof gateway.provider === "string") checkProviderOptions(gateway.provider, lists, report, problems);
}

function checkAuthFields(auth: unknown, problems: ProblemCollector): void {
  if (!isMapping(auth) || !AUTH_STYLES.includes(auth.style as AuthStyle)) return;
  const style = auth.style as AuthStyle;
  const fieldsOf = (s: AuthStyle) => [...AUTH_STYLE_FIELDS[s].required, ...AUTH_STYLE_FIELDS[s].optional];
  for (const key of Object.keys(auth)) {
    const owner = AUTH_STYLES.find((s) => fieldsOf(s).includes(key));
    // An unknown key is the schema's to report.
    if (key === "style" || !owner || fieldsOf(style).includes(key)) continue;
    const own = fieldsOf(style);
    problems.add(
      `gateway.auth.${key}`,
      `found \`${key}\`, a field of the \`${owner}\` style, expected ` +
        `${own.length ? `only ${listed(own)}` : "no other field"} with \`style: '${style}'\`. Remove it, or set ` +
        `\`style: '${owner}'\`.`,
      { atKey: true },
    );
  }
}

/** An option the plugin's schema lacks, or a value of another type or outside the values it allows. */
function checkOptionField(name: string, value: unknown, say: (message: string, atKey?: boolean) => void) {
  const facts = modelOptionFacts(name);
  if (!facts) {
    return say(
      `found \`${name}\`, which is not a \`model.options\` field of the gateway (as of 3.15): every ` +
        `configuration with it would be refused.${didYouMean(name, Object.keys(MODEL_OPTIONS), "`") || " Remove it."}`,
    );
  }
  const isEnv = typeof value === "object" && value !== null;
  const type = isEnv ? "string" : typeof value;
  const words = TYPE_WORDS[facts.type];
  if (type !== facts.type && !(type === "number" && facts.type === "integer" && Number.isInteger(value)))
    return say(
      `found ${isEnv ? "a value from the environment (text)" : describe(value)} for \`${name}\`, expected ` +
        `${words}, the type the gateway's schema gives it. Write ${words} ${isEnv ? "in the file itself" : "instead"}.`,
      false,
    );
  if (!facts.values || typeof value !== "string" || facts.values.includes(value)) return;
  say(
    `found ${describe(value)} for \`${name}\`, expected one of ` +
      `${facts.values.map((v) => `'${v}'`).join(", ")}.${didYouMean(value, facts.values)}`,
    false,
  );
}

function checkProviderOptions(
  provider: string,
  lists: Record<List, Record<string, unknown>>,
  report: (list: List, name: string, message: string, atKey?: boolean) => void,
  problems: ProblemCollector,
): void {
  const facts = gatewayProviderFacts(provider);
  if (!facts) {
    const known = GATEWAY_PROVIDERS.map((p) => p.provider);
    problems.add(
      "gateway.provider",
      `found ${describe(provider)}, which is not a \`model.provider\` of the gateway (as of 3.15), expected ` +
        `one of ${listed(known)}.` +
        (didYouMean(provider, known, '"') || " Check the spelling; a provider newer than 3.15 is fine."),
      { severity: "warning" },
    );
    return;
  }
  for (const { name, example } of facts.requiredOptions) {
    if (Object.hasOwn(lists.required, name)) continue;
    if (Object.hasOwn(lists.recommended, name))
      report(
        "recommended",
        name,
        `found \`${name}\` among the recommended options, expected it under \`required\`: the gateway's ` +
          `\`${provider}\` provider does not run without it. Move it to \`required:\`.`,
      );
    else
      report(
        "required",
        name,
        `missing \`${name}\`, expected because the gateway's \`${provider}\` provider does not run without it. ` +
          `Under \`gateway.options.required\`, add \`${name}: ${optionYaml(example)}\`.`,
        false,
      );
  }
  for (const group of facts.allOrNone) {
    const present = group.filter(
      (name) => Object.hasOwn(lists.required, name) || Object.hasOwn(lists.recommended, name),
    );
    if (present.length === 0 || present.length === group.length) continue;
    for (const name of group.filter((n) => !present.includes(n)))
      report(
        "required",
        name,
        `missing \`${name}\`, expected because ${listed(present)} is set: the gateway's \`${provider}\` ` +
          `provider takes ${listed(group)} together or not at all. Add \`${name}\` under ` +
          "`gateway.options.required`, or remove the others.",
        false,
      );
  }
}

/** The rules of a file with `compatible_with: 'openai'`: its base URL is a plain address. */
function checkCompatibleRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  if (raw.compatible_with !== "openai") return; // another value: the schema reports it
  const base = Array.isArray(raw.url_patterns) ? raw.url_patterns[0] : raw.url_pattern;
  if (typeof base === "string" && !/^https?:\/\/[^\s{}/`<>"'\\]+(?:\/[^\s{}?#`<>"'\\]*)?$/.test(base))
    problems.add(
      Array.isArray(raw.url_patterns) ? "url_patterns.0" : "url_pattern",
      `found ${describe(base)}, expected the provider's OpenAI-compatible base URL, like ` +
        "'https://api.example.com/v1', with no `{placeholders}`: the gateway calls it followed by OpenAI's " +
        "paths (`/chat/completions`). Write the base URL the provider's documentation gives for OpenAI clients.",
    );
  const gateway = raw.gateway;
  if (!isMapping(gateway))
    problems.add(
      "gateway",
      "missing, expected with `compatible_with: 'openai'`: the configuration needs the provider's auth. Add a " +
        "`gateway:` block with `provider: 'openai'`, `confirmed: false` and the `auth` the provider asks for.",
    );
  else if (typeof gateway.provider === "string" && gateway.provider !== "openai")
    problems.add(
      "gateway.provider",
      `found ${describe(gateway.provider)}, expected 'openai' with \`compatible_with: 'openai'\`: the gateway ` +
        "reaches the provider through its OpenAI driver. Write `provider: 'openai'`.",
    );
  const options = mapping(isMapping(gateway) ? gateway.options : undefined);
  for (const list of ["required", "recommended"])
    if (Object.hasOwn(mapping(options[list]), "upstream_url"))
      problems.add(
        `gateway.options.${list}.upstream_url`,
        "found `upstream_url`, expected none with `compatible_with: 'openai'`: each capability's address is " +
          "made from the base URL (`url_patterns`). Remove it.",
        { atKey: true },
      );
  for (const [definition, entry] of capabilityEntries(raw)) {
    if (entry.supported !== true) continue;
    for (const field of ["route_type", "upstream_path"])
      if (Object.hasOwn(entry, field))
        problems.add(
          `${definition.key}.${field}`,
          `found \`${field}\`, expected none with \`compatible_with: 'openai'\`: the capability takes OpenAI's. ` +
            "Remove it.",
          { atKey: true },
        );
    if (!Object.hasOwn(OPENAI_PATHS, definition.routeType))
      problems.add(
        `${definition.key}.supported`,
        `found \`true\`, expected \`false\` with \`compatible_with: 'openai'\`: the gateway's OpenAI driver has no ` +
          `path for \`${definition.routeType}\`. Set \`supported: false\`.`,
      );
  }
}

// The values that land in a generated configuration (a model name is plain already: `plainModelName`).
const CONFIG_FIELD =
  /^(?:gateway\.(?:provider|auth\.[^.]+|options\.(?:required|recommended)\..+)|url_pattern|url_patterns\.\d+)$/;
const TEMPLATE_SYNTAX = /\$\{\{|\$\{|\$\(|`/;
const TEMPLATE_NAMES: Record<string, string> = {
  "${{": "decK's `${{`",
  "${": "the shell's `${`",
  "$(": "the shell's `$(`",
  "`": "a backtick",
};

/** Refuses template and shell syntax (decK's `${{ ... }}`) in every value of a generated configuration. */
export function checkConfigValues(raw: Record<string, unknown>, problems: ProblemCollector): void {
  for (const [field, value] of stringValues(raw)) {
    const match = CONFIG_FIELD.test(field) ? TEMPLATE_SYNTAX.exec(value) : null;
    if (match)
      problems.add(
        field,
        `found ${TEMPLATE_NAMES[match[0]]} in ${describe(value)}, expected a value written out: it goes into the ` +
          "generated decK, Kubernetes and shell configurations, where it would be run or expanded. Write the " +
          "value itself; for a secret, write `{ env: 'NAME' }` and the generator adds the reference.",
        { position: problems.positionOfText(field, match[0]) },
      );
  }
}
