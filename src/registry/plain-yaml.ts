/**
 * A reader for the plain YAML that provider files are written in, and nothing more: block mappings
 * and sequences, keys of letters, digits, `_`, `.` and `-`, double- or single-quoted strings on one
 * line, `true`, `false`, small whole numbers, `[]`, `{}` and one-line flow mappings of those, comments
 * and blank lines. Every shipped provider file, and every file `npm run new-provider` makes, is
 * written so.
 *
 * It answers `undefined` for anything else, and the file is then read by js-yaml: escapes, plain
 * strings, block scalars, anchors, tabs, a key given twice, a second document, any character js-yaml
 * might refuse. When it answers, the value is the one js-yaml builds from the same text (the tests
 * compare the two on every shipped and fixture file, and on generated ones). It reads provider files in
 * about a quarter of js-yaml's time (1,000 files: 0.08 s against 0.31 s for js-yaml's events and
 * construction, measured in one process each), and the positions js-yaml's events give are worked out
 * only for a file with a problem to report. One pass over the lines, each scanned once, left to right.
 */

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/**
 * A character that may mean something else to js-yaml, or that it may refuse: tabs, carriage returns,
 * controls, `U+0085`, line and paragraph separators, surrogates (astral characters), a byte order mark.
 */
const OUTSIDE = /[^\n\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
/** A key and its colon, at the reader's position (sticky), followed by a space or the end. */
const KEY = /([A-Za-z_][A-Za-z0-9_.-]*):(?= |$)/y;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Thrown inside the reader: the text is not in the plain form. */
const NOT_PLAIN = Symbol("not plain");

interface Line {
  indent: number;
  /** The line after its indentation: at least one character, never a comment. */
  text: string;
}

/** The file's value when it is written in the plain form, else `undefined` (read it with js-yaml). */
export function readPlainYaml(source: string): Record<string, PlainValue> | undefined {
  if (OUTSIDE.test(source)) return undefined;
  const lines: Line[] = [];
  const rawLines = source.split("\n");
  for (let at = 0; at < rawLines.length; at++) {
    const raw = rawLines[at]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) continue;
    // Directives and document markers.
    if (indent === 0 && (raw.startsWith("---") || raw.startsWith("...") || raw.startsWith("%"))) return undefined;
    lines.push({ indent, text: raw.slice(indent) });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const reader = new PlainReader(lines);
  try {
    const value = reader.mapping(0, lines[0]!.text);
    return reader.at === lines.length ? value : undefined;
  } catch (error) {
    // Nesting deep enough to exhaust the stack is not plain either.
    if (error === NOT_PLAIN || error instanceof RangeError) return undefined;
    throw error;
  }
}

class PlainReader {
  /** The next line to read. */
  at = 0;
  constructor(private readonly lines: readonly Line[]) {}

  /**
   * The mapping whose keys stand at column `indent`; `first` is the text of its first key, on the
   * current line (after a sequence's dash, for `- key: value`).
   */
  mapping(indent: number, first: string): Record<string, PlainValue> {
    const result: Record<string, PlainValue> = {};
    let text = first;
    this.at++;
    for (;;) {
      KEY.lastIndex = 0;
      const key = KEY.exec(text);
      if (!key) throw NOT_PLAIN;
      const name = key[1]!;
      if (name === "__proto__" || Object.hasOwn(result, name)) throw NOT_PLAIN;
      const rest = afterSpaces(text, key[0].length);
      result[name] = rest === "" ? this.block(indent) : lineValue(rest);
      const next = this.lines[this.at];
      if (!next || next.indent < indent) return result;
      if (next.indent > indent || isDash(next.text)) throw NOT_PLAIN;
      text = next.text;
      this.at++;
    }
  }

  /** The sequence whose dashes stand at column `indent`, from the current line. */
  sequence(indent: number): PlainValue[] {
    const result: PlainValue[] = [];
    for (;;) {
      const line = this.lines[this.at]!;
      const rest = afterSpaces(line.text, 1);
      if (rest === "") throw NOT_PLAIN;
      KEY.lastIndex = 0;
      if (KEY.test(rest)) result.push(this.mapping(line.indent + line.text.length - rest.length, rest));
      else {
        result.push(lineValue(rest));
        this.at++;
      }
      const next = this.lines[this.at];
      if (!next || next.indent < indent) return result;
      if (next.indent > indent) throw NOT_PLAIN;
      if (!isDash(next.text)) return result;
    }
  }

  /**
   * The value of a key with nothing after it on its line: the mapping or sequence on the lines below
   * (a sequence may stand at the key's own column), else null.
   */
  block(keyIndent: number): PlainValue {
    const next = this.lines[this.at];
    if (!next || next.indent < keyIndent) return null;
    const dash = isDash(next.text);
    if (next.indent === keyIndent) return dash ? this.sequence(keyIndent) : null;
    return dash ? this.sequence(next.indent) : this.mapping(next.indent, next.text);
  }
}

const isDash = (text: string) => text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);

