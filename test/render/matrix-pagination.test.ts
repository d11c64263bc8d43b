import { parse, type HTMLElement } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { matrixPageWords, renderInclude, renderMatrixPage } from "../helpers/templates.ts";
import { CapabilityMatrix } from "../../src/render/matrix.ts";
import { compareVersions } from "../../src/versions.ts";
import {
  MATRIX_PAGE_SIZE,
  pageNavigation,
  pageNumbers,
  pageSlices,
  pageUrl,
  type PageSlice,
} from "../../src/render/matrix-pagination.ts";
import { tableRows, text } from "../helpers/build-site.ts";
import { generatedProviderYaml } from "../helpers/many-providers.ts";
import { providerFrom } from "../helpers/providers.ts";

test("page slices: fixed size, the last page holds the rest, an empty list has one empty page", () => {
  assert.equal(
    pageSlices(450, 200).map((s) => [s.number, s.count, s.start, s.end, s.total]),
    [
      [1, 3, 0, 200, 450],
      [2, 3, 200, 400, 450],
      [3, 3, 400, 450, 450],
    ],
  );
  assert.equal(pageSlices(200, 200).length, 1);
  assert.equal(pageSlices(201, 200).length, 2);
  assert.equal(
    pageSlices(0, 200).map((s) => [s.number, s.count, s.start, s.end]),
    [[1, 1, 0, 0]],
  );
});

test("page addresses: the first at the view's own, later ones under page/<n>/", () => {
  assert.is(pageUrl("/ai-providers/", 1), "/ai-providers/");
  assert.is(pageUrl("/ai-providers/", 2), "/ai-providers/page/2/");
  assert.is(pageUrl("/ai-providers/version/3.11/", 7), "/ai-providers/version/3.11/page/7/");
});

