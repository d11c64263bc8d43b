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

/** A link in a view's page navigation, or a gap in the numbers. */
export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

/** Where a page of a view links to, as its page template reads it. */
export interface PageNavigation {
  /** This page's number, the view's page count, and the rows this page shows (from 1). */
  number: number;
  pageCount: number;
  first: number;
  last: number;
  /** The page links: the first, the last, two either side of this one; `gap` where numbers are left out. */
  pageLinks: PageLink[];
  previousUrl?: string;
  nextUrl?: string;
}

/** Where a page of a view links to: its page numbers (with gaps), the previous and the next page. */
export function pageNavigation(viewUrl: string, slice: PageSlice): PageNavigation {
  return {
    number: slice.number,
    pageCount: slice.count,
    first: slice.start + 1,
    last: slice.end,
    pageLinks: pageNumbers(slice.number, slice.count).map((n) =>
      n === "gap" ? { gap: true } : { number: n, url: pageUrl(viewUrl, n), current: n === slice.number },
    ),
    ...(slice.number > 1 ? { previousUrl: pageUrl(viewUrl, slice.number - 1) } : {}),
    ...(slice.number < slice.count ? { nextUrl: pageUrl(viewUrl, slice.number + 1) } : {}),
  };
}
