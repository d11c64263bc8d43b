// The capability matrix and its views as the build publishes them, over the generated registry of
// 1,000 providers (the one large build the site and browser suites share): views of more than a page
// and a view of one. The shipped data's matrix: test/site/matrix-pages.test.ts.
import path from "node:path";
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { MATRIX_PAGE_SIZE } from "../../src/render/matrix-pagination.ts";
import { projectRoot, tableRows, text, type BuiltPage } from "../helpers/build-site.ts";
import { builtPages } from "../helpers/built-site.ts";
import { builtSiteOfMany, MANY_PROVIDERS, manyProviders } from "../helpers/many-providers.ts";

let many: Map<string, BuiltPage> | undefined;
// The shared build of the generated registry starts now, beside the suites that run before this one.
builtSiteOfMany();
const manyPages = async () => (many ??= builtPages(await builtSiteOfMany()));
/** The matrix's pages: those with its filter links (a provider's page is not parsed for this). */
const matrixPages = (pages: Map<string, BuiltPage>) =>
  [...pages.values()].filter(
    (p) =>
      /^\/ai-providers\/((page|capability|streaming|version)\/.*)?$/.test(p.url) &&
      p.dom.querySelector("nav.matrix-filters"),
  );
/** A view's address: its first page's. */
const viewOf = (url: string) => url.replace(/page\/\d+\/$/, "");
/** The providers' rows on a page of the matrix. */
const rowsOf = (page: BuiltPage) => page.dom.querySelectorAll('main tbody th[scope="row"]').length;
const pagesFor = (rows: number) => Math.max(1, Math.ceil(rows / MATRIX_PAGE_SIZE));
const count = (n: number) => n.toLocaleString("en-US");

test(
  "1,000 providers: each view has as many pages as its rows need, 200 rows a page; a view with fewer than 200 " +
    "rows (realtime) has one",
  async () => {
    const pages = await manyPages();
    const views = new Map<string, BuiltPage[]>();
    for (const page of matrixPages(pages)) views.set(viewOf(page.url), [...(views.get(viewOf(page.url)) ?? []), page]);
    const { providers } = loadRegistry(manyProviders(), { root: projectRoot });
    assert.is(providers.length, MANY_PROVIDERS);
    // Every view: the matrix, a view per capability, streaming, one per version.
    assert.ok(views.size > 1 + CAPABILITIES.length + 1, `${views.size} views`);
    let paged = 0;
    for (const [view, its] of views) {
      const numbered = its.map((p) => p.url).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
      const rows = numbered.map((url) => rowsOf(pages.get(url)!));
      const total = rows.reduce((a, b) => a + b, 0);
      assert.equal(numbered, [view, ...Array.from({ length: its.length - 1 }, (_, i) => `${view}page/${i + 2}/`)]);
      assert.is(its.length, pagesFor(total), `${view}: ${its.length} pages for ${total} rows`);
      assert.ok(
        rows.slice(0, -1).every((r) => r === MATRIX_PAGE_SIZE),
        `${view}: ${MATRIX_PAGE_SIZE} rows on each page but the last (${rows})`,
      );
      if (its.length > 1) paged++;
      // A capability's view: the providers that support it.
      const capability = CAPABILITIES.find((c) => view === `/ai-providers/capability/${c.id}/`);
      if (capability) {
        const supporting = providers.filter((p) => p.capabilities.some((c) => c.key === capability.key)).length;
        assert.is(total, supporting, view);
      }
    }
    const full = views.get("/ai-providers/")!.map(rowsOf);
    assert.is(
      full.reduce((a, b) => a + b, 0),
      MANY_PROVIDERS,
      "the full matrix: every provider",
    );
    assert.is(views.get("/ai-providers/capability/realtime/")!.length, 1, "realtime: one page");
    assert.ok(paged > 3, `${paged} views of several pages`);
    assert.ok(views.has("/ai-providers/streaming/") && views.has("/ai-providers/version/3.6/"));

    const last = pagesFor(MANY_PROVIDERS);
    const second = pages.get("/ai-providers/page/2/")!;
    assert.is(text(second.dom.querySelector("title")), "AI providers, page 2 · AI provider reference");
    assert.is(text(second.dom.querySelector("h1")), "AI providers");
    assert.is(
      second.dom.querySelector('link[rel="canonical"]')!.getAttribute("href"),
      "https://ai-provider-reference.netlify.app/ai-providers/page/2/",
    );
    assert.match(
      second.dom.querySelector('meta[name="description"]')!.getAttribute("content")!,
      new RegExp(` Page 2 of ${last}\\.$`),
    );
    assert.equal(
      tableRows(second.dom.querySelector("main table")!)
        .map((r) => r[0])
        .slice(0, 2),
      ["Provider 201", "Provider 202"],
    );
    assert.is(
      text(second.dom.querySelector("main nav.pagination p")),
      `Providers 201–400 of ${count(MANY_PROVIDERS)}, page 2 of ${last}`,
    );
    assert.equal(
      second.dom.querySelectorAll('main nav.pagination a[aria-current="page"]').map((a) => a.getAttribute("href")),
      ["/ai-providers/page/2/"],
    );
    assert.is(
      text(pages.get("/ai-providers/capability/chat/")!.dom.querySelector("title")),
      "Providers with Chat completions, page 1 · AI provider reference",
    );
    assert.is(
      text(pages.get("/ai-providers/capability/chat/")!.dom.querySelector("h1")),
      "Providers that support Chat completions",
    );
    // The sitemap lists every page of the matrix.
    const sitemap = pages.get("/sitemap.xml")!.html;
    for (const page of matrixPages(pages))
      assert.match(sitemap, `<loc>https://ai-provider-reference.netlify.app${page.url}</loc>`);
  },
);

