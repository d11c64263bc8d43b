// An h2 or h3 with an id; its content up to the matching closing tag.
const HEADING = /<h([23])\b[^>]*?\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const TAG = /<[^>]*>/g;
const REFERENCE = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string): string {
  return text.replace(REFERENCE, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return NAMED[lower] ?? whole;
  });
}

/** The h2 and h3 headings of a rendered page that have an id, in page order, text plain: its table of contents. */
export function pageHeadings(html: string) {
  const headings: { level: 2 | 3; id: string; text: string }[] = [];
  HEADING.lastIndex = 0;
  for (let match = HEADING.exec(html); match !== null; match = HEADING.exec(html)) {
    const text = plainText(match[3]!);
    const id = match[2]!;
    if (text) headings.push({ level: match[1] === "2" ? 2 : 3, id: id.includes("&") ? decode(id) : id, text });
  }
  return headings;
}

/** White space other than single spaces between words: what collapsing and trimming would change. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/** A heading's markup as plain text: tags dropped, references decoded, white space collapsed and trimmed. */
function plainText(markup: string): string {
  let text = markup.includes("<") ? markup.replace(TAG, "") : markup;
  if (text.includes("&")) text = decode(text);
  return LOOSE_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}
