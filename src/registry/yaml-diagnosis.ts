import type { SourcePosition } from "./yaml-source.ts";

/** What went wrong in a file that is not valid YAML, said so that a writer can fix it. */
export interface YamlDiagnosis {
  position?: SourcePosition;
  /** The key on the line at fault, when one can be read there. */
  field?: string;
  message: string;
}

interface QuoteSlip {
  kind: "unclosed" | "trailing";
  line: number;
  /** 0-based column of the opening quote. */
  column: number;
  quote: string;
  /** The quoted value and whatever follows it on the line. */
  rest: string;
}

const KEY_ON_LINE = /^\s*(?:-\s+)*([^\s'"#\-[{][^:#]*?|'[^']*'|"[^"]*"):(?:\s|$)/;
const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== "" && !line.trimStart().startsWith("#");
const keyOf = (line: string) => KEY_ON_LINE.exec(line)?.[1]?.replace(/^['"]|['"]$/g, "");
const spaces = (n: number) => `${n} ${n === 1 ? "space" : "spaces"}`;

/**
 * Explains a js-yaml parse error in a writer's terms. js-yaml reports where it gave up, which is
 * often a line after the mistake (an unclosed quote shows up as "deficient indentation" on the
 * next line), so the source is read again to find the quote, the indentation or the `: ` at fault.
 */
export function explainYamlError(source: string, error: unknown): YamlDiagnosis {
  const reason = String((error as { reason?: unknown }).reason ?? (error as Error)?.message ?? error);
  const mark = (error as { mark?: { line?: unknown; column?: unknown } }).mark;
  const lines = source.split(/\r?\n/);
  const markLine = typeof mark?.line === "number" ? Math.min(mark.line, lines.length - 1) : lines.length - 1;
  const markColumn = typeof mark?.column === "number" ? mark.column : 0;
  const at = (line: number, column: number): SourcePosition => ({ line: line + 1, column: column + 1 });
  const withKey = (line: number, message: string): YamlDiagnosis => {
    const key = keyOf(lines[line] ?? "");
    return key ? { field: key, message } : { message };
  };

  if (/tab/i.test(reason)) {
    const line = lines.findIndex((text, i) => i >= Math.max(0, markLine - 1) && /^ *\t/.test(text));
    const row = line === -1 ? markLine : line;
    return {
      position: at(row, indentOf((lines[row] ?? "").replace(/\t.*$/, ""))),
      message: "found a tab in the indentation, expected spaces. Indent with spaces, two for each level.",
    };
  }

  for (const row of [markLine, markLine - 1]) {
    const reserved = reservedStartOnLine(lines, row);
    if (reserved) return reserved;
  }

  const slip = findQuoteSlip(lines, markLine);
  if (slip?.kind === "unclosed") {
    return {
      ...withKey(
        slip.line,
        `found a value that opens with ${slip.quote} but is never closed, expected a closing ${slip.quote}. ` +
          `Add ${slip.quote} at the end of the value.`,
      ),
      position: at(slip.line, slip.column),
    };
  }
  if (slip?.kind === "trailing") {
    const inner = slip.rest.trim().slice(1, slip.rest.trim().endsWith(slip.quote) ? -1 : undefined);
    const fixed =
      slip.quote === "'"
        ? `'${inner.replaceAll("''", "'").replaceAll("'", "''")}'`
        : `'${inner.replaceAll('\\"', '"').replaceAll("'", "''")}'`;
    const advice =
      slip.quote === "'"
        ? `To write ' inside single quotes, double it: ${fixed}.`
        : `To write " inside a value, use single quotes: ${fixed}.`;
    return {
      ...withKey(slip.line, `found text after the closing ${slip.quote}, expected the value to end there. ${advice}`),
      position: at(slip.line, slip.column),
    };
  }

  const text = lines[markLine] ?? "";
  const colon = /^(\s*(?:-\s+)*[^\s'"#][^:#]*?:\s+)([^\s'"[{#|>][^#]*?:(?:\s|$).*)$/.exec(text);
  if (colon && /indentation|mapping/.test(reason)) {
    const value = colon[2]!.trimEnd();
    const key = keyOf(text);
    const fixed = `'${value.replaceAll("'", "''")}'`;
    return {
      ...withKey(
        markLine,
        `found \`: \` inside a value without quotes, expected it in quotes. Write ` +
          `${key ? `\`${key}: ${fixed}\`` : fixed}.`,
      ),
      position: at(markLine, colon[1]!.length),
    };
  }

  if (/indentation|end of the stream|document separator|mapping/.test(reason) && isContent(text)) {
    const expected = indentationAbove(lines, markLine);
    const indent = indentOf(text);
    const word = keyOf(text) ?? text.trim().slice(0, 20);
    let parentRow = markLine - 1;
    while (parentRow >= 0 && !isContent(lines[parentRow]!)) parentRow--;
    const parent = lines[parentRow];
    const underParent = parent !== undefined && /:\s*(?:#.*)?$/.test(parent) && indent > indentOf(parent);
    if (expected.length && !underParent && !expected.some((e) => e.indent === indent)) {
      const like = expected.map((e) => `${e.indent} (like \`${e.key}\` on line ${e.line + 1})`).join(" or ");
      return {
        ...withKey(
          markLine,
          `found \`${word}\` indented by ${spaces(indent)}, expected ${like}. Line up the keys of one mapping, ` +
            `and indent a key's fields under it.`,
        ),
        position: at(markLine, indent),
      };
    }
  }

  return {
    position: at(markLine, markColumn),
    message:
      `found text that is not valid YAML (${reason}), expected \`key: value\` lines. Compare this line with the ` +
      `lines around it, and quote any value that contains \`: \` or \` #\`.`,
  };
}

/**
 * Follows quoted values from the top of the file to the line js-yaml stopped at: a quote still
 * open there is the mistake; failing that, a quoted value with text after its closing quote
 * (`'Tom's'`) at or before that line.
 */
function findQuoteSlip(lines: string[], lastLine: number): QuoteSlip | undefined {
  let open: QuoteSlip | undefined;
  let trailing: QuoteSlip | undefined;
  for (let i = 0; i <= lastLine && i < lines.length; i++) {
    const text = lines[i]!;
    let j = 0;
    let atValueStart = true;
    if (open) {
      const close = closingQuote(text, 0, open.quote);
      if (close === -1) continue;
      open = undefined;
      j = close + 1;
      atValueStart = false;
    }
    while (j < text.length) {
      const ch = text[j]!;
      if (ch === " " || ch === "\t") {
        j++;
        continue;
      }
      if (ch === "#" && (j === 0 || /\s/.test(text[j - 1]!))) break;
      if (atValueStart && (ch === "'" || ch === '"')) {
        const close = closingQuote(text, j + 1, ch);
        if (close === -1) {
          open = { kind: "unclosed", line: i, column: j, quote: ch, rest: text.slice(j) };
          break;
        }
        let next = close + 1;
        while (text[next] === " ") next++;
        if (next < text.length && !":,]}#".includes(text[next]!)) {
          trailing = { kind: "trailing", line: i, column: close + 1, quote: ch, rest: text.slice(j) };
          break;
        }
        j = next;
        atValueStart = false;
        continue;
      }
      if (atValueStart && ch === "-" && (j + 1 === text.length || text[j + 1] === " ")) {
        j++;
        continue;
      }
      if (ch === "[" || ch === "{" || ch === ",") {
        atValueStart = true;
        j++;
        continue;
      }
      if (ch === ":" && (j + 1 === text.length || text[j + 1] === " ")) {
        atValueStart = true;
        j++;
        continue;
      }
      atValueStart = false;
      j++;
    }
  }
  return open ?? trailing;
}

/** The index of the quote that closes a value opened before `from`, or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let k = from; k < text.length; k++) {
    if (quote === '"' && text[k] === "\\") {
      k++;
      continue;
    }
    if (text[k] === quote) {
      if (quote === "'" && text[k + 1] === "'") {
        k++;
        continue;
      }
      return k;
    }
  }
  return -1;
}

/** The indentations a line could have: its open parents' keys (and a child's, after `key:`), innermost first. */
function indentationAbove(lines: string[], row: number): { indent: number; key: string; line: number }[] {
  const stack: { indent: number; key: string; line: number }[] = [];
  for (let i = 0; i < row; i++) {
    const text = lines[i]!;
    if (!isContent(text)) continue;
    const indent = indentOf(text);
    const key = keyOf(text) ?? text.trim().slice(0, 20);
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key, line: i });
    // `- llm_format: x`: the item's own keys line up after the dash.
    const inner = /^\s*(?:-\s+)+/.exec(text)?.[0].length;
    if (inner !== undefined && inner < text.length) stack.push({ indent: inner, key, line: i });
  }
  return stack.reverse();
}

const RESERVED_NAMES: Record<string, string> = { "`": "a backtick (`)", "@": "an at sign (@)" };

/**
 * A plain value that starts with a character YAML reserves (`` ` `` or `@`), such as
 * ``upstream_path: `/v1/embeddings` ``: js-yaml calls it bad indentation; the fix is quotes.
 */
export function reservedStartOnLine(lines: string[], row: number): YamlDiagnosis | undefined {
  const text = lines[row];
  if (text === undefined) return undefined;
  const match = /^(\s*(?:-\s+)*(?:([^\s'"#\-[{][^:#]*?):\s+)?)([`@])(.*)$/.exec(text);
  if (!match || (match[2] === undefined && !/^\s*-\s/.test(text))) return undefined;
  const value = `${match[3]}${match[4]!.replace(/\s+#.*$/, "").trimEnd()}`;
  // A short excerpt only: the value may be anything a pull request put there.
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  const fixed = `'${shown.replaceAll("'", "''")}'`;
  return {
    position: { line: row + 1, column: match[1]!.length + 1 },
    ...(match[2] ? { field: match[2] } : {}),
    message:
      `found a value that starts with ${RESERVED_NAMES[match[3]!]}, which YAML reserves at the start of a value, ` +
      `expected the value in quotes. Write ${match[2] ? `${match[2]}: ${fixed}` : fixed}`,
  };
}
