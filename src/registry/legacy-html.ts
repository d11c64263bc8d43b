// The legacy inline HTML of older data (`<code>`, `<a href>`), rewritten to inline Markdown in one linear pass.

const ENTITY_DECODES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};
/** Decodes the character references HTML escaping writes (`&lt;`, `&amp;`, `&#39;`...). */
export const decodeEntities = (text: string) =>
  text.replace(/&(?:lt|gt|amp|quot|apos|#39);/g, (e) => ENTITY_DECODES[e]!);

/** A run of backticks longer than any in `text`, at least `least` long: a code span or fence `text` cannot close. */
export function codeFence(text: string, least = 1): string {
  // A loop, not `Math.max(...runs)`: a long value can hold more runs than a call takes arguments.
  let longestRun = 0;
  for (const run of text.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  return "`".repeat(Math.max(least, longestRun + 1));
}

/** A Markdown code span holding `text` exactly, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const fence = codeFence(text);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const LEGACY_CODE_OPEN = /<code>/gi;
const LEGACY_CODE_CLOSE = /<\/code>/gi;
// `[^"<>]` rather than `[^"]`: an unclosed quote then costs a scan to the next tag, not to the end.
const LEGACY_LINK_OPEN = /<a\s+href\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')\s*>/gi;
const LEGACY_LINK_CLOSE = /<\/a>/gi;

/** Replaces each `open ... close` pair (the nearest close after each open, as a lazy regex would) in one pass. */
function replacePairs(
  text: string,
  open: RegExp,
  close: RegExp,
  replace: (opening: RegExpExecArray, inner: string) => string,
): string {
  let out = "";
  let from = 0;
  for (;;) {
    open.lastIndex = from;
    const opening = open.exec(text);
    if (!opening) break;
    close.lastIndex = opening.index + opening[0].length;
    const closing = close.exec(text);
    // No close after this open means none after any later open either.
    if (!closing) break;
    const inner = text.slice(opening.index + opening[0].length, closing.index);
    out += text.slice(from, opening.index) + replace(opening, inner);
    from = closing.index + closing[0].length;
  }
  return out + text.slice(from);
}

/** Rewrites the legacy inline HTML of older data (`<code>`, `<a href>`) to Markdown. */
export function legacyHtmlToMarkdown(text: string): string {
  if (!text.includes("<")) return text;
  const code = replacePairs(text, LEGACY_CODE_OPEN, LEGACY_CODE_CLOSE, (_, inner) => codeSpan(decodeEntities(inner)));
  return replacePairs(code, LEGACY_LINK_OPEN, LEGACY_LINK_CLOSE, (opening, label) => {
    // Percent-encoded so that the destination ends where the href did (encodeURIComponent keeps `(` and `)`).
    const href = decodeEntities(opening[1] ?? opening[2] ?? "").replace(
      /[()\s]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
    );
    return `[${label}](${href})`;
  });
}
