import { inlineMarkdown } from "../outputs/markdown-text.ts";
import { codeFence, codeSpan } from "../registry/legacy-html.ts";
import { escapeMarkdownText } from "../registry/markdown-escape.ts";
import {
  breakableCode,
  escapeHtml,
  escapeText,
  renderInline,
  renderModelExample,
  renderParagraphs,
  renderUpstreamPath,
  upstreamPathMarkdown,
} from "./inline.ts";
import type { Context } from "liquidjs";
import { Markup, outputFormatOf, type OutputFormat } from "./markup.ts";

/** One output's way of writing a filter's value (text, as `String(value ?? "")` makes it) and arguments. */
type Format = (text: string, ...args: any[]) => string;

const hidden = (text: string) => `<span class="visually-hidden">${text}</span>`;

/** The markup filters, one implementation per output (the page and its twin share `_includes/prose/`). */
const FORMATS: Record<string, Record<OutputFormat, Format>> = {
  /** Text as it reads: escaped for the output (what `{{ value }}` does, as markup a filter can take further). */
  text: { html: escapeHtml, markdown: escapeMarkdownText },
  /** A code span: a token that breaks only after `/`, `.` or `-` (`<wbr>`) in HTML. */
  code: { html: breakableCode, markdown: codeSpan },
  /** Text inside a `<pre><code>` block or a Markdown code fence. */
  codeText: { html: escapeText, markdown: (text) => text },
  /** A link with a label. */
  link: {
    html: (label, href) => `<a href="${escapeHtml(String(href))}">${escapeHtml(label)}</a>`,
    markdown: (label, href) => `[${escapeMarkdownText(label)}](${href})`,
  },
  /** A value from data as inline Markdown (code, links, emphasis). */
  inlineMarkdown: { html: renderInline, markdown: inlineMarkdown },
  /** A model example: a bare model name breaks only after `/`, `.` or `-`; else inline Markdown. */
  modelExample: { html: renderModelExample, markdown: inlineMarkdown },
  /** An upstream path: a bare path as code, a value with markup as inline Markdown. */
  upstreamPath: {
    html: renderUpstreamPath,
    markdown: (text) => upstreamPathMarkdown(text).replace(/\s*\n\s*/g, " "),
  },
  /** Paragraphs split by a blank line: `<p>` elements, or the lines of a Markdown quote. */
  paragraphs: {
    html: renderParagraphs,
    markdown: (text) =>
      text
        .split(/\n{2,}/)
        .map((paragraph) => inlineMarkdown(paragraph.trim()))
        .join("\n>\n> "),
  },
  /** Streaming or support (`true` or `false`) as a mark that also carries its meaning as text. */
  supportMark: {
    html: (supported) =>
      supported === "true"
        ? `<span class="mark mark-yes" aria-hidden="true">&#10003;</span>${hidden("Supported")}`
        : `<span class="mark mark-no" aria-hidden="true">&#10007;</span>${hidden("Not supported")}`,
    markdown: (supported) => (supported === "true" ? "Supported" : "Not supported"),
  },
};

/** A Markdown table cell: its `|` escaped (tables split on them even inside a code span). */
const cell = (value: unknown) => new Markup(String(value ?? "").replace(/\|/g, "\\|"));

/** The markup filters, each for the output of the template being rendered (`this.context`), plus `fence`, `cell`. */
export function formatFilters(): Record<string, (this: { context?: Context }, ...args: any[]) => unknown> {
  const filters: Record<string, (this: { context?: Context }, ...args: any[]) => unknown> = {
    fence: (text: unknown) => new Markup(codeFence(String(text ?? ""), 3)),
    cell,
  };
  for (const [name, byFormat] of Object.entries(FORMATS)) {
    filters[name] = function (this: { context?: Context }, value: unknown, ...args: unknown[]) {
      return new Markup(byFormat[outputFormatOf(this?.context)](String(value ?? ""), ...args));
    };
  }
  return filters;
}
