import { legacyHtmlToMarkdown } from "../registry/legacy-html.ts";

const MARKDOWN_SPECIAL = /[<`\n]/;
// A `<` that opens an autolink (`<https://...>`) is Markdown; any other would open raw HTML.
const RAW_HTML_START = /<(?![a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*>)/g;

/** A value from data as one line of inline Markdown that means what it means on the HTML page (raw HTML as text). */
export function inlineMarkdown(text: string): string {
  // Without a `<`, a backtick or a line break there is nothing to rewrite: most values.
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  const source = oneLine(legacyHtmlToMarkdown(text));
  const runs = [...source.matchAll(/`+/g)].map((match) => ({ start: match.index, length: match[0].length }));
  // The runs of each length, in order, and how far each list has been used.
  const byLength = new Map<number, { starts: number[]; next: number }>();
  for (const run of runs) {
    const list = byLength.get(run.length) ?? { starts: [], next: 0 };
    list.starts.push(run.start);
    byLength.set(run.length, list);
  }
  let out = "";
  let i = 0;
  for (const run of runs) {
    if (run.start < i) continue;
    const list = byLength.get(run.length)!;
    while (list.next < list.starts.length && list.starts[list.next]! <= run.start) list.next++;
    const close = list.starts[list.next];
    out += source.slice(i, run.start).replace(RAW_HTML_START, "\\<");
    if (close === undefined) {
      out += "`".repeat(run.length);
      i = run.start + run.length;
    } else {
      // A code span: its text stays as is.
      out += source.slice(run.start, close + run.length);
      i = close + run.length;
    }
  }
  return out + source.slice(i).replace(RAW_HTML_START, "\\<");
}

/** Joins lines with one space, dropping the white space around each line break, in one linear pass. */
function oneLine(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  const last = lines.length - 1;
  return lines
    .map((line, index) => (index === 0 ? line.trimEnd() : index === last ? line.trimStart() : line.trim()))
    .filter((line, index) => index === 0 || index === last || line !== "")
    .join(" ");
}
