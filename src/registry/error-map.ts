import type { ErrorObject } from "ajv";
import validateProvider from "../../schema/provider.validate.js";
import { CAPABILITIES } from "../catalogue.ts";
import { describe, didYouMean, quoteCode } from "./errors.ts";
import {
  ENV_NAME_PATTERN,
  GATEWAY_PROVIDER_PATTERN,
  OPTION_NAME_PATTERN,
  OPTION_TEXT_PATTERN,
  PARAMETER_NAME_PATTERN,
} from "./gateway-schema.ts";
import { isReservedOptionName } from "./gateway-rules.ts";
import { displayField, lastPart, type ProblemCollector } from "./problem-collector.ts";
import { NON_BLANK_PATTERN, SLUG_PATTERN_SOURCE, VERSION_PATTERN } from "./provider-schema.ts";
import { secretLike } from "./secret-like.ts";
import { slugify } from "./slug.ts";

// Ajv's errors as sentences a writer acts on: what was found, what was expected, the fix.

/** Each capability by its key (`chat`, `audio.speech`), for advice naming its usual route type. */
const CAPABILITY_BY_KEY = new Map(CAPABILITIES.map((c) => [c.key as string, c]));
const code = (text: string) => `\`${text}\``;
const join = (base: string, part: string) => (base ? `${base}.${part}` : part);
/** Violations listed for one file; past this many it is barely a provider file (see MAX_PROBLEMS_PER_FILE). */
const MAX_SCHEMA_PROBLEMS = 200;

/** Validates one parsed provider file against `schema/provider.schema.json`. */
export function checkAgainstSchema(value: unknown, problems: ProblemCollector): void {
  if (validateProvider(value)) return;
  // A bad key name is reported by the check on the name itself (which carries `propertyName`).
  const errors = (validateProvider.errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "propertyNames");
  // A value of the wrong type also fails its enum or pattern; the type error says enough.
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const told = errors.filter(
    (e) => !typed.has(e.instancePath) || e.keyword === "type" || e.keyword === "additionalProperties",
  );
  for (const error of told.slice(0, MAX_SCHEMA_PROBLEMS)) report(error, problems);
}

function report(error: ErrorObject, problems: ProblemCollector): void {
  // `/chat/supported` → `chat.supported`
  const field = error.instancePath.slice(1).replace(/\/|~1|~0/g, (m) => ({ "/": ".", "~1": "/", "~0": "~" })[m]!);
  const { params, propertyName } = error;
  // A name through the prototype has a message of its own (gateway-rules.ts).
  if (propertyName !== undefined && isReservedOptionName(propertyName)) return;
  const key = propertyName ?? params.additionalProperty ?? params.missingProperty;
  const item = error.keyword === "uniqueItems" ? Math.max(params.i, params.j) : undefined;
  const at = key ?? item;
  problems.add(at === undefined ? field : join(field, String(at)), sentence(error, field, problems), {
    atKey: key !== undefined && error.keyword !== "required",
  });
}

