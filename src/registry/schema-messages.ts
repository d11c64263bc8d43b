import type { ErrorObject } from "ajv";
import { CAPABILITIES } from "../catalogue.ts";
import { closestMatches, describe, quoteCode } from "./errors.ts";
import { displayField, lastPart, type ProblemCollector } from "./problem-collector.ts";
import {
  ENV_NAME_PATTERN,
  GATEWAY_PROVIDER_PATTERN,
  OPTION_NAME_PATTERN,
  OPTION_TEXT_PATTERN,
  PARAMETER_NAME_PATTERN,
} from "./gateway-schema.ts";
import { NON_BLANK_PATTERN, SLUG_PATTERN_SOURCE, VERSION_PATTERN } from "./provider-schema.ts";
import { secretLike } from "./secret-like.ts";
import { slugify } from "./slug.ts";

// The sentences for each kind of schema violation: what was found, what was expected, the fix.

/** Each capability by its key (`chat`, `audio.speech`), for advice naming its usual route type. */
export const CAPABILITY_BY_KEY = new Map(CAPABILITIES.map((c) => [c.key as string, c]));
const code = (text: string) => `\`${text}\``;

/** A key the schema does not know under `parent`, with the closest allowed keys. */
export function unknownKeyMessage(parent: string, key: string, allowed: string[]): string {
  const where = parent ? ` in \`${displayField(parent)}\`` : "";
  const expected =
    allowed.length <= 8
      ? `one of ${allowed.map(code).join(", ")}`
      : "a provider field or capability key (see _data/providers/README.md)";
  let advice = "";
  const close = closestMatches(key, allowed, 1);
  // A nested capability written at the top (`speech:`) belongs under its group (`audio:`).
  const nested =
    parent === "" ? CAPABILITIES.find((c) => c.key.includes(".") && lastPart(c.key) === key.toLowerCase()) : undefined;
  if (nested)
    advice =
      ` Did you mean \`${nested.key}\`? ` + `Put \`${lastPart(nested.key)}:\` under \`${nested.key.split(".")[0]}:\`.`;
  else if (close.length) advice = ` Did you mean \`${close[0]}\`?`;
  else if (allowed.length > 8) advice = " Check the spelling, or remove it.";
  return `found the unknown key ${quoteCode(key)}, expected ${expected}${where}.${advice}`;
}

/** A required field that is missing, with an example line to add. */
export function missingMessage(parent: string, missing: string): string {
  const capability = CAPABILITY_BY_KEY.get(parent);
  if (capability && missing === "supported") {
    return (
      `missing, expected in every capability entry. Add \`supported: true\` (or \`supported: false\`) under ` +
      `\`${lastPart(capability.key)}:\`.`
    );
  }
  if (capability) {
    const add: Record<string, string> = {
      streaming: "`streaming: true` or `streaming: false`",
      upstream_path: "`upstream_path:` with the provider's endpoint in backticks, e.g. '`/v1/chat/completions`'",
      route_type: `\`route_type: '${capability.routeType}'\``,
      model_example: "`model_example:` with an example model name, or 'n/a'",
      min_version: "`min_version:` with the first gateway version that has it, in quotes, like '3.11' (or 'n/a')",
    };
    return (
      `missing, expected because \`${capability.key}\` is supported. Under \`${lastPart(capability.key)}:\`, add ` +
      `${add[missing] ?? `\`${missing}:\``}.`
    );
  }
  if (parent === "" && missing === "name")
    return "missing, expected the provider's display name. Add `name: 'Example AI'` at the top of the file.";
  if (parent === "" && missing === "url_patterns") {
    return (
      "missing, expected the provider's base URL pattern(s). Add `url_patterns:` with a line `  - " +
      "'https://api.example.com/{route_type_path}'` under it."
    );
  }
  if (parent === "gateway.auth" || parent === "gateway") {
    const example: Record<string, string> = {
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
    const why = parent === "gateway" ? "in every `gateway` block" : "with this auth `style`";
    return `missing, expected ${why}. Under \`${lastPart(parent)}:\`, add ${example[missing] ?? `\`${missing}:\``}.`;
  }
  if (parent.startsWith("lint_ignore.") && missing === "reason")
    return (
      "missing, expected why the file is right although the rule says otherwise, for the next reader. Add " +
      "`reason: '...'` to the entry."
    );
  if (parent.startsWith("lint_ignore.") && missing === "rule")
    return "missing, expected the lint rule to silence. Add `rule: '...'` to the entry (the warning names it).";
  if (missing === "content")
    return "missing, expected the note's text. Add `content: '...'` under `note:`, or remove the note.";
  return `missing, expected in ${parent ? `\`${displayField(parent)}\`` : "every provider file"}. Add \`${missing}:\`.`;
}

