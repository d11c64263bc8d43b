// The readers' outputs as the build emits them, checked against the HTML pages they twin.
import path from "node:path";
import MarkdownIt from "markdown-it";
import { parse, type HTMLElement } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { plainText } from "../../src/render/inline.ts";
import { buildSite, fixture, projectRoot, tableRows, text, type BuiltPage } from "../helpers/build-site.ts";

const markdown = new MarkdownIt();
const registries = [
  path.join(projectRoot, "_data/providers"),
  ...["every-capability-noted", "hostile-text", "notes-in-some-groups", "only-realtime", "only-video"].map(fixture),
];
const builds = new Map<string, Map<string, BuiltPage>>();
const build = async (dir: string) => builds.get(dir) ?? builds.set(dir, await buildSite(dir)).get(dir)!;

const providerPages = (pages: Map<string, BuiltPage>) =>
  [...pages.values()].filter((p) => p.dom.querySelector("main[data-pagefind-body]"));
const notesOf = (dom: HTMLElement) =>
  dom
    .querySelectorAll(".notes li")
    .map((li) => [Number(li.getAttribute("value")), text(li).replace(/ Back to note reference \d+$/, "")]);

test("every provider's JSON has the same rows, values and footnotes as its page", async () => {
  let rows = 0;
  for (const dir of registries) {
    const pages = await build(dir);
    for (const page of providerPages(pages)) {
      const json = JSON.parse(pages.get(page.url.replace(/^\/ai-providers\/(.*)\/$/, "/api/providers/$1.json"))!.html);
      assert.is(json.name, text(page.dom.querySelector("h1")));
      const htmlRows = page.dom.querySelectorAll("main tbody tr[id]").map((tr) => tr.id);
      assert.equal(
        json.capabilities.map((c: any) => c.id),
        htmlRows,
        `${page.url}: same capability rows`,
      );
      for (const c of json.capabilities) {
        const [label, routeType, streaming, model, minVersion] = tableRows(
          parse(`<table><tbody>${page.dom.getElementById(c.id)!.outerHTML}</tbody></table>`),
        )[0]!;
        assert.equal(
          [routeType, streaming, model, minVersion, label!.match(/ Note (\d+)$/)?.[1] ?? null],
          [
            c.route_type,
            c.streaming ? "Supported" : "Not supported",
            plainText(c.model_example),
            c.min_version,
            c.note ? String(c.note.number) : null,
          ],
          `${page.url}#${c.id}`,
        );
        rows++;
      }
      assert.equal(
        json.footnotes.map((f: any) => [f.number, plainText(f.text)]),
        notesOf(page.dom),
        `${page.url}: footnotes`,
      );
    }
  }
  assert.ok(rows > 100, `compared ${rows} rows`);
});

test("every provider's Markdown twin has the same tables and footnotes as its page", async () => {
  let compared = 0;
  for (const dir of registries) {
    const pages = await build(dir);
    for (const page of providerPages(pages)) {
      const twin = pages.get(`${page.url}index.md`)!;
      assert.ok(twin, `${page.url}index.md exists`);
      const rendered = parse(markdown.render(twin.html));
      const mdTables = rendered
        .querySelectorAll("table")
        .map((t) => tableRows(t).map((row) => row.map((cell) => cell.replace(/\[\^(\d+)\]$/, " Note $1"))));
      const htmlTables = page.dom.querySelectorAll("main table").map((t) => tableRows(t));
      assert.equal(mdTables, htmlTables, `${page.url}: tables`);
      const mdNotes = [...twin.html.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), plainText(m[2]!)]);
      assert.equal(mdNotes, notesOf(page.dom), `${page.url}: footnotes`);
      assert.equal(
        rendered.querySelectorAll("h1, h2, h3").map((h) => text(h)),
        page.dom.querySelectorAll("main h1, main h2, main h3").map((h) => text(h)),
        `${page.url}: headings`,
      );
      compared += htmlTables.flat().length + mdNotes.length;
    }
  }
  assert.ok(compared > 250, `compared ${compared} rows and notes`);
});

test("/api/providers.json lists every provider, each exactly as its own file", async () => {
  const pages = await build(registries[0]!);
  const all = JSON.parse(pages.get("/api/providers.json")!.html);
  const own = providerPages(pages).map((p) =>
    JSON.parse(pages.get(p.url.replace(/^\/ai-providers\/(.*)\/$/, "/api/providers/$1.json"))!.html),
  );
  assert.is(all.provider_count, own.length);
  assert.equal(all.providers.map((p: any) => p.slug).sort(), own.map((p) => p.slug).sort());
  for (const provider of all.providers)
    assert.equal(
      provider,
      own.find((p) => p.slug === provider.slug),
    );
  // The shipped data files are committed, so each has a date.
  assert.ok(
    all.providers.every((p: any) => /^\d{4}-\d\d-\d\dT/.test(p.last_updated)),
    "every shipped file has a last-updated date",
  );
});

