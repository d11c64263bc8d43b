/** Rows per page of the matrix and of each view: 200 full rows are about 300 KB of HTML (20 KB compressed). */
export const MATRIX_PAGE_SIZE = 200;

/** The pages of a list of `total` items, `size` to a page: number (from 1), count (at least 1), start, end, total. */
export function pageSlices(total: number, size: number = MATRIX_PAGE_SIZE) {
  const count = Math.max(1, Math.ceil(total / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    start: i * size,
    end: Math.min(total, (i + 1) * size),
    total,
  }));
}

/** One page of a list split into pages: its number and which of the list's items it holds. */
export type PageSlice = ReturnType<typeof pageSlices>[number];

/** A page's address: the first page at the view's own, later ones under it, `/ai-providers/page/2/`. */
export const pageUrl = (viewUrl: string, number: number) => (number === 1 ? viewUrl : `${viewUrl}page/${number}/`);

/** The page numbers a navigation links to: the first, the last, two either side of the current one, gaps between. */
export function pageNumbers(current: number, count: number): (number | "gap")[] {
  const kept = (n: number) => n === 1 || n === count || Math.abs(n - current) <= 2;
  const shown: (number | "gap")[] = [];
  for (let n = 1; n <= count; n++) {
    // A gap never stands for one number: that number is shown.
    if (kept(n) || (kept(n - 1) && kept(n + 1))) shown.push(n);
    else if (shown.at(-1) !== "gap") shown.push("gap");
  }
  return shown;
}

/** Where a page of a view links to: its rows (from 1), its page numbers with gaps, the previous and the next page. */
export function pageNavigation(viewUrl: string, slice: PageSlice) {
  return {
    number: slice.number,
    pageCount: slice.count,
    first: slice.start + 1,
    last: slice.end,
    pageLinks: pageNumbers(slice.number, slice.count).map((n) =>
      n === "gap" ? { gap: true as const } : { number: n, url: pageUrl(viewUrl, n), current: n === slice.number },
    ),
    ...(slice.number > 1 ? { previousUrl: pageUrl(viewUrl, slice.number - 1) } : {}),
    ...(slice.number < slice.count ? { nextUrl: pageUrl(viewUrl, slice.number + 1) } : {}),
  };
}
