import {
  AUTH_STYLE_FIELDS,
  AUTH_STYLES,
  type AuthStyle,
  GATEWAY_PROVIDERS,
  gatewayProviderFacts,
  MODEL_OPTIONS,
  modelOptionFacts,
  type OptionValue,
} from "../gateway-catalogue.ts";
import { checkCompatibleRules } from "./compatible-rules.ts";
import { closestMatches, describe, isMapping } from "./errors.ts";
import { OPTION_NAME_PATTERN } from "./gateway-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { secretLike } from "./secret-like.ts";

/** The rules of a provider file's `gateway` block that its schema cannot say. */
export function checkGatewayRules(raw: Record<string, unknown>, problems: ProblemCollector): void {
  checkCompatibleRules(raw, problems);
  const gateway = raw.gateway;
  if (!isMapping(gateway)) return;
  checkAuthFields(gateway.auth, problems);
  const options = isMapping(gateway.options) ? gateway.options : {};
  const required = isMapping(options.required) ? options.required : {};
  const recommended = isMapping(options.recommended) ? options.recommended : {};
  for (const [list, values] of [
    ["required", required],
    ["recommended", recommended],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      checkOptionValue(list, name, value, problems);
      checkOptionField(list, name, value, problems);
    }
  }
  checkOptionNames(required, recommended, problems);
  for (const name of Object.keys(recommended)) {
    if (Object.hasOwn(required, name)) {
      optionProblem(
        problems,
        "recommended",
        name,
        `found \`${name}\` under \`required\` too, expected each option once. Remove it from one of the lists.`,
        true,
      );
    }
  }
  if (typeof gateway.provider === "string") checkProviderOptions(gateway.provider, required, recommended, problems);
}

const code = (text: string) => `\`${text}\``;
const listed = (items: readonly string[]) => items.map(code).join(", ");

/** An option value as YAML, for a message: `'2023-06-01'`, `{ env: 'AZURE_INSTANCE_NAME' }`. */
export function optionYaml(value: OptionValue): string {
  if (typeof value === "object") return `{ env: '${value.env}' }`;
  return typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value);
}

function checkAuthFields(auth: unknown, problems: ProblemCollector): void {
  if (!isMapping(auth) || typeof auth.style !== "string" || !AUTH_STYLES.includes(auth.style as AuthStyle)) return;
  const style = auth.style as AuthStyle;
  const own = [...AUTH_STYLE_FIELDS[style].required, ...AUTH_STYLE_FIELDS[style].optional];
  for (const key of Object.keys(auth)) {
    if (key === "style" || own.includes(key)) continue;
    const owner = AUTH_STYLES.find((s) =>
      [...AUTH_STYLE_FIELDS[s].required, ...AUTH_STYLE_FIELDS[s].optional].includes(key),
    );
    if (!owner) continue; // an unknown key: the schema reports it
    problems.add(
      `gateway.auth.${key}`,
      `found \`${key}\`, a field of the \`${owner}\` style, expected ` +
        `${own.length ? `only ${listed(own)}` : "no other field"} with \`style: '${style}'\`. Remove it, or set ` +
        `\`style: '${owner}'\`.`,
      { atKey: true },
    );
  }
}

/** A problem with one option, reported at the option (or where it would go) under the list's field. */
function optionProblem(
  problems: ProblemCollector,
  list: "required" | "recommended",
  name: string,
  message: string,
  atKey = false,
): void {
  const position = problems.position(`gateway.options.${list}.${name}`, atKey);
  problems.add(`gateway.options.${list}`, message, position ? { position } : {});
}

/** Names every JavaScript object already has: an option path through one would reach the object's prototype. */
const RESERVED_NAME_PARTS = new Set(["__proto__", "constructor", "prototype"]);

/** True when a dotted option name has a part that every JavaScript object already has (`constructor.x`). */
export const isReservedOptionName = (name: string) => name.split(".").some((part) => RESERVED_NAME_PARTS.has(part));

/** An option name with a part JavaScript reserves, and a name given both a value and nested options (`x` and `x.y`). */
function checkOptionNames(
  required: Record<string, unknown>,
  recommended: Record<string, unknown>,
  problems: ProblemCollector,
): void {
  const lists = [
    ["required", required],
    ["recommended", recommended],
  ] as const;
  for (const [list, values] of lists) {
    for (const name of Object.keys(values)) {
      const reserved = name.split(".").find((part) => RESERVED_NAME_PARTS.has(part));
      if (reserved !== undefined) {
        optionProblem(
          problems,
          list,
          name,
          `found the option name ${code(name)}, whose part ${code(reserved)} is a name every JavaScript object ` +
            "already has, expected one of the plugin's own option names (like `anthropic_version` or " +
            "`gemini.project_id`). Correct the name, or remove the option.",
          true,
        );
        continue;
      }
      const parent = name.slice(0, name.indexOf("."));
      const owner = lists.find(([, other]) => parent && Object.hasOwn(other, parent))?.[0];
      if (owner === undefined) continue;
      optionProblem(
        problems,
        list,
        name,
        `found ${code(name)}, an option nested in ${code(parent)}, but ${code(parent)} has a value of its own ` +
          `under \`${owner}\`, expected either a value or nested options. Remove one of them.`,
        true,
      );
    }
  }
}