test("llms.txt lists every provider page and its Markdown twin; the sitemap lists every page", async () => {
  const pages = await build(registries[0]!);
  const llms = pages.get("/llms.txt")!.html;
  const sitemap = pages.get("/sitemap.xml")!.html;
  const site = "https://ai-provider-reference.netlify.app";
  for (const page of providerPages(pages)) {
    assert.match(llms, `](${site}${page.url}index.md): `);
    assert.match(llms, `web page: ${site}${page.url}\n`);
    assert.match(sitemap, new RegExp(`<url><loc>${site}${page.url}</loc><lastmod>\\d{4}-`));
  }
  const htmlPages = [...pages.keys()].filter((url) => url.endsWith("/"));
  const inSitemap = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.slice(site.length));
  assert.equal(inSitemap.sort(), htmlPages.sort());
  assert.ok(!inSitemap.includes("/404.html") && pages.has("/404.html"));
});

test("provider pages: last updated, the edit link, twins linked from the page and its head, Open Graph", async () => {
  const pages = await build(registries[0]!);
  const page = pages.get("/ai-providers/openai/")!;
  const meta = page.dom.querySelector("h1 + ul.page-meta")!;
  assert.match(text(meta), /^Last updated \d{1,2} \w+ \d{4} Edit this page Markdown JSON$/);
  assert.is(
    meta.querySelector("a")!.getAttribute("href"),
    "https://github.com/example/ai-provider-reference/edit/main/_data/providers/openai.yaml",
  );
  assert.is(
    page.dom.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute("href"),
    "/ai-providers/openai/index.md",
  );
  assert.is(
    page.dom.querySelector('meta[property="og:url"]')!.getAttribute("content"),
    "https://ai-provider-reference.netlify.app/ai-providers/openai/",
  );
  assert.is(page.dom.querySelector('meta[property="og:title"]')!.getAttribute("content"), "OpenAI");
  assert.match(
    page.dom.querySelector('meta[property="og:description"]')!.getAttribute("content")!,
    "How Kong AI Gateway proxies OpenAI",
  );
  const matrix = pages.get("/ai-providers/capability/embeddings/")!;
  assert.is(text(matrix.dom.querySelector("title")), "Providers that support Embeddings · AI provider reference");
  assert.match(matrix.dom.querySelector('meta[name="description"]')!.getAttribute("content")!, "embeddings");
  assert.ok(pages.get("/404.html")!.dom.querySelector('meta[name="robots"][content="noindex"]'));
});

test("the matrix: one row per provider, cells link to the capability's row on its page", async () => {
  const pages = await build(registries[0]!);
  const index = pages.get("/ai-providers/")!;
  const rows = index.dom.querySelectorAll("tbody tr");
  assert.is(rows.length, providerPages(pages).length);
  const openai = rows.find((tr) => text(tr.querySelector("th")) === "OpenAI")!;
  const embeddings = openai.querySelectorAll("td")[2]!;
  assert.is(text(embeddings), "Supported from 3.11");
  assert.is(embeddings.querySelector("a")!.getAttribute("href"), "/ai-providers/openai/#embeddings");
  assert.ok(pages.get("/ai-providers/openai/")!.dom.getElementById("embeddings"), "the target row exists");
  // Every distinct min_version in the data has its own view.
  for (const version of ["3.6", "3.8", "3.9", "3.11", "3.13", "3.14"])
    assert.ok(pages.has(`/ai-providers/version/${version}/`), version);
});

test("the matrix's views answer their own question from the shipped data", async () => {
  const pages = await build(registries[0]!);
  const rowOf = (url: string, name: string) =>
    tableRows(pages.get(url)!.dom.querySelector("main table")!).find((row) => row[0] === name);
  assert.equal(rowOf("/ai-providers/capability/embeddings/", "OpenAI"), [
    "OpenAI",
    "3.11",
    "Not supported",
    "text-embedding-3-small",
  ]);
  const link = pages
    .get("/ai-providers/capability/embeddings/")!
    .dom.querySelectorAll("main tbody th a")
    .find((a) => text(a) === "OpenAI")!;
  assert.is(link.getAttribute("href"), "/ai-providers/openai/#embeddings");
  assert.equal(rowOf("/ai-providers/streaming/", "OpenAI"), ["OpenAI", "Chat completions, Completions, Realtime"]);
  assert.is(rowOf("/ai-providers/streaming/", "xAI"), undefined);
  assert.equal(rowOf("/ai-providers/version/3.8/", "Gemini"), [
    "Gemini",
    "Chat completions, Function calling, Files, Batches",
    "Embeddings (3.11), Image generations (3.11), Image edits (3.11), Video generations (3.13), Realtime (3.13)",
  ]);
  assert.is(rowOf("/ai-providers/version/3.8/", "Cerebras"), undefined);
  assert.match(
    text(pages.get("/ai-providers/version/3.8/")!.dom.querySelector(".matrix-summary")),
    /^8 of 17 providers work on Kong AI Gateway 3\.8; 9 need a newer version and are not shown\.$/,
  );
});

test.run();
