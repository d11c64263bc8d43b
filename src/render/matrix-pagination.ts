import { escapeHtml } from "./inline.ts";

/**
 * Rows per page of the matrix and of each view. At 200 the full 15-column matrix is about
 * 300 KB of HTML per page (some 20 KB compressed), light enough for a phone, and 10,000
 * providers make about 50 pages of it; the shipped registry stays on one page until it grows
 * tenfold. Fewer rows would mean more pages to build and write, each repeating the layout and
 * filter links.
 */
export const MATRIX_PAGE_SIZE = 200;

/** One page of a list split into pages: its number and which of the list's items it holds. */
export interface PageSlice {
  /** 1, 2, 3... */
  number: number;
  /** How many pages the list has; at least 1, so an empty list has one (empty) page. */
  count: number;
  /** Index of the page's first item in the list (0-based). */
  start: number;
  /** Index after its last item. */
  end: number;
  /** Items in the whole list. */
  total: number;
}

/** The pages of a list of `total` items, `size` to a page. */
export function pageSlices(total: number, size: number = MATRIX_PAGE_SIZE): PageSlice[] {
  const count = Math.max(1, Math.ceil(total / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    start: i * size,
    end: Math.min(total, (i + 1) * size),
    total,
  }));
}

/** A page's address: the first page at the view's own, later ones under it, `/ai-providers/page/2/`. */
export const pageUrl = (viewUrl: string, number: number) => (number === 1 ? viewUrl : `${viewUrl}page/${number}/`);

const numberFormat = new Intl.NumberFormat("en");
/** `10000` → `10,000` */
export const formatCount = (n: number) => numberFormat.format(n);

/** "Providers 201–400 of 10,000" */
export const rangeText = (slice: PageSlice) =>
  `Providers ${formatCount(slice.start + 1)}–${formatCount(slice.end)} of ${formatCount(slice.total)}`;

/**
 * The page numbers a navigation links to: the first, the last, and two either side of the
 * current one; `gap` where numbers are left out (never just one: that number is shown).
 * Ten thousand providers make 50 pages, too many links for a phone.
 */
export function pageNumbers(current: number, count: number): (number | "gap")[] {
  const kept = (n: number) => n === 1 || n === count || Math.abs(n - current) <= 2;
  const shown: (number | "gap")[] = [];
  for (let n = 1; n <= count; n++) {
    if (kept(n) || (kept(n - 1) && kept(n + 1))) shown.push(n);
    else if (shown.at(-1) !== "gap") shown.push("gap");
  }
  return shown;
}

/**
 * The navigation between a view's pages: the range this page shows, then plain links
 * (previous, page numbers with the current one marked, next). Empty for a one-page view.
 */
export function renderPagination(viewUrl: string, slice: PageSlice, label: string): string {
  if (slice.count === 1) return "";
  const hidden = (text: string) => `<span class="visually-hidden">${text}</span>`;
  const items: string[] = [];
  if (slice.number > 1)
    items.push(`<li><a href="${pageUrl(viewUrl, slice.number - 1)}" rel="prev">Previous${hidden(" page")}</a></li>`);
  for (const n of pageNumbers(slice.number, slice.count)) {
    items.push(
      n === "gap"
        ? `<li class="pagination-gap">…</li>`
        : `<li><a href="${pageUrl(viewUrl, n)}"${n === slice.number ? ` aria-current="page"` : ""}>${hidden("Page ")}${n}</a></li>`,
    );
  }
  if (slice.number < slice.count)
    items.push(`<li><a href="${pageUrl(viewUrl, slice.number + 1)}" rel="next">Next${hidden(" page")}</a></li>`);
  return (
    `<nav class="pagination" aria-label="${escapeHtml(label)}">\n` +
    `<p class="pagination-range">${rangeText(slice)}, page ${slice.number} of ${slice.count}</p>\n` +
    `<ul>${items.join("")}</ul>\n</nav>\n`
  );
}