/**
 * The text from `from` on, spaces skipped; `""` when nothing but a comment (`#` after a space) is
 * left. Something right at `from`, with no space before it, is not plain.
 */
function afterSpaces(text: string, from: number): string {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  if (i === text.length) return "";
  if (i === from) throw NOT_PLAIN;
  return text.charCodeAt(i) === 35 /* # */ ? "" : text.slice(i);
}

/** The scalar or flow mapping that makes up the rest of a line, a comment allowed after it. */
function lineValue(text: string): PlainValue {
  const [value, end] = scalar(text, 0, false);
  if (end < text.length && afterSpaces(text, end) !== "") throw NOT_PLAIN;
  return value;
}

/** The value at `start` and where it ends; in a flow mapping, `,` and `}` end a word. */
function scalar(text: string, start: number, inFlow: boolean): [PlainValue, number] {
  const first = text.charCodeAt(start);
  if (first === 34 /* " */) {
    const close = text.indexOf('"', start + 1);
    if (close === -1) throw NOT_PLAIN;
    const body = text.slice(start + 1, close);
    if (body.includes("\\")) throw NOT_PLAIN;
    return [body, close + 1];
  }
  if (first === 39 /* ' */) {
    let body = "";
    let from = start + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close === -1) throw NOT_PLAIN;
      body += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== 39) return [body, close + 1];
      body += "'";
      from = close + 2;
    }
  }
  if (first === 123 /* { */ && !inFlow) return flowMapping(text, start);
  let end = start;
  while (end < text.length) {
    const ch = text.charCodeAt(end);
    if (ch === 32 || (inFlow && (ch === 44 || ch === 125))) break;
    end++;
  }
  const word = text.slice(start, end);
  if (word === "true") return [true, end];
  if (word === "false") return [false, end];
  if (word === "[]" && !inFlow) return [[], end];
  if (WHOLE_NUMBER.test(word)) return [Number(word), end];
  throw NOT_PLAIN;
}

/** `{}`, or `{ key: value, key: value }` with scalar values, on one line. */
function flowMapping(text: string, start: number): [PlainValue, number] {
  const result: Record<string, PlainValue> = {};
  let i = start + 1;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) === 125 /* } */) return [result, i + 1];
  for (;;) {
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key) throw NOT_PLAIN;
    const name = key[1]!;
    if (name === "__proto__" || Object.hasOwn(result, name)) throw NOT_PLAIN;
    i += key[0].length;
    while (text.charCodeAt(i) === 32) i++;
    const [value, end] = scalar(text, i, true);
    result[name] = value;
    i = end;
    while (text.charCodeAt(i) === 32) i++;
    const ch = text.charCodeAt(i);
    if (ch === 125 /* } */) return [result, i + 1];
    if (ch !== 44 /* , */) throw NOT_PLAIN;
    i++;
    while (text.charCodeAt(i) === 32) i++;
  }
}
