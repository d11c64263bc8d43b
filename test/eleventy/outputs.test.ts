// The readers' outputs as the build emits them, checked against the HTML pages they twin.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileHistoryAsync } from "../../src/file-history.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { buildSite, fixture, tableRows, text, type BuiltPage } from "../helpers/build-site.ts";
import { providerPages, twinsAgree } from "../helpers/registry-invariants.ts";

// Exact facts come from the matrix-views fixture (three providers whose versions and streaming
// are chosen to exercise every view); the shipped data is checked for invariants only
// (test/shipped-data.test.ts).
const views = fixture("matrix-views");
const registries = [
  views,
  ...["every-capability-noted", "hostile-text", "notes-in-some-groups", "only-realtime", "only-video"].map(fixture),
];
const builds = new Map<string, Map<string, BuiltPage>>();
const build = async (dir: string) => builds.get(dir) ?? builds.set(dir, await buildSite(dir)).get(dir)!;

test(
  "every provider's JSON and Markdown twin have the same " + "rows, values, footnotes and headings as its page",
  async () => {
    for (const dir of registries) {
      const compared = { rows: 0, links: 0 };
      const pages = await build(dir);
      assert.equal(twinsAgree(pages, compared), [], path.basename(dir));
      const capabilities = loadRegistry(dir).providers.reduce((sum, p) => sum + p.capabilities.length, 0);
      assert.ok(compared.rows >= 2 * capabilities, `${path.basename(dir)}: compared ${compared.rows} rows`);
    }
  },
);

test("llms.txt lists every provider page and its Markdown twin; the sitemap lists every page", async () => {
  const pages = await build(views);
  const llms = pages.get("/llms.txt")!.html;
  const sitemap = pages.get("/sitemap.xml")!.html;
  const site = "https://ai-provider-reference.netlify.app";
  const history = await readFileHistoryAsync(views);
  for (const page of providerPages(pages)) {
    assert.match(llms, `](${site}${page.url}index.md): `);
    assert.match(llms, `web page: ${site}${page.url}\n`);
    // A date only where git knows it (the fixture may be uncommitted, or the clone shallow).
    const known = history.lastCommitted(`${page.url.split("/")[2]}.yaml`);
    assert.match(sitemap, `<url><loc>${site}${page.url}</loc>${known ? `<lastmod>${known.slice(0, 10)}` : "</url>"}`);
  }
  const htmlPages = [...pages.keys()].filter((url) => url.endsWith("/"));
  const inSitemap = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.slice(site.length));
  assert.equal(inSitemap.sort(), htmlPages.sort());
  assert.ok(!inSitemap.includes("/404.html") && pages.has("/404.html"));
});

test("provider pages: last updated, the edit link, twins linked from the page and its head, Open Graph", async () => {
  const pages = await build(views);
  const page = pages.get("/ai-providers/alpha-ai/")!;
  const meta = page.dom.querySelector("h1 + section.summary")!;
  const history = await readFileHistoryAsync(views);
  const known = history.lastCommitted("alpha-ai.yaml");
  // A date only where git knows one; nothing at all where it does not.
  const terms = meta.querySelectorAll("dt").map((dt) => text(dt));
  assert.is(terms.includes("Last updated"), known !== undefined, terms.join(", "));
  assert.ok(terms.includes("Data file") && terms.includes("Also as"), terms.join(", "));
  assert.equal(
    meta.querySelectorAll("a[type]").map((a) => a.getAttribute("href")),
    ["/ai-providers/alpha-ai/index.md", "/api/providers/alpha-ai.json"],
  );
  assert.is(
    meta.querySelector("a[href*='/edit/']")!.getAttribute("href"),
    "https://github.com/example/ai-provider-reference/edit/main/test/fixtures/matrix-views/alpha-ai.yaml",
  );
  assert.is(
    page.dom.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute("href"),
    "/ai-providers/alpha-ai/index.md",
  );
  assert.is(
    page.dom.querySelector('meta[property="og:url"]')!.getAttribute("content"),
    "https://ai-provider-reference.netlify.app/ai-providers/alpha-ai/",
  );
  assert.is(page.dom.querySelector('meta[property="og:title"]')!.getAttribute("content"), "Alpha AI");
  assert.match(
    page.dom.querySelector('meta[property="og:description"]')!.getAttribute("content")!,
    "How Kong AI Gateway proxies Alpha AI",
  );
  const matrix = pages.get("/ai-providers/capability/embeddings/")!;
  assert.is(text(matrix.dom.querySelector("title")), "Providers that support Embeddings · AI provider reference");
  assert.match(matrix.dom.querySelector('meta[name="description"]')!.getAttribute("content")!, "embeddings");
  assert.ok(pages.get("/404.html")!.dom.querySelector('meta[name="robots"][content="noindex"]'));
});

test("the matrix: one row per provider, cells link to the capability's row on its page", async () => {
  const pages = await build(views);
  const index = pages.get("/ai-providers/")!;
  const rows = index.dom.querySelectorAll("tbody tr");
  assert.is(rows.length, 3);
  const alpha = rows.find((tr) => text(tr.querySelector("th")) === "Alpha AI")!;
  const embeddings = alpha.querySelectorAll("td")[2]!;
  assert.is(text(embeddings), "Supported from 3.11");
  assert.is(embeddings.querySelector("a")!.getAttribute("href"), "/ai-providers/alpha-ai/#embeddings");
  assert.ok(pages.get("/ai-providers/alpha-ai/")!.dom.getElementById("embeddings"), "the target row exists");
  // Every distinct min_version in the data has its own view, and no other version has one.
  const versionViews = [...pages.keys()].filter((url) => /^\/ai-providers\/version\/[^/]+\/$/.test(url)).sort();
  assert.equal(
    versionViews,
    ["3.11", "3.13", "3.6", "3.8"].map((v) => `/ai-providers/version/${v}/`),
  );
});

test("the matrix's views answer their own question", async () => {
  const pages = await build(views);
  const rowOf = (url: string, name: string) =>
    tableRows(pages.get(url)!.dom.querySelector("main table")!).find((row) => row[0] === name);
  assert.equal(rowOf("/ai-providers/capability/embeddings/", "Alpha AI"), [
    "Alpha AI",
    "3.11",
    "Not supported",
    "alpha-embed-1",
  ]);
  const link = pages
    .get("/ai-providers/capability/embeddings/")!
    .dom.querySelectorAll("main tbody th a")
    .find((a) => text(a) === "Alpha AI")!;
  assert.is(link.getAttribute("href"), "/ai-providers/alpha-ai/#embeddings");
  assert.equal(rowOf("/ai-providers/streaming/", "Alpha AI"), ["Alpha AI", "Chat completions, Completions, Realtime"]);
  assert.is(rowOf("/ai-providers/streaming/", "Gamma AI"), undefined);
  assert.equal(rowOf("/ai-providers/version/3.8/", "Beta AI"), [
    "Beta AI",
    "Chat completions, Function calling, Files, Batches",
    "Embeddings (3.11), Image generations (3.11), Video generations (3.13)",
  ]);
  assert.is(rowOf("/ai-providers/version/3.8/", "Gamma AI"), undefined);
  assert.match(
    text(pages.get("/ai-providers/version/3.8/")!.dom.querySelector(".matrix-summary")),
    /^2 of 3 providers work on Kong AI Gateway 3\.8; 1 needs a newer version and is not shown\.$/,
  );
});

test.run();