function checkOptionValue(
  list: "required" | "recommended",
  name: string,
  value: unknown,
  problems: ProblemCollector,
): void {
  if (typeof value !== "string") return;
  const what = secretLike(value);
  if (!what) return;
  // Never repeat a secret in a message: its first characters are enough to find it.
  optionProblem(
    problems,
    list,
    name,
    `found what looks like ${what} in \`${name}\` (it starts \`${value.slice(0, 4)}\`), expected no secret in ` +
      `a data file: it would be published on the page. Put the secret in an environment variable and write \`{ ` +
      `env: 'NAME' }\` instead.`,
  );
}

const OPTION_NAME = new RegExp(OPTION_NAME_PATTERN);
const TYPE_WORDS = { string: "text", number: "a number", integer: "a whole number", boolean: "`true` or `false`" };

/** An option the plugin's schema lacks, or a value of another type or outside the values it allows. */
function checkOptionField(list: "required" | "recommended", name: string, value: unknown, problems: ProblemCollector) {
  if (!OPTION_NAME.test(name)) return; // the schema reports the name
  const facts = modelOptionFacts(name);
  if (!facts) {
    const close = closestMatches(name, Object.keys(MODEL_OPTIONS), 1);
    optionProblem(
      problems,
      list,
      name,
      `found \`${name}\`, which is not a \`model.options\` field of the gateway (as of 3.15): every configuration ` +
        `with it would be refused. ${close.length ? `Did you mean \`${close[0]}\`?` : "Remove it."}`,
      true,
    );
    return;
  }
  const isEnv = typeof value === "object" && value !== null;
  const type = isEnv ? "string" : typeof value;
  const fits =
    type === facts.type ||
    (type === "number" && facts.type === "integer" && Number.isInteger(value)) ||
    (type === "number" && facts.type === "number");
  if (!fits) {
    optionProblem(
      problems,
      list,
      name,
      `found ${isEnv ? "a value from the environment (text)" : describe(value)} for \`${name}\`, expected ` +
        `${TYPE_WORDS[facts.type]}, the type the gateway's schema gives it. Write ${TYPE_WORDS[facts.type]} ` +
        `${isEnv ? "in the file itself" : "instead"}.`,
    );
    return;
  }
  if (facts.values && typeof value === "string" && !facts.values.includes(value)) {
    const close = closestMatches(value, facts.values, 1);
    optionProblem(
      problems,
      list,
      name,
      `found ${describe(value)} for \`${name}\`, expected one of ` +
        `${facts.values.map((v) => `'${v}'`).join(", ")}.${close.length ? ` Did you mean '${close[0]}'?` : ""}`,
    );
  }
}

function checkProviderOptions(
  provider: string,
  required: Record<string, unknown>,
  recommended: Record<string, unknown>,
  problems: ProblemCollector,
): void {
  const facts = gatewayProviderFacts(provider);
  if (!facts) {
    const close = closestMatches(
      provider,
      GATEWAY_PROVIDERS.map((p) => p.provider),
      1,
    );
    problems.add(
      "gateway.provider",
      `found ${describe(provider)}, which is not a \`model.provider\` of the gateway (as of 3.15), expected ` +
        `one of ${listed(GATEWAY_PROVIDERS.map((p) => p.provider))}.` +
        `${close.length ? ` Did you mean "${close[0]}"?` : " Check the spelling; a provider newer than 3.15 is fine."}`,
      { severity: "warning" },
    );
    return;
  }
  for (const { name, example } of facts.requiredOptions) {
    if (Object.hasOwn(required, name)) continue;
    if (Object.hasOwn(recommended, name)) {
      optionProblem(
        problems,
        "recommended",
        name,
        `found \`${name}\` among the recommended options, expected it under \`required\`: the gateway's ` +
          `\`${provider}\` provider does not run without it. Move it to \`required:\`.`,
        true,
      );
      continue;
    }
    optionProblem(
      problems,
      "required",
      name,
      `missing \`${name}\`, expected because the gateway's \`${provider}\` provider does not run without it. ` +
        `Under \`gateway.options.required\`, add \`${name}: ${optionYaml(example)}\`.`,
    );
  }
  const given = { ...recommended, ...required };
  for (const group of facts.allOrNone) {
    const present = group.filter((name) => Object.hasOwn(given, name));
    if (present.length === 0 || present.length === group.length) continue;
    for (const name of group.filter((n) => !present.includes(n))) {
      optionProblem(
        problems,
        "required",
        name,
        `missing \`${name}\`, expected because ${listed(present)} is set: the gateway's \`${provider}\` ` +
          `provider takes ${listed(group)} together or not at all. Add \`${name}\` under ` +
          `\`gateway.options.required\`, or remove the others.`,
      );
    }
  }
}
