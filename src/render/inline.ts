import MarkdownIt from "markdown-it";
import { inlineMarkdown } from "../outputs/markdown-text.ts";
import { inlineLinks, isAllowedLink } from "../registry/inline-links.ts";
import { codeSpan, decodeEntities, legacyHtmlToMarkdown } from "../registry/legacy-html.ts";

// Raw HTML stays off: text from data can never inject markup.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable("image");
// A code span breaks only after `/`, `.` or `-`: browsers find no break in `llm/v1/chat`; tables squeezed it.
markdown.renderer.rules.code_inline = (tokens, idx) => breakableCode(tokens[idx]!.content);

/** A token (route type, path, URL) as `<code>` with a `<wbr>` after each `/`, `.` and `-`: it breaks only there. */
export function breakableCode(text: string): string {
  return `<code>${breakableText(text)}</code>`;
}

const breakableText = (text: string) => escapeHtml(text).replace(/[/.-]/g, "$&<wbr>");

/** A model example: a bare model name breaks only after `/`, `.` or `-`; a link or sentence is inline Markdown. */
export function renderModelExample(text: string): string {
  return PLAIN_INLINE.test(text) && !/\s/.test(text) ? breakableText(text) : renderInline(text);
}

markdown.validateLink = isAllowedLink;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const HTML_SPECIAL = /[&<>"']/;
const TEXT_SPECIAL = /[&<>]/;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values have nothing to escape: a test is about twice as fast as a replace that finds nothing.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!) : text;
}

/** Escapes text for an element's content only (never an attribute): quotes stay as they are. */
export function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(/[&<>]/g, (ch) => HTML_ESCAPES[ch]!) : text;
}

const cache = new Map<string, string>();

/** Text without a character any inline rule of the renderer starts at: markdown-it renders it as itself. */
export const PLAIN_INLINE = /^[^\\`*_[\]<>&~!\r\n]*$/;

/** Renders a value from data as inline Markdown (code spans, links, emphasis) to HTML. */
export function renderInline(text: string): string {
  if (PLAIN_INLINE.test(text)) return text.includes('"') ? text.replaceAll('"', "&quot;") : text;
  let html = cache.get(text);
  if (html === undefined) {
    html = markdown.renderInline(legacyHtmlToMarkdown(text));
    cache.set(text, html);
  }
  return html;
}

/** Renders a paragraph-separated (`\n\n`) Markdown text as `<p>` elements. */
export function renderParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${renderInline(paragraph.trim())}</p>`)
    .join("");
}

// Markup that makes a value Markdown rather than a bare path: a code span, a legacy tag, a link.
const hasMarkup = (text: string) => /`|<(?:code|a)\b/i.test(text) || inlineLinks(text).length > 0;

/** Renders an upstream path: Markdown when it has markup (``Uses the `Converse` API``), else the bare value as code. */
export function renderUpstreamPath(text: string): string {
  return hasMarkup(text) ? renderInline(text) : breakableCode(text);
}

/** An upstream path as inline Markdown: as `inlineMarkdown` makes any value when it has markup. */
export function upstreamPathMarkdown(text: string): string {
  return hasMarkup(text) ? inlineMarkdown(text) : codeSpan(text);
}

/** Plain text of inline Markdown, for meta descriptions and search snippets. */
export function plainText(text: string): string {
  return decodeEntities(renderInline(text).replace(/<[^>]*>/g, ""));
}

/** The path a reader pastes from an upstream-path value: the value itself when it is bare. */
export function pastablePath(text: string): string | undefined {
  const spans = text.match(/`[^`]+`/g);
  const value = spans ? (spans.length === 1 ? spans[0]!.slice(1, -1) : undefined) : text.trim();
  return value !== undefined && /^\/\S*$/.test(value) ? value : undefined;
}
