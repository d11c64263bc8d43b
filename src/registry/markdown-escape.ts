/** Escapes plain text (a provider's name) so Markdown shows it as written; a table escapes its own `|`. */
export function escapeMarkdownText(text: string): string {
  // Most names and versions hold nothing to escape or join: a test is cheaper than two replaces that find nothing.
  if (!MARKDOWN_TEXT_SPECIAL.test(text)) return text;
  return text.replace(/[\\`*_[\]<>#!&~]/g, "\\$&").replace(/\s+/g, " ");
}

/** A character `escapeMarkdownText` escapes, or white space other than a single space. */
const MARKDOWN_TEXT_SPECIAL = /[\\`*_[\]<>#!&~]|\s\s|[^\S ]/;
