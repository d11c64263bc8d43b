import { ALLOWED_LINK_SCHEMES, inlineLinks } from "./inline-links.ts";
import { describe, INVISIBLE_CHARACTER, isMapping } from "./errors.ts";
import { lastPart, type ProblemCollector } from "./problem-collector.ts";

/** The longest value a field may hold, in characters: the longest shipped one is under 150. */
export const MAX_VALUE_LENGTH = 2000;
/** The longest name or alias, in characters. */
export const MAX_NAME_LENGTH = 100;

// Characters that make text look other than it is: C0 and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_CONTROL = /[\t\n\r\u2028\u2029]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any character the checks above look for: most values have none, and are searched once, not five times. */
const SUSPECT = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff]|${INVISIBLE_CHARACTER.source}`,
  "u",
);

const SEPARATOR_NAMES: Record<string, string> = { "\u2028": "a line separator", "\u2029": "a paragraph separator" };
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
const BIDI_NAMES: Record<string, string> = {
  "\u202a": "a left-to-right embedding",
  "\u202b": "a right-to-left embedding",
  "\u202c": "a pop directional formatting",
  "\u202d": "a left-to-right override",
  "\u202e": "a right-to-left override",
  "\u2066": "a left-to-right isolate",
  "\u2067": "a right-to-left isolate",
  "\u2068": "a first strong isolate",
  "\u2069": "a pop directional isolate",
};
/** The invisible characters a writer is likely to have pasted, by name; any other is named by its code point. */
const INVISIBLE_NAMES: Record<string, string> = {
  "\u00ad": "a soft hyphen",
  "\u061c": "an Arabic letter mark",
  "\u115f": "a Hangul filler",
  "\u1160": "a Hangul filler",
  "\u3164": "a Hangul filler",
  "\uffa0": "a Hangul filler",
  "\u200b": "a zero-width space",
  "\u200c": "a zero-width non-joiner",
  "\u200d": "a zero-width joiner",
  "\u200e": "a left-to-right mark",
  "\u200f": "a right-to-left mark",
  "\u2060": "a word joiner",
  "\u2800": "a blank Braille pattern",
  "\ufeff": "a byte-order mark",
};
const invisibleName = (ch: string) =>
  INVISIBLE_NAMES[ch] ?? (/[\u{e0000}-\u{e007f}]/u.test(ch) ? "a tag character" : "an invisible character");

/** Every string value of a parsed file, with its dotted field path (`chat.note.content`, `aliases.0`). */
export function stringValues(value: unknown, field = "", found: [string, string][] = []): [string, string][] {
  if (typeof value === "string") found.push([field, value]);
  else if (Array.isArray(value) || isMapping(value))
    for (const [key, child] of Object.entries(value)) stringValues(child, field ? `${field}.${key}` : key, found);
  return found;
}

/** Checks that every text value of a file is text a reader can trust, and small; returns the fields too long. */
export function checkTextValues(raw: Record<string, unknown>, problems: ProblemCollector): Set<string> {
  const tooLong = new Set<string>();
  for (const [field, value] of stringValues(raw)) {
    const limit = field === "name" || /^aliases\.\d+$/.test(field) ? MAX_NAME_LENGTH : MAX_VALUE_LENGTH;
    if (value.length > limit) {
      tooLong.add(field);
      problems.add(
        field,
        `found ${describe(value)} (${value.length.toLocaleString("en")} characters), expected at most ` +
          `${limit.toLocaleString("en")} characters. Shorten it.`,
      );
      continue;
    }
    if (SUSPECT.test(value)) checkCharacters(field, value, problems);
    // A version with more than two digits a part is a slip, not a gateway release.
    const version = lastPart(field) === "min_version" ? /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(value) : null;
    if (version?.slice(1).some((part) => part !== undefined && part.length > 2))
      problems.add(
        field,
        `found ${describe(value)}, expected a version of at most two digits a part, like '3.11' (or 'n/a'). Write ` +
          "the gateway version the capability first shipped in.",
      );
  }
  return tooLong;
}

/** A value's lone surrogate, direction control and control character, each reported where it stands. */
function checkCharacters(field: string, value: string, problems: ProblemCollector): void {
  const at = (match: RegExpExecArray, what = "") =>
    `(${hex(match[0])}${what}) at character ${match.index + 1} of ${describe(value)}`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate)
    problems.add(
      field,
      `found half of a character ${at(surrogate, ", a lone surrogate")}, expected text. Type the ` +
        "character again, or remove it.",
    );
  const bidi = BIDI.exec(value);
  if (bidi)
    problems.add(
      field,
      `found ${BIDI_NAMES[bidi[0]]} ${at(bidi)}, expected text without direction controls: they make text read ` +
        "other than it is written. Remove it.",
    );
  const invisible = bidi ? null : INVISIBLE_CHARACTER.exec(value);
  if (invisible)
    problems.add(
      field,
      `found ${invisibleName(invisible[0])} ${at(invisible)}, expected only characters that can be seen: an ` +
        "invisible one makes text differ from what it looks like. Remove it (retype the text around it if the " +
        "character cannot be seen in your editor).",
    );
  const markdown = isMarkdownField(field);
  const control = CONTROL.exec(value) ?? (markdown ? null : LINE_CONTROL.exec(value));
  if (control)
    problems.add(
      field,
      `found ${SEPARATOR_NAMES[control[0]] ?? "a control character"} ${at(control)}, expected printable ` +
        `text${markdown ? "" : " on one line"}. Remove it.`,
    );
}

// Values that are inline Markdown may span lines; every other value is one line.
const MARKDOWN_KEYS = new Set(["formats", "upstream_path", "model_example", "content"]);
export const isMarkdownField = (field: string) =>
  MARKDOWN_KEYS.has(lastPart(field)) || /^limitations\.[a-z_]+\.\d+$/.test(field);

const schemes = `${ALLOWED_LINK_SCHEMES.join(", ")} or relative`;
/** Refused links reported one by one in a value; past this many, the last message counts the rest. */
const MAX_LINK_MESSAGES = 5;

/** Refuses the links and images of an inline-Markdown value that no output may carry. */
export function checkMarkdownLinks(field: string, value: string, problems: ProblemCollector): void {
  const refused = inlineLinks(value).filter((link) => !link.allowed);
  const shown = refused.slice(0, MAX_LINK_MESSAGES);
  for (const [index, link] of shown.entries()) {
    const rest = refused.length - shown.length;
    const more = index === shown.length - 1 && rest > 0 ? ` (and ${rest} more)` : "";
    const message = link.image
      ? `found an image (${describe(link.href)})${more}, expected text, code and links only: images are not ` +
        `shown. Link to it instead: \`[what it shows](address)\`.`
      : `found a link to ${describe(link.href)}${more}, expected an ${schemes} link. Link to a web page instead, ` +
        `or remove the link.`;
    problems.add(field, message, { position: problems.positionOfText(field, link.href) });
  }
}