function patternExpectation(pattern: string): string {
  if (pattern === VERSION_PATTERN) return "a version like '3.11', or 'n/a'";
  if (pattern === SLUG_PATTERN_SOURCE) return "lower-case letters, digits and single hyphens";
  if (pattern === ENV_NAME_PATTERN)
    return "an environment variable name of up to 64 capital letters, digits and underscores";
  if (pattern === GATEWAY_PROVIDER_PATTERN)
    return "the plugin's `model.provider` string, up to 32 small letters, digits and underscores";
  if (pattern === PARAMETER_NAME_PATTERN)
    return "a header or parameter name of up to 64 letters, digits, `-`, `_` and `.`";
  if (pattern === OPTION_TEXT_PATTERN) return "at most 200 characters on one line";
  return `text matching ${pattern}`;
}

/** What a field should hold, in words (`text in quotes`, `true or false`). */
export function expectedType(field: string, type: string): string {
  const key = lastPart(field);
  if (type === "boolean") return "`true` or `false`";
  if (type === "string") return key === "min_version" ? "a version in quotes, like '3.11', or 'n/a'" : "text";
  if (type === "array") return "a list";
  if (type === "string,number,boolean,object") return "text, a number, `true`, `false` or `{ env: 'NAME' }`";
  if (type === "object") {
    if (CAPABILITY_BY_KEY.has(field))
      return "a mapping of `supported`, `streaming`, `upstream_path`, `route_type`, `model_example` and `min_version`";
    if (key === "note") return "a mapping with `content`";
    if (["audio", "image", "video"].includes(field)) return `a mapping of the ${field} capabilities`;
    return "a mapping";
  }
  return type;
}