function sentence(error: ErrorObject, field: string, problems: ProblemCollector): string {
  const { data, params } = error;
  const found = describe(data);
  if (error.propertyName !== undefined) return keyNameMessage(error.propertyName);
  switch (error.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return unknownKeyMessage(field, String(params.additionalProperty), allowed);
    }
    case "required":
      return missingMessage(field, params.missingProperty);
    case "type": {
      const advice = typeAdvice(field, String(params.type), data, problems.sourceText(field));
      return `found ${found}, expected ${expectedType(field, String(params.type))}.${advice}`;
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const quoted = (q: string) =>
        `${allowed.map((v) => `${q}${v}${q}`).join(", ")}.${didYouMean(String(data), allowed, q)}`;
      if (field.startsWith("lint_ignore.")) return `found ${found}, expected a lint rule: ${quoted('"')}`;
      if (lastPart(field) !== "route_type") return `found ${found}, expected one of ${quoted("'")}`;
      const usual = CAPABILITY_BY_KEY.get(field.slice(0, field.lastIndexOf(".")));
      const advice =
        didYouMean(String(data), allowed, '"') ||
        (usual ? ` \`${usual.key}\` normally takes "${usual.routeType}".` : "");
      return `found ${found}, expected a gateway route type (listed in _data/providers/README.md).${advice}`;
    }
    case "pattern":
      return patternMessage(String(params.pattern), String(data), found);
    case "minItems":
      return (
        "found an empty list, expected at least one item. " +
        (lastPart(field) === "url_patterns"
          ? "Add the provider's base URL, e.g. `- 'https://api.example.com/{route_type_path}'`."
          : "Add an item, or remove the key.")
      );
    case "uniqueItems": {
      const earlier = displayField(join(field, String(Math.min(params.i, params.j))));
      const repeated = describe((data as unknown[])[Math.max(params.i, params.j)]);
      return `found ${repeated} a second time (it is also \`${earlier}\`), expected each item once. Remove one.`;
    }
    default:
      return `found ${found}, expected a value that ${error.message ?? "fits the schema"}.`;
  }
}

/** A key the schema does not know under `parent`, with the closest allowed keys. */
function unknownKeyMessage(parent: string, key: string, allowed: string[]): string {
  const where = parent ? ` in \`${displayField(parent)}\`` : "";
  const few = allowed.length <= 8;
  const expected = few
    ? `one of ${allowed.map(code).join(", ")}`
    : "a provider field or capability key (see _data/providers/README.md)";
  // A nested capability written at the top (`speech:`) belongs under its group (`audio:`).
  const nested = parent ? undefined : CAPABILITIES.find((c) => c.path[1] === key.toLowerCase());
  const advice = nested
    ? ` Did you mean \`${nested.key}\`? Put \`${nested.path[1]}:\` under \`${nested.path[0]}:\`.`
    : didYouMean(key, allowed, "`") || (few ? "" : " Check the spelling, or remove it.");
  return `found the unknown key ${quoteCode(key)}, expected ${expected}${where}.${advice}`;
}

// The line to add for a missing field, by the field; `capability` is the entry's own capability.
const CAPABILITY_ADDS: Record<string, string> = {
  streaming: "`streaming: true` or `streaming: false`",
  upstream_path: "`upstream_path:` with the provider's endpoint in backticks, e.g. '`/v1/chat/completions`'",
  model_example: "`model_example:` with an example model name, or 'n/a'",
  min_version: "`min_version:` with the first gateway version that has it, in quotes, like '3.11' (or 'n/a')",
};
const GATEWAY_ADDS: Record<string, string> = {
  provider: "`provider: 'openai'` (the plugin's `model.provider` string)",
  confirmed: "`confirmed: false` (or `true` once the facts are checked against the gateway's source)",
  auth: "`auth:` with `style: 'header'`, `header_name` and `env` under it (or another style)",
  style: "`style: 'header'` (or 'query', 'aws', 'gcp', 'none')",
  header_name: "`header_name: 'Authorization'`",
  param_name: "`param_name: 'key'`",
  env: "`env:` with the name of the environment variable that holds the key, like 'EXAMPLE_API_KEY'",
  access_key_id_env: "`access_key_id_env: 'AWS_ACCESS_KEY_ID'`",
  secret_access_key_env: "`secret_access_key_env: 'AWS_SECRET_ACCESS_KEY'`",
};
/** A required field that is missing, with an example line to add. */
function missingMessage(parent: string, missing: string): string {
  const capability = CAPABILITY_BY_KEY.get(parent);
  const under = (why: string, line = code(`${missing}:`)) =>
    `missing, expected ${why}. Under \`${lastPart(parent)}:\`, add ${line}.`;
  if (capability && missing === "supported")
    return (
      "missing, expected in every capability entry. Add `supported: true` (or `supported: false`) under " +
      `\`${lastPart(parent)}:\`.`
    );
  if (capability)
    return under(
      `because \`${parent}\` is supported`,
      missing === "route_type" ? `\`route_type: '${capability.routeType}'\`` : CAPABILITY_ADDS[missing],
    );
  if (parent === "" && missing === "name")
    return "missing, expected the provider's display name. Add `name: 'Example AI'` at the top of the file.";
  if (parent === "" && missing === "url_patterns")
    return (
      "missing, expected the provider's base URL pattern(s). Add `url_patterns:` with a line `  - " +
      "'https://api.example.com/{route_type_path}'` under it."
    );
  if (parent === "gateway") return under("in every `gateway` block", GATEWAY_ADDS[missing]);
  if (parent === "gateway.auth") return under("with this auth `style`", GATEWAY_ADDS[missing]);
  if (parent.startsWith("lint_ignore.") && missing === "reason")
    return (
      "missing, expected why the file is right although the rule says otherwise, for the next reader. Add " +
      "`reason: '...'` to the entry."
    );
  if (parent.startsWith("lint_ignore.") && missing === "rule")
    return "missing, expected the lint rule to silence. Add `rule: '...'` to the entry (the warning names it).";
  if (missing === "content")
    return "missing, expected the note's text. Add `content: '...'` under `note:`, or remove the note.";
  return `missing, expected in ${parent ? code(displayField(parent)) : "every provider file"}. Add \`${missing}:\`.`;
}

