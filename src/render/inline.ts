import MarkdownIt from "markdown-it";

// Raw HTML stays off: text from data can never inject markup. Legacy `<code>` and `<a href>`
// are first rewritten to their Markdown forms, so they still render.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

const ENTITY_DECODES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};
const decodeEntities = (text: string) => text.replace(/&(?:lt|gt|amp|quot|apos|#39);/g, (e) => ENTITY_DECODES[e]!);

/** A Markdown code span holding `text` exactly, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const LEGACY_CODE = /<code>([\s\S]*?)<\/code>/gi;
const LEGACY_LINK = /<a\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>([\s\S]*?)<\/a>/gi;

/** Rewrites the legacy inline HTML of older data (`<code>`, `<a href>`) to Markdown. */
export function legacyHtmlToMarkdown(text: string): string {
  if (!text.includes("<")) return text;
  return text
    .replace(LEGACY_CODE, (_, code: string) => codeSpan(decodeEntities(code)))
    .replace(LEGACY_LINK, (_, double: string | undefined, single: string | undefined, label: string) => {
      const href = decodeEntities(double ?? single ?? "").replace(/[()\s]/g, (ch) => encodeURIComponent(ch));
      return `[${label}](${href})`;
    });
}

const cache = new Map<string, string>();

/**
 * Renders a value from data as inline Markdown (code spans, links, emphasis) to HTML.
 * Raw HTML is escaped; links with unsafe schemes are left as text. Results are memoised:
 * the same value recurs across many providers.
 */
export function renderInline(text: string): string {
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

// Markup that makes a value Markdown rather than a bare path: a code span, a link, an HTML tag.
const HAS_MARKUP = /`|\[[^\]]*\]\([^)]*\)|<(?:code|a)\b/i;

/**
 * Renders an upstream path: Markdown when it has markup (``Uses the `Converse` API``), else
 * the bare value as code (`/api/chat`), as the seed wraps any value without `<code>`.
 */
export function renderUpstreamPath(text: string): string {
  return HAS_MARKUP.test(text) ? renderInline(text) : `<code>${escapeHtml(text)}</code>`;
}

/** An upstream path as inline Markdown: itself when it has markup, else the bare value as a code span. */
export function upstreamPathMarkdown(text: string): string {
  return HAS_MARKUP.test(text) ? legacyHtmlToMarkdown(text) : codeSpan(text);
}

/** Plain text of inline Markdown, for meta descriptions and search snippets. */
export function plainText(text: string): string {
  return renderInline(text)
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITY_DECODES[e]!);
}