/** How to write a value of the wrong type so that YAML keeps it as written. */
export function typeAdvice(field: string, error: ErrorObject, problems: ProblemCollector): string {
  const type = String(error.params.type);
  const data = error.data;
  if (data === null || data === undefined) {
    if (CAPABILITY_BY_KEY.has(field))
      return " Fill in its fields, or remove the key: a capability left out is not supported.";
    return type === "array"
      ? " Add `- '...'` lines under it, or write `[]` for none."
      : " Write a value after the colon, or remove the key.";
  }
  if (type === "boolean" && typeof data === "string") {
    const written = problems.sourceText(field) ?? "";
    if (/^['"]/.test(written)) return " Write `true` or `false` without quotes.";
    const word = data.trim().toLowerCase();
    // YAML 1.1 read these as booleans; YAML 1.2, which the build reads, keeps them as text.
    if (["yes", "y", "on"].includes(word))
      return ` Write \`true\`: YAML reads an unquoted \`${data}\` as text, not as true.`;
    if (["no", "n", "off"].includes(word))
      return ` Write \`false\`: YAML reads an unquoted \`${data}\` as text, not as false.`;
    return " Write `true` or `false`.";
  }
  if (type === "boolean") return "";
  if (type === "string" && (typeof data === "number" || typeof data === "boolean")) {
    const written = problems.sourceText(field) ?? String(data);
    return ` Put it in quotes: '${written}'${typeof data === "number" ? ", so that YAML keeps it as written" : ""}.`;
  }
  if (type === "array" && typeof data === "string")
    return ` Write it as a list: \`${lastPart(field)}: ['${data.replaceAll("'", "''")}']\`.`;
  if (type === "object" && data === true && CAPABILITY_BY_KEY.has(field)) {
    return ` Write \`supported: true\` on the next line, indented, with the other fields.`;
  }
  return "";
}

/** A key that breaks its mapping's naming rule (only `model.options` names have one). */
export function keyNameMessage(key: string): string {
  const suggestion = key
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, "_")
    .replace(/^[^a-z]+/, "");
  return (
    `found the option name ${describe(key)}, expected small letters, digits and underscores, with at most one ` +
    `\`.\` for a nested option ` +
    `(\`gemini.project_id\`).${OPTION_NAME_RE.test(suggestion) ? ` Did you mean \`${suggestion}\`?` : ""}`
  );
}

const OPTION_NAME_RE = new RegExp(OPTION_NAME_PATTERN);

/** A value that does not match its field's pattern, said in the field's own terms. */
export function patternMessage(pattern: string, data: unknown, found: string): string {
  const text = String(data);
  const secret = secretLike(text);
  // Never repeat a secret in a message: its first characters are enough to find it.
  if (secret) {
    return (
      `found what looks like ${secret} (it starts \`${text.slice(0, 4)}\`), expected no secret in a data file: ` +
      `it would be published on the page. Write the name of the environment variable that holds it instead, like ` +
      `'EXAMPLE_API_KEY'.`
    );
  }
  // "Did you mean" is for a slip in a short value; a long one is quoted (shortened) and nothing more.
  if (text.length > 64 && pattern !== NON_BLANK_PATTERN)
    return `found ${found}, expected ${patternExpectation(pattern)}.`;
  if (pattern === ENV_NAME_PATTERN) {
    const name = text
      .toUpperCase()
      .replace(/[^A-Z0-9_]+/g, "_")
      .replace(/^[^A-Z]+/, "");
    return (
      `found ${found}, expected an environment variable name: up to 64 capital letters, digits and underscores, ` +
      `like 'EXAMPLE_API_KEY'.${name ? ` Did you mean '${name}'?` : ""}`
    );
  }
  if (pattern === GATEWAY_PROVIDER_PATTERN) {
    return (
      `found ${found}, expected the plugin's \`model.provider\` string: up to 32 small letters, digits and ` +
      `underscores, like 'openai'.`
    );
  }
  if (pattern === PARAMETER_NAME_PATTERN) {
    return (
      `found ${found}, expected a header or parameter name: up to 64 letters, digits, \`-\`, \`_\` and \`.\`, ` +
      `with no spaces, like 'x-api-key'.`
    );
  }
  if (pattern === OPTION_TEXT_PATTERN) {
    return text.length > 200
      ? `found ${text.length} characters, expected at most 200. Shorten the value.`
      : "found a control, line-break or direction-changing character, expected plain text on one line. Retype " +
          "the value.";
  }
  if (pattern === VERSION_PATTERN) return versionMessage(text, found);
  if (pattern === SLUG_PATTERN_SOURCE) {
    const slug = slugify(text);
    return (
      `found ${found}, expected lower-case letters, digits and single ` +
      `hyphens.${slug ? ` Did you mean "${slug}"?` : ""}`
    );
  }
  if (pattern === NON_BLANK_PATTERN) return "found empty text, expected a value. Write one, or remove the key.";
  return `found ${found}, expected text matching ${pattern}.`;
}

/** A version must be canonical `X.Y`: each spelling would make its own page of the matrix. */
function versionMessage(text: string, found: string): string {
  const parts = /^v?(\d+)\.(\d+)(?:\.\d+)*$/i.exec(text.trim());
  if (parts) {
    const canonical = `${Number(parts[1])}.${Number(parts[2])}`;
    return (
      `found ${found}, expected a version as major.minor, like '3.11': every spelling of a version makes its own ` +
      `page. Write '${canonical}'.`
    );
  }
  if (/^\d+$/.test(text.trim()))
    return (
      `found ${found}, expected a version as major.minor, like '3.11'. Write '${Number(text.trim())}.0' if that ` +
      `is the version.`
    );
  const word = /^(?:latest|current|newest|all|any)$/i.test(text.trim());
  return (
    `found ${found}, expected the first gateway version that has it, as major.minor in quotes, like '3.11', or ` +
    `'n/a' when it has no minimum of its own.` +
    (word
      ? ` Write the number of the version it means today: ${found} changes with every release.`
      : " Write the version number, or 'n/a'.")
  );
}
