import type { Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import { capabilityRows, referenceRow, supportMark, upstreamPathRows } from "./reference-rows.ts";
import { markdownCapabilityRows, markdownUpstreamPathRows } from "../outputs/markdown-rows.ts";
import { escapeMarkdownText, inlineMarkdown } from "../outputs/markdown-text.ts";
import {
  breakableCode,
  codeSpan,
  escapeHtml,
  escapeText,
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
  /** A token as code that breaks only after `/`, `.` or `-` (`<wbr>`). */
  code: (text: string) => breakableCode(String(text)),
  /** `{{ config.deck | codeText }}`: text for inside `<pre><code>`, its quotes left as they are (shorter). */
  codeText: (text: string) => escapeText(String(text ?? "")),
  link: (label: string, href: string) => `<a href="${escapeHtml(String(href))}">${escapeHtml(String(label))}</a>`,
  inlineMarkdown: renderInline,
  upstreamPath: renderUpstreamPath,
  paragraphs: renderParagraphs,
  supportMark,
  capabilityRows: (group: ProviderGroup, prefix?: string) => capabilityRows(group, prefix),
  referenceRow: (capability: ProviderCapability, prefix?: string) => referenceRow(capability, prefix),
  upstreamPathRows: (provider: Provider) => upstreamPathRows(provider),
};

/** The same filters as Markdown, plus `text` (escaped text) and `cell` (a table cell's `|` escaped). */
export const markdownFormat: OutputFormat = {
  code: (text: string) => codeSpan(String(text)),
  link: (label: string, href: string) => `[${escapeMarkdownText(String(label))}](${href})`,
  inlineMarkdown,
  upstreamPath: (text: string) => upstreamPathMarkdown(text).replace(/\s*\n\s*/g, " "),
  text: escapeMarkdownText,
  capabilityRows: (group: ProviderGroup) => markdownCapabilityRows(group),
  upstreamPathRows: (provider: Provider) => markdownUpstreamPathRows(provider),
  cell: (markdown: string) => String(markdown).replace(/\|/g, "\\|"),
  fence: (text: string) => codeFence(String(text)),
  quoteParagraphs: (text: string) =>
    text
      .split(/\n{2,}/)
      .map((paragraph) => inlineMarkdown(paragraph.trim()))
      .join("\n>\n> "),
};

/** A Markdown code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function codeFence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
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