/** What a field should hold, in words (`text in quotes`, `true or false`). */
function expectedType(field: string, type: string): string {
  if (type === "boolean") return "`true` or `false`";
  if (type === "string")
    return lastPart(field) === "min_version" ? "a version in quotes, like '3.11', or 'n/a'" : "text";
  if (type === "array") return "a list";
  if (type === "string,number,boolean,object") return "text, a number, `true`, `false` or `{ env: 'NAME' }`";
  if (type !== "object") return type;
  if (CAPABILITY_BY_KEY.has(field))
    return "a mapping of `supported`, `streaming`, `upstream_path`, `route_type`, `model_example` and `min_version`";
  if (lastPart(field) === "note") return "a mapping with `content`";
  return ["audio", "image", "video"].includes(field) ? `a mapping of the ${field} capabilities` : "a mapping";
}

/** How to write a value of the wrong type so that YAML keeps it as written (`written`: its source text). */
function typeAdvice(field: string, type: string, data: unknown, written: string | undefined): string {
  if (data === null || data === undefined) {
    if (CAPABILITY_BY_KEY.has(field))
      return " Fill in its fields, or remove the key: a capability left out is not supported.";
    return type === "array"
      ? " Add `- '...'` lines under it, or write `[]` for none."
      : " Write a value after the colon, or remove the key.";
  }
  if (type === "boolean" && typeof data === "string") {
    if (/^['"]/.test(written ?? "")) return " Write `true` or `false` without quotes.";
    // YAML 1.1 read these as booleans; YAML 1.2, which the build reads, keeps them as text.
    const meant = (
      { yes: "true", y: "true", on: "true", no: "false", n: "false", off: "false" } as Record<string, string>
    )[data.trim().toLowerCase()];
    return meant
      ? ` Write \`${meant}\`: YAML reads an unquoted \`${data}\` as text, not as ${meant}.`
      : " Write `true` or `false`.";
  }
  const kept = typeof data === "number" ? ", so that YAML keeps it as written" : "";
  if (type === "string" && (kept || typeof data === "boolean"))
    return ` Put it in quotes: '${written ?? data}'${kept}.`;
  if (type === "array" && typeof data === "string")
    return ` Write it as a list: \`${lastPart(field)}: ['${data.replaceAll("'", "''")}']\`.`;
  if (type === "object" && data === true && CAPABILITY_BY_KEY.has(field))
    return " Write `supported: true` on the next line, indented, with the other fields.";
  return "";
}

const OPTION_NAME_RE = new RegExp(OPTION_NAME_PATTERN);
/** A name made of `text`'s letters, digits and underscores that starts with a letter: a guess at what was meant. */
const nameLike = (text: string, upper: boolean) =>
  (upper ? text.toUpperCase() : text.toLowerCase())
    .replace(upper ? /[^A-Z0-9_]+/g : /[^a-z0-9_.]+/g, "_")
    .replace(/^[^A-Za-z]+/, "");

/** A key that breaks its mapping's naming rule (only `model.options` names have one). */
function keyNameMessage(key: string): string {
  const guess = nameLike(key, false);
  const advice = OPTION_NAME_RE.test(guess) ? ` Did you mean \`${guess}\`?` : "";
  return (
    `found the option name ${describe(key)}, expected small letters, digits and underscores, with at most one ` +
    `\`.\` for a nested option (\`gemini.project_id\`).${advice}`
  );
}

// Each pattern of the schema in words, and for a short value a guess at what was meant.
const PATTERNS: Record<string, { expected: string; guess?: (text: string) => string }> = {
  [ENV_NAME_PATTERN]: {
    expected: "an environment variable name: up to 64 capital letters, digits and underscores, like 'EXAMPLE_API_KEY'",
    guess: (text) => (nameLike(text, true) ? ` Did you mean '${nameLike(text, true)}'?` : ""),
  },
  [GATEWAY_PROVIDER_PATTERN]: {
    expected: "the plugin's `model.provider` string: up to 32 small letters, digits and underscores, like 'openai'",
  },
  [PARAMETER_NAME_PATTERN]: {
    expected:
      "a header or parameter name: up to 64 letters, digits, `-`, `_` and `.`, with no spaces, like 'x-api-key'",
  },
  [SLUG_PATTERN_SOURCE]: {
    expected: "lower-case letters, digits and single hyphens",
    guess: (text) => (slugify(text) ? ` Did you mean "${slugify(text)}"?` : ""),
  },
  [VERSION_PATTERN]: { expected: "a version like '3.11', or 'n/a'" },
};

/** A value that does not match its field's pattern, said in the field's own terms. */
function patternMessage(pattern: string, text: string, found: string): string {
  const secret = secretLike(text);
  // Never repeat a secret in a message: its first characters are enough to find it.
  if (secret)
    return (
      `found what looks like ${secret} (it starts \`${text.slice(0, 4)}\`), expected no secret in a data file: it ` +
      "would be published on the page. Write the name of the environment variable that holds it instead, like " +
      "'EXAMPLE_API_KEY'."
    );
  if (pattern === NON_BLANK_PATTERN) return "found empty text, expected a value. Write one, or remove the key.";
  if (pattern === OPTION_TEXT_PATTERN)
    return text.length > 200
      ? `found ${text.length} characters, expected at most 200. Shorten the value.`
      : "found a control, line-break or direction-changing character, expected plain text on one line. Retype " +
          "the value.";
  // "Did you mean" is for a slip in a short value; a long one is quoted (shortened) and nothing more.
  const short = text.length <= 64;
  if (pattern === VERSION_PATTERN && short) return versionMessage(text.trim(), found);
  const { expected = `text matching ${pattern}`, guess } = PATTERNS[pattern] ?? {};
  return `found ${found}, expected ${expected}.${short && guess ? guess(text) : ""}`;
}

/** A version must be canonical `X.Y`: each spelling would make its own page of the matrix. */
function versionMessage(text: string, found: string): string {
  const parts = /^v?(\d+)\.(\d+)(?:\.\d+)*$/i.exec(text);
  if (parts)
    return (
      `found ${found}, expected a version as major.minor, like '3.11': every spelling of a version makes its own ` +
      `page. Write '${Number(parts[1])}.${Number(parts[2])}'.`
    );
  if (/^\d+$/.test(text))
    return `found ${found}, expected a version as major.minor, like '3.11'. Write '${+text}.0' if that is the version.`;
  return (
    `found ${found}, expected the first gateway version that has it, as major.minor in quotes, like '3.11', or ` +
    "'n/a' when it has no minimum of its own." +
    (/^(?:latest|current|newest|all|any)$/i.test(text)
      ? ` Write the number of the version it means today: ${found} changes with every release.`
      : " Write the version number, or 'n/a'.")
  );
}