test("1,000 providers: every provider is in the matrix once, across its pages", async () => {
  const pages = await manyPages();
  const full = matrixPages(pages).filter((p) => viewOf(p.url) === "/ai-providers/");
  const rows = full.flatMap((page) =>
    page.dom.querySelectorAll('main tbody th[scope="row"] a').map((a) => a.getAttribute("href")),
  );
  const providerPages = [...pages.keys()].filter((url) => /^\/ai-providers\/provider-\d+\/$/.test(url)).sort();
  assert.is(providerPages.length, MANY_PROVIDERS);
  assert.equal([...rows].sort(), providerPages);
});

test("1,000 providers: html-validate reports nothing on the pages of the matrix", async () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8")));
  const problems: string[] = [];
  // Every view's first page, and every page of the full matrix (first, middle and last page links): a
  // view's later pages differ from its first only in which generated rows they hold.
  const validated = matrixPages(await manyPages()).filter(
    (page) => !page.url.includes("/page/") || page.url.startsWith("/ai-providers/page/"),
  );
  assert.ok(validated.length > 20, `${validated.length} pages`);
  for (const page of validated) {
    const report = await validator.validateString(page.html, page.url);
    for (const result of report.results)
      for (const m of result.messages) problems.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  assert.equal(problems, []);
});

test(
  "1,000 providers: every link on the matrix's pages leads " + "to a built page, and every #anchor to its row",
  async () => {
    const pages = await manyPages();
    // The ids of a page's elements, read from its start tags: a thousand provider pages are not parsed for this.
    const ids = new Map<string, Set<string>>();
    const idsOf = (page: BuiltPage) => {
      let found = ids.get(page.url);
      if (!found)
        ids.set(
          page.url,
          (found = new Set([...page.html.matchAll(/<[a-z][a-z0-9]*(?:\s[^>]*?)?\sid="([^"]+)"/g)].map((m) => m[1]!))),
        );
      return found;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of matrixPages(pages)) {
      for (const a of page.dom.querySelectorAll("main a[href^='/']")) {
        const [pathname, hash] = a.getAttribute("href")!.split("#");
        const target = pages.get(pathname!);
        checked++;
        if (!target) broken.push(`${page.url} → ${pathname}`);
        else if (hash && !idsOf(target).has(hash)) broken.push(`${page.url} → ${pathname}#${hash}`);
      }
    }
    assert.equal(broken, []);
    assert.ok(checked > 5000, `checked ${checked} links`);
  },
);

test.run();