test("page numbers: the first, the last, two either side of the current, a gap for the rest", () => {
  assert.equal(pageNumbers(1, 1), [1]);
  assert.equal(pageNumbers(1, 50), [1, 2, 3, "gap", 50]);
  assert.equal(pageNumbers(25, 50), [1, "gap", 23, 24, 25, 26, 27, "gap", 50]);
  assert.equal(pageNumbers(4, 50), [1, 2, 3, 4, 5, 6, "gap", 50]);
  // A gap never stands for a single page.
  assert.equal(pageNumbers(1, 5), [1, 2, 3, 4, 5]);
  assert.equal(pageNumbers(5, 9), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(pageNumbers(5, 10), [1, 2, 3, 4, 5, 6, 7, "gap", 10]);
  assert.equal(pageNumbers(50, 50), [1, "gap", 48, 49, 50]);
});

/** The page navigation of one page of a view, from `_includes/matrix/pagination.liquid`. */
const renderPagination = (viewUrl: string, slice: PageSlice) =>
  renderInclude("matrix/pagination", { matrixPage: { count: slice.total, ...pageNavigation(viewUrl, slice) } });

test("the page navigation: a labelled nav with the range, plain links, the current page marked", () => {
  assert.is(renderPagination("/ai-providers/", pageSlices(150, 200)[0]!), "");
  const nav = parse(renderPagination("/ai-providers/", pageSlices(10_000, 200)[24]!)).querySelector("nav")!;
  assert.is(nav.getAttribute("aria-label"), "Pages");
  assert.is(text(nav.querySelector("p")), "Providers 4,801–5,000 of 10,000, page 25 of 50");
  const links = nav.querySelectorAll("a");
  assert.equal(
    links.map((a) => [text(a), a.getAttribute("href")]),
    [
      ["Previous page", "/ai-providers/page/24/"],
      ["Page 1", "/ai-providers/"],
      ["Page 23", "/ai-providers/page/23/"],
      ["Page 24", "/ai-providers/page/24/"],
      ["Page 25", "/ai-providers/page/25/"],
      ["Page 26", "/ai-providers/page/26/"],
      ["Page 27", "/ai-providers/page/27/"],
      ["Page 50", "/ai-providers/page/50/"],
      ["Next page", "/ai-providers/page/26/"],
    ],
  );
  assert.equal(
    nav.querySelectorAll('[aria-current="page"]').map((a) => text(a)),
    ["Page 25"],
  );
  assert.equal(
    links.map((a) => a.getAttribute("rel") ?? ""),
    ["prev", "", "", "", "", "", "", "", "next"],
  );
  assert.equal(
    nav.querySelectorAll(".pagination-gap").map((li) => li.text),
    ["…", "…"],
  );
  // The first page has no "Previous", the last no "Next".
  const first = parse(renderPagination("/x/", pageSlices(450, 200)[0]!));
  assert.equal(
    first.querySelectorAll("a").map((a) => text(a)),
    ["Page 1", "Page 2", "Page 3", "Next page"],
  );
  const last = parse(renderPagination("/x/", pageSlices(450, 200)[2]!));
  assert.equal(
    last.querySelectorAll("a").map((a) => text(a)),
    ["Previous page", "Page 1", "Page 2", "Page 3"],
  );
  assert.is(text(last.querySelector("p")), "Providers 401–450 of 450, page 3 of 3");
});

// 250 generated providers: more than one page of the matrix at the real page size.
const providers = Array.from({ length: 250 }, (_, i) =>
  providerFrom(generatedProviderYaml(i + 1), `_data/providers/provider-${i + 1}.yaml`),
);
const matrix = new CapabilityMatrix(providers);
const dom = (url: string) => parse(renderMatrixPage(matrix, url));
const pagesOf = (viewUrl: string) => matrix.pages.filter((p) => p.viewUrl === viewUrl);
const rowsOf = (page: HTMLElement) => tableRows(page.querySelector("table")!);

test(`the whole matrix at ${MATRIX_PAGE_SIZE} a page: two pages, every provider exactly once, in order`, () => {
  assert.is(MATRIX_PAGE_SIZE, 200);
  const pages = pagesOf("/ai-providers/");
  assert.equal(
    pages.map((p) => [p.url, matrixPageWords(matrix, p.url).heading, matrixPageWords(matrix, p.url).title]),
    [
      ["/ai-providers/", "AI providers", "AI providers, page 1"],
      ["/ai-providers/page/2/", "AI providers", "AI providers, page 2"],
    ],
  );
  assert.match(matrixPageWords(matrix, pages[1]!.url).description!, / Page 2 of 2\.$/);
  const names = pages.flatMap((p) => rowsOf(dom(p.url)).map((row) => row[0]));
  assert.equal(
    names,
    providers.map((p) => p.name),
  );
  assert.equal(
    pages.map((p) => rowsOf(dom(p.url)).length),
    [200, 50],
  );
  // Each page: the full 15 columns, a caption with its range, the navigation.
  const second = dom("/ai-providers/page/2/");
  assert.is(rowsOf(second)[0]!.length, 1 + CAPABILITIES.length);
  assert.is(text(second.querySelector("caption")), "AI providers: providers 201–250 of 250");
  assert.is(text(second.querySelector("nav.pagination p")), "Providers 201–250 of 250, page 2 of 2");
  assert.equal(
    second
      .querySelectorAll("nav.pagination a")
      .map((a) => [text(a), a.getAttribute("href"), a.getAttribute("aria-current") ?? ""]),
    [
      ["Previous page", "/ai-providers/", ""],
      ["Page 1", "/ai-providers/", ""],
      ["Page 2", "/ai-providers/page/2/", "page"],
    ],
  );
  assert.equal(
    dom("/ai-providers/")
      .querySelectorAll("nav.pagination a")
      .map((a) => [text(a), a.getAttribute("aria-current") ?? ""]),
    [
      ["Page 1", "page"],
      ["Page 2", ""],
      ["Next page", ""],
    ],
  );
  // The filters stay on later pages; there the current view's link leads back to its first page.
  assert.equal(second.querySelectorAll(".matrix-filters a").length, matrix.views.length);
  assert.equal(
    second
      .querySelectorAll(".matrix-filters a[aria-current]")
      .map((a) => [a.getAttribute("href"), a.getAttribute("aria-current")]),
    [["/ai-providers/", "true"]],
  );
  assert.is(text(second.querySelector(".matrix-summary")), "All 250 providers against the 15 capabilities.");
});

test(
  "at a smaller page size every view pages the same way, " + "and every row appears exactly once across its pages",
  () => {
    const small = new CapabilityMatrix(providers, 30);
    for (const view of small.views) {
      const pages = small.pages.filter((p) => p.viewUrl === view.url);
      const rows = pages.flatMap((p, i) => {
        const page = parse(renderMatrixPage(small, p.url));
        const nav = page.querySelector("nav.pagination");
        if (pages.length === 1) assert.is(nav, null, p.url);
        else {
          assert.equal(
            nav!.querySelectorAll('[aria-current="page"]').map((a) => a.getAttribute("href")),
            [p.url],
          );
          assert.is(p.url, i === 0 ? view.url : `${view.url}page/${i + 1}/`);
          const shortTitle = matrixPageWords(small, view.url).title!.replace(/, page 1$/, "");
          assert.is(matrixPageWords(small, p.url).title, `${shortTitle}, page ${i + 1}`);
        }
        const table = page.querySelector("table");
        const rows = table ? tableRows(table) : [];
        assert.ok(rows.length <= 30 && (i === pages.length - 1 || rows.length === 30), `${p.url}: ${rows.length} rows`);
        return page.querySelectorAll('tbody th[scope="row"] a').map((a) => a.getAttribute("href")!);
      });
      const { filter } = view;
      const expected =
        filter.kind === "all" || filter.kind === "streaming" || filter.kind === "version"
          ? providers
              .filter((p) => filter.kind !== "streaming" || p.capabilities.some((c) => c.streaming))
              .filter((p) => filter.kind !== "version" || compareVersions(p.minVersion!, filter.version) <= 0)
              .map((p) => `/ai-providers/${p.slug}/`)
          : providers.flatMap((p) =>
              p.capabilities.filter((c) => c.key === filter.capability).map((c) => `/ai-providers/${p.slug}/#${c.id}`),
            );
      assert.equal(rows, expected, view.url);
      assert.is(new Set(rows).size, rows.length, `${view.url}: no row twice`);
    }
  },
);

test("a page's title, with the site's name after it, stays within 70 characters even on page 50", () => {
  const long = matrix.views
    .map(
      (v) =>
        `${matrixPageWords(matrix, v.url, undefined, { number: 50, pageCount: 50 }).title} · AI provider reference`,
    )
    .filter((title) => title.length > 70);
  assert.equal(long, []);
  assert.is(
    matrixPageWords(matrix, pagesOf("/ai-providers/capability/chat/")[1]!.url).title,
    "Providers with Chat completions, page 2",
  );
});

test(
  "a long view: the range counts the view's own rows, gaps in the page links, hidden providers counted on every " +
    "page",
  () => {
    const small = new CapabilityMatrix(providers, 10);
    const chat = small.pages.filter((p) => p.viewUrl === "/ai-providers/capability/chat/");
    assert.is(chat.length, 25);
    const middle = parse(renderMatrixPage(small, "/ai-providers/capability/chat/page/12/"));
    assert.is(text(middle.querySelector("nav.pagination p")), "Providers 111–120 of 250, page 12 of 25");
    assert.equal(
      middle.querySelectorAll("nav.pagination li").map((li) => text(li)),
      [
        "Previous page",
        "Page 1",
        "…",
        "Page 10",
        "Page 11",
        "Page 12",
        "Page 13",
        "Page 14",
        "…",
        "Page 25",
        "Next page",
      ],
    );
    assert.equal(rowsOf(middle)[0], ["Provider 111", "3.13", "Supported", "model-111-chat"]);
    const hidden = providers.filter((p) => p.minVersion !== "3.6").length;
    for (const url of ["/ai-providers/version/3.6/", "/ai-providers/version/3.6/page/3/"]) {
      assert.is(
        text(parse(renderMatrixPage(small, url)).querySelector(".matrix-summary")),
        `${250 - hidden} of 250 providers work on Kong AI Gateway 3.6; ${hidden} need a newer version and are ` +
          `not shown.`,
      );
    }
  },
);

test.run();
