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
  for (const [, level, id, markup] of html.matchAll(HEADING)) {
    // Tags dropped, references decoded, white space collapsed and trimmed (a template escapes it again).
    const text = decode(markup!.replace(TAG, "")).replace(/\s+/g, " ").trim();
    if (text) headings.push({ level: level === "2" ? 2 : 3, id: decode(id!), text });
  }
  return headings;
}
