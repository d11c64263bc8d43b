import type { ErrorObject } from "ajv";
import validateProvider from "../../schema/provider.validate.js";
import { ROUTE_TYPES } from "../catalogue.ts";
import { closestMatches, describe } from "./errors.ts";
import { isReservedOptionName } from "./gateway-rules.ts";
import { displayField, lastPart, type ProblemCollector } from "./problem-collector.ts";
import {
  CAPABILITY_BY_KEY,
  expectedType,
  keyNameMessage,
  missingMessage,
  patternMessage,
  typeAdvice,
  unknownKeyMessage,
} from "./schema-messages.ts";

const MAX_SCHEMA_PROBLEMS = 200;

/** `/chat/supported` → `chat.supported`. */
export function fieldOfPointer(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

const join = (base: string, part: string) => (base ? `${base}.${part}` : part);

/** Validates one parsed provider file against `schema/provider.schema.json`. */
export function checkAgainstSchema(value: unknown, problems: ProblemCollector): void {
  if (validateProvider(value)) return;
  const errors = (validateProvider.errors ?? []).filter((e) => e.keyword !== "if");
  // A value of the wrong type also fails its enum or pattern; the type error says enough.
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  // A file with thousands of violations lists the first ones only (see MAX_PROBLEMS_PER_FILE in load.ts).
  let reported = 0;
  for (const error of errors) {
    if (error.keyword !== "type" && typed.has(error.instancePath) && error.keyword !== "additionalProperties") continue;
    // A bad key name is reported by the check on the name itself (which carries `propertyName`).
    if (error.keyword === "propertyNames") continue;
    if (reported++ === MAX_SCHEMA_PROBLEMS) break;
    report(error, problems);
  }
}

function report(error: ErrorObject, problems: ProblemCollector): void {
  const field = fieldOfPointer(error.instancePath);
  const found = describe(error.data);
  if (error.propertyName !== undefined) {
    // A name through the prototype has a message of its own (gateway-rules.ts).
    if (isReservedOptionName(error.propertyName)) return;
    problems.add(join(field, error.propertyName), keyNameMessage(error.propertyName), { atKey: true });
    return;
  }
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      problems.add(join(field, key), unknownKeyMessage(field, key, allowed), { atKey: true });
      return;
    }
    case "required": {
      const missing = String(error.params.missingProperty);
      problems.add(join(field, missing), missingMessage(field, missing));
      return;
    }
    case "type":
      problems.add(
        field,
        `found ${found}, expected ` +
          `${expectedType(field, String(error.params.type))}.${typeAdvice(field, error, problems)}`,
      );
      return;
    case "enum": {
      if (lastPart(field) !== "route_type" && !field.startsWith("lint_ignore.")) {
        const allowed = (error.params.allowedValues as unknown[]).map(String);
        const close = closestMatches(String(error.data), allowed, 1);
        problems.add(
          field,
          `found ${found}, expected one of ` +
            `${allowed.map((v) => `'${v}'`).join(", ")}.${close.length ? ` Did you mean '${close[0]}'?` : ""}`,
        );
        return;
      }
      if (field.startsWith("lint_ignore.")) {
        const rules = (error.params.allowedValues as string[]) ?? [];
        const close = closestMatches(String(error.data), rules, 1);
        problems.add(
          field,
          `found ${found}, expected a lint rule: ` +
            `${rules.map((r) => `"${r}"`).join(", ")}.${close.length ? ` Did you mean "${close[0]}"?` : ""}`,
        );
        return;
      }
      const capability = CAPABILITY_BY_KEY.get(field.slice(0, field.lastIndexOf(".")));
      const close = closestMatches(String(error.data), ROUTE_TYPES, 1);
      const advice = close.length
        ? ` Did you mean "${close[0]}"?`
        : capability
          ? ` \`${capability.key}\` normally takes "${capability.routeType}".`
          : "";
      problems.add(
        field,
        `found ${found}, expected a gateway route type (listed in _data/providers/README.md).${advice}`,
      );
      return;
    }
    case "pattern":
      problems.add(field, patternMessage(String(error.params.pattern), error.data, found));
      return;
    case "minItems":
      problems.add(
        field,
        `found an empty list, expected at least one item. ` +
          (lastPart(field) === "url_patterns"
            ? "Add the provider's base URL, e.g. `- 'https://api.example.com/{route_type_path}'`."
            : "Add an item, or remove the key."),
      );
      return;
    case "uniqueItems": {
      const later = Math.max(Number(error.params.i), Number(error.params.j));
      const earlier = Math.min(Number(error.params.i), Number(error.params.j));
      const item = join(field, String(later));
      problems.add(
        item,
        `found ${describe((error.data as unknown[])[later])} a second time (it is also ` +
          `\`${displayField(join(field, String(earlier)))}\`), expected each item once. Remove one.`,
      );
      return;
    }
    default:
      problems.add(field, `found ${found}, expected a value that ${error.message ?? "fits the schema"}.`);
  }
}
