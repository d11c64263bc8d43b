import MarkdownIt from "markdown-it";
import { inlineMarkdown } from "../outputs/markdown-text.ts";
import { codeSpan, decodeEntities, legacyHtmlToMarkdown } from "./legacy-html.ts";

export { codeSpan, legacyHtmlToMarkdown };

// Raw HTML stays off: text from data can never inject markup. Legacy `<code>` and `<a href>`
// are first rewritten to their Markdown forms, so they still render. Images are no part of
// inline Markdown here (the check refuses them): `![x](...)` renders as `!` and a link.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable("image");
// A code span breaks only after `/`, `.` or `-`: browsers find no break in `llm/v1/chat`, and a table
// squeezed it mid-segment.
markdown.renderer.rules.code_inline = (tokens, idx) => breakableCode(tokens[idx]!.content);

/** A token (route type, path, URL) as `<code>` with a `<wbr>` after each `/`, `.` and `-`: it breaks only there. */
export function breakableCode(text: string): string {
  return `<code>${escapeHtml(text).replace(/[/.-]/g, "$&<wbr>")}</code>`;
}

/** The link schemes a value may use; a link without a scheme (a path, `#anchor`, `?query`) is relative. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ["https", "http", "mailto"];
const allowedSchemes = new Set(ALLOWED_LINK_SCHEMES);
const markdownItValidateLink = markdown.validateLink.bind(markdown);

/**
 * The one link rule of every output: markdown-it's own `validateLink` (no `javascript:`,
 * `vbscript:`, `file:`, `data:`), narrowed to https, http, mailto and relative links. `url` is
 * the destination as markdown-it normalised it (escapes and character references decoded).
 */
export function isAllowedLink(url: string): boolean {
  if (!markdownItValidateLink(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1];
  return scheme === undefined || allowedSchemes.has(scheme.toLowerCase());
}
markdown.validateLink = isAllowedLink;

// The same parser with every destination let through, so that the check sees each link (and
// image) exactly where the renderer would, and can refuse the ones the renderer drops.
const linkFinder = new MarkdownIt({ html: false, linkify: false, typographer: false });
linkFinder.validateLink = () => true;

/** A link or image in an inline-Markdown value, as markdown-it reads it. */
export interface InlineLink {
  /** The destination as markdown-it normalised it (what an `href` would hold). */
  href: string;
  image: boolean;
  /** Whether every output may carry it: an allowed link, not an image. */
  allowed: boolean;
}

type Token = ReturnType<MarkdownIt["parseInline"]>[number];

/**
 * Every link and image of an inline-Markdown value (legacy `<a href>` and `<code>` included),
 * found by the renderer's own parser: a link the check accepts is the link every output carries.
 */
export function inlineLinks(text: string): InlineLink[] {
  // Every link form needs `](` or `<` (an autolink, a legacy `<a href>`).
  if (!text.includes("](") && !text.includes("<")) return [];
  const links: InlineLink[] = [];
  const visit = (tokens: Token[] | null) => {
    for (const token of tokens ?? []) {
      if (token.type === "link_open" || token.type === "image") {
        const href = token.attrGet(token.type === "image" ? "src" : "href") ?? "";
        const image = token.type === "image";
        links.push({ href, image, allowed: !image && isAllowedLink(href) });
      }
      visit(token.children);
    }
  };
  visit(linkFinder.parseInline(legacyHtmlToMarkdown(text), {}));
  return links;
}

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

/**
 * Text without a character any inline rule of the renderer starts at (escapes, code, emphasis,
 * strikethrough, links, images, autolinks, entities, line breaks): markdown-it renders it as itself.
 */
export const PLAIN_INLINE = /^[^\\`*_[\]<>&~!\r\n]*$/;

/**
 * Renders a value from data as inline Markdown (code spans, links, emphasis) to HTML.
 * Raw HTML is escaped; links with unsafe schemes are left as text. Results are memoised:
 * the same value recurs across many providers.
 */
export function renderInline(text: string): string {
  // Text no inline rule acts on (the usual sentence, a provider's name in it) renders as itself,
  // with markdown-it's escape of `"`: no parse, and nothing cached for values seen once.
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

/**
 * Renders an upstream path: Markdown when it has markup (``Uses the `Converse` API``), else
 * the bare value as code (`/api/chat`), as the seed wraps any value without `<code>`.
 */
export function renderUpstreamPath(text: string): string {
  return hasMarkup(text) ? renderInline(text) : breakableCode(text);
}

/**
 * An upstream path as inline Markdown: as `inlineMarkdown` makes any value when it has markup
 * (raw HTML shown as text, on one line), else the bare value as a code span.
 */
export function upstreamPathMarkdown(text: string): string {
  return hasMarkup(text) ? inlineMarkdown(text) : codeSpan(text);
}

/** Plain text of inline Markdown, for meta descriptions and search snippets. */
export function plainText(text: string): string {
  return renderInline(text)
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:lt|gt|amp|quot|#39);/g, decodeEntities);
}
