// The capability matrix and its views as the build publishes them, over 250 generated
// providers (more than one page) and over the shipped data (one page each).
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, projectRoot, tableRows, text, type BuiltPage } from "../helpers/build-site.ts";
import { manyProvidersDir } from "../helpers/many-providers.ts";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { MATRIX_PAGE_SIZE } from "../../src/render/matrix-pagination.ts";
import { distinctVersions } from "../../src/versions.ts";

let many: Map<string, BuiltPage> | undefined;
const manyPages = async () => (many ??= await buildSite(manyProvidersDir(250)));
/** The matrix's pages: those with its filter links. */
const matrixPages = (pages: Map<string, BuiltPage>) =>
  [...pages.values()].filter((p) => p.dom.querySelector("nav.matrix-filters"));

test(
  "250 providers: the views with more than 200 rows (all, chat, the newest version) have two pages, the others " +
    "one",
  async () => {
    const pages = await manyPages();
    const urls = matrixPages(pages).map((p) => p.url);
    const paged = urls.filter((url) => url.includes("/page/")).sort();
    assert.equal(paged, [
      "/ai-providers/capability/chat/page/2/",
      "/ai-providers/page/2/",
      "/ai-providers/version/3.13/page/2/",
    ]);
    assert.ok(
      urls.includes("/ai-providers/") &&
        urls.includes("/ai-providers/streaming/") &&
        urls.includes("/ai-providers/version/3.6/"),
    );
    const second = pages.get("/ai-providers/page/2/")!;
    assert.is(text(second.dom.querySelector("title")), "AI providers, page 2 · AI provider reference");
    assert.is(text(second.dom.querySelector("h1")), "AI providers");
    assert.is(
      second.dom.querySelector('link[rel="canonical"]')!.getAttribute("href"),
      "https://ai-provider-reference.netlify.app/ai-providers/page/2/",
    );
    assert.match(second.dom.querySelector('meta[name="description"]')!.getAttribute("content")!, / Page 2 of 2\.$/);
    assert.equal(
      tableRows(second.dom.querySelector("main table")!)
        .map((r) => r[0])
        .slice(0, 2),
      ["Provider 201", "Provider 202"],
    );
    assert.is(text(second.dom.querySelector("main nav.pagination p")), "Providers 201–250 of 250, page 2 of 2");
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
    assert.match(
      pages.get("/sitemap.xml")!.html,
      "<loc>https://ai-provider-reference.netlify.app/ai-providers/page/2/</loc>",
    );
  },
);

test("250 providers: every provider is in the matrix once, across its pages", async () => {
  const pages = await manyPages();
  const rows = ["/ai-providers/", "/ai-providers/page/2/"].flatMap((url) =>
    pages
      .get(url)!
      .dom.querySelectorAll('main tbody th[scope="row"] a')
      .map((a) => a.getAttribute("href")),
  );
  const providerPages = [...pages.keys()].filter((url) => /^\/ai-providers\/provider-\d+\/$/.test(url)).sort();
  assert.is(providerPages.length, 250);
  assert.equal([...rows].sort(), providerPages);
});

test("250 providers: html-validate reports nothing on any page of the matrix", async () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8")));
  const problems: string[] = [];
  for (const page of matrixPages(await manyPages())) {
    const report = await validator.validateString(page.html, page.url);
    for (const result of report.results)
      for (const m of result.messages) problems.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  assert.equal(problems, []);
});

test(
  "250 providers: every link on the matrix's pages leads " + "to a built page, and every #anchor to its row",
  async () => {
    const pages = await manyPages();
    const broken: string[] = [];
    let checked = 0;
    for (const page of matrixPages(pages)) {
      for (const a of page.dom.querySelectorAll("main a[href^='/']")) {
        const [pathname, hash] = a.getAttribute("href")!.split("#");
        const target = pages.get(pathname!);
        checked++;
        if (!target) broken.push(`${page.url} → ${pathname}`);
        else if (hash && !target.dom.getElementById(hash)) broken.push(`${page.url} → ${pathname}#${hash}`);
      }
    }
    assert.equal(broken, []);
    assert.ok(checked > 5000, `checked ${checked} links`);
  },
);

test("the shipped data: one page per view while it fits one page, else page navigation", async () => {
  const dir = path.join(projectRoot, "_data/providers");
  const pages = await buildSite(dir);
  const { providers } = loadRegistry(dir, { root: projectRoot });
  const matrix = matrixPages(pages);
  // Whatever the data: the matrix, a view per capability, streaming, one per version it names.
  const views = 1 + CAPABILITIES.length + 1 + distinctVersions(providers).length;
  if (providers.length <= MATRIX_PAGE_SIZE) {
    assert.is(matrix.length, views);
    assert.ok(matrix.every((p) => !p.url.includes("/page/") && !p.dom.querySelector("nav.pagination")));
  } else assert.ok(matrix.length > views);
  assert.is(text(pages.get("/ai-providers/")!.dom.querySelector("title")), "AI providers · AI provider reference");
});

test.run();
