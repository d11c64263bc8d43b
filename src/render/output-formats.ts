import { escapeMarkdownText, inlineMarkdown } from "../outputs/markdown-text.ts";
import {
  codeSpan,
  escapeHtml,
  renderInline,
  renderParagraphs,
  renderUpstreamPath,
  upstreamPathMarkdown,
} from "./inline.ts";

/**
 * How one output writes what the templates hand it: the HTML page and the Markdown twin share
 * their sentences (`_includes/prose/`), and each engine registers its own format's filters under
 * the same names. Every filter returns finished markup, so the engine does not escape it again.
 */
export type OutputFormat = Record<string, (value: any, ...args: any[]) => string>;

/** `{{ "llm_format" | code }}`, `{{ "AI Proxy" | link: url }}`, `{{ value | inlineMarkdown }}`... as HTML. */
export const htmlFormat: OutputFormat = {
  code: (text: string) => `<code>${escapeHtml(String(text))}</code>`,
  link: (label: string, href: string) => `<a href="${escapeHtml(String(href))}">${escapeHtml(String(label))}</a>`,
  inlineMarkdown: renderInline,
  upstreamPath: renderUpstreamPath,
  paragraphs: renderParagraphs,
  supportMark,
};

/** The same filters as Markdown, plus `text` (escaped text) and `cell` (a table cell's `|` escaped). */
export const markdownFormat: OutputFormat = {
  code: (text: string) => codeSpan(String(text)),
  link: (label: string, href: string) => `[${escapeMarkdownText(String(label))}](${href})`,
  inlineMarkdown,
  upstreamPath: (text: string) => upstreamPathMarkdown(text).replace(/\s*\n\s*/g, " "),
  text: escapeMarkdownText,
  cell: (markdown: string) => String(markdown).replace(/\|/g, "\\|"),
  quoteParagraphs: (text: string) =>
    text
      .split(/\n{2,}/)
      .map((paragraph) => inlineMarkdown(paragraph.trim()))
      .join("\n>\n> "),
};

/**
 * Streaming as an icon that also carries its meaning as text. Icons are written as character
 * references: a page whose text is all Latin-1 is held in memory at one byte a character,
 * which halves what 10,000 built pages weigh while Eleventy holds them.
 */
export function supportMark(supported: boolean): string {
  return supported
    ? `<span class="mark mark-yes" aria-hidden="true">&#10003;</span><span class="visually-hidden">Supported</span>`
    : `<span class="mark mark-no" aria-hidden="true">&#10007;</span><span class="visually-hidden">Not supported</span>`;
}

/** The part of a liquidjs engine that takes filters (Eleventy's engine and ours both are liquidjs). */
export interface FilterRegistry {
  registerFilter(name: string, filter: { handler: (...args: any[]) => any; raw: boolean }): void;
}

/** Registers an output format's filters on a liquidjs engine, marked raw: their markup is not escaped again. */
export function registerOutputFormat(liquid: FilterRegistry, format: OutputFormat): void {
  for (const [name, filter] of Object.entries(format)) {
    liquid.registerFilter(name, { handler: (value: unknown, ...args: unknown[]) => filter(value, ...args), raw: true });
  }
}
