import { legacyHtmlToMarkdown } from "../render/inline.ts";

/** Escapes plain text (a provider's name) so Markdown shows it as written; a table escapes its own `|`. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#!&~]/g, "\\$&").replace(/\s+/g, " ");
}

// A `<` that opens an autolink (`<https://...>`) is Markdown; any other would open raw HTML.
const RAW_HTML_START = /<(?![a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*>)/g;

/**
 * A value from data (inline Markdown, or the legacy `<code>`/`<a href>` HTML) as inline
 * Markdown that means on a Markdown page what it means on the HTML page: raw HTML shows as
 * text (the HTML renderer never lets it through either), and it stays on one line.
 */
export function inlineMarkdown(text: string): string {
  const source = legacyHtmlToMarkdown(text).replace(/\s*\n\s*/g, " ");
  let out = "";
  let i = 0;
  while (i < source.length) {
    const tick = source.indexOf("`", i);
    const end = tick === -1 ? source.length : tick;
    out += source.slice(i, end).replace(RAW_HTML_START, "\\<");
    if (tick === -1) break;
    // A code span: a run of backticks up to the next run of the same length; its text stays as is.
    const run = /^`+/.exec(source.slice(tick))![0];
    let close = source.indexOf(run, tick + run.length);
    while (close !== -1 && (source[close + run.length] === "`" || source[close - 1] === "`")) {
      close = source.indexOf(run, close + 1);
    }
    if (close === -1) {
      out += run;
      i = tick + run.length;
    } else {
      out += source.slice(tick, close + run.length);
      i = close + run.length;
    }
  }
  return out;
}

/**
 * A Markdown table: a header row, the delimiter row, one line per row. Cells are inline
 * Markdown; a `|` in one (even in a code span, as tables read them) is escaped.
 */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return `${[line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n")}\n`;
}
