import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { matrixPageWords, renderMatrixPage } from "../helpers/templates.ts";
import { CapabilityMatrix, matrixViews } from "../../src/render/matrix.ts";
import type { Provider } from "../../src/registry/model.ts";
import { tableRows, text } from "../helpers/build-site.ts";
import { capabilityYaml, providerFrom } from "../helpers/providers.ts";

/** One provider's row of the full matrix, as the matrix's first page renders it. */
const renderMatrixRow = (provider: Provider) => {
  const html = renderMatrixPage(new CapabilityMatrix([provider]), "/ai-providers/");
  return html.slice(html.indexOf("<tbody>") + "<tbody>".length, html.indexOf("</tbody>"));
};

const head = (name: string, minVersion?: string) =>
  `name: '${name}'\nurl_patterns: ['https://${name.toLowerCase().replace(/\W/g, "")}.example.com']\n` +
  `${minVersion ? `min_version: '${minVersion}'\n` : ""}`;

const openish = providerFrom(
  head("Openish", "3.6") +
    capabilityYaml("chat", { streaming: true, minVersion: "3.6", modelExample: "gpt-ish" }) +
    capabilityYaml("embeddings", {
      minVersion: "3.11",
      modelExample: "[embed-ish](https://models.example.com/embed)",
    }) +
    capabilityYaml("files", { minVersion: "n/a" }) +
    capabilityYaml("audio.speech", { streaming: true, minVersion: "3.13" }),
);
const later = providerFrom(
  head("Later & Labs", "3.11") + capabilityYaml("chat", { minVersion: "3.11", modelExample: "labs-<1>" }),
);
const unknown = providerFrom(head("Unknown") + capabilityYaml("realtime", { streaming: true, minVersion: "n/a" }));

const cells = (row: string) => parse(`<table><tbody>${row}</tbody></table>`).querySelectorAll("td");

test(
  "a row of the full matrix: the provider's name links to its page, then one cell per capability in catalogue " +
    "order",
  () => {
    const row = parse(`<table><tbody>${renderMatrixRow(openish)}</tbody></table>`);
    assert.is(row.querySelector('th[scope="row"] a')!.getAttribute("href"), "/ai-providers/openish/");
    assert.is(row.querySelectorAll("td").length, CAPABILITIES.length);
    const byColumn = Object.fromEntries(CAPABILITIES.map((c, i) => [c.key, row.querySelectorAll("td")[i]!]));
    // Screen readers hear the meaning; the ✓ and ✗ are drawn by the style sheet.
    assert.is(text(byColumn.chat), "Supported from 3.6, streaming");
    assert.is(byColumn.chat!.querySelector("a")!.getAttribute("href"), "/ai-providers/openish/#chat");
    assert.is(text(byColumn.embeddings), "Supported from 3.11");
    assert.is(
      byColumn["audio.speech"]!.querySelector("a")!.getAttribute("href"),
      "/ai-providers/openish/#audio-speech",
    );
    // `n/a` means "no separate minimum": the provider's own.
    assert.is(text(byColumn.files), "Supported from 3.6");
    assert.is(text(byColumn.completions), "Not supported");
    assert.is(byColumn.completions!.getAttribute("class"), "mark-no");
    assert.is(byColumn.completions!.querySelector("a"), null);
    // The words for screen readers are the cell's <span>s; the visible "streaming" is not one.
    assert.equal(
      byColumn.chat!.querySelectorAll("span").map((s) => s.text),
      ["Supported from", ","],
    );
    assert.is(byColumn.chat!.querySelector("small")!.text, "streaming");
    assert.not.match(renderMatrixRow(openish), /[✓✗]/);
  },
);

test("a capability with no known version says only that it is supported; names are escaped", () => {
  const row = cells(renderMatrixRow(unknown));
  assert.is(text(row[CAPABILITIES.findIndex((c) => c.key === "realtime")]), "Supported, streaming");
  assert.match(renderMatrixRow(later), ">Later &amp; Labs</a>");
});

test("the views: all, one per capability, streaming, one per version in the data", () => {
  const views = matrixViews(["3.6", "3.11"]);
  assert.equal(
    views.map((v) => v.url),
    [
      "/ai-providers/",
      ...CAPABILITIES.map((c) => `/ai-providers/capability/${c.id}/`),
      "/ai-providers/streaming/",
      "/ai-providers/version/3.6/",
      "/ai-providers/version/3.11/",
    ],
  );
  const matrix = new CapabilityMatrix([later, openish]);
  assert.is(
    matrixPageWords(matrix, "/ai-providers/capability/chat/", "Gateway").heading,
    "Providers that support Chat completions",
  );
  assert.is(
    matrixPageWords(matrix, matrix.views.at(-1)!.url, "Gateway").heading,
    `Providers on Gateway ${matrix.views.at(-1)!.label}`,
  );
  assert.match(
    parse(renderMatrixPage(matrix, "/ai-providers/streaming/")).querySelector("h1")!.text,
    "Providers that stream responses",
  );
});

const matrix = new CapabilityMatrix([later, openish, unknown]);
const page = (url: string) => parse(renderMatrixPage(matrix, url));
const rows = (url: string) => tableRows(page(url).querySelector("table")!);
const rowNames = (url: string) => rows(url).map((row) => row[0]);
const headers = (url: string) =>
  page(url)
    .querySelectorAll('thead th[scope="col"]')
    .map((th) => text(th));

test("few providers: one page per view, at the view's own address, with no page links", () => {
  assert.equal(
    matrix.pages.map((p) => p.url),
    matrix.views.map((v) => v.url),
  );
  assert.equal(matrixPageWords(matrix, "/ai-providers/", "Example & Co"), {
    heading: "AI providers",
    title: "AI providers",
    description:
      "Every AI provider Example &amp; Co can proxy and which of the 15 capabilities each supports, from which " +
      "gateway version, with or without streaming.",
  });
  for (const { url } of matrix.pages) assert.is(page(url).querySelector("nav.pagination"), null, url);
});

test("the whole matrix: every provider, a caption, grouped column headers, row headers, filter links", () => {
  const dom = page("/ai-providers/");
  assert.equal(rowNames("/ai-providers/"), ["Later & Labs", "Openish", "Unknown"]);
  assert.is(text(dom.querySelector("caption")), "AI providers");
  assert.is(dom.querySelector("table")!.getAttribute("class"), "matrix matrix-grid");
  assert.is(dom.querySelector(".matrix-region")!.getAttribute("aria-labelledby"), "matrix-caption");
  assert.is(text(dom.querySelector(".matrix-summary")), "All 3 providers against the 15 capabilities.");
  assert.equal(
    dom.querySelectorAll('thead th[scope="colgroup"]').map((th) => [text(th), th.getAttribute("colspan") ?? "1"]),
    [
      ["Text generation", "3"],
      ["Advanced text generation", "1"],
      ["Processing", "4"],
      ["Audio", "3"],
      ["Image", "2"],
      ["Video", "1"],
      ["Realtime", "1"],
    ],
  );
  assert.equal(headers("/ai-providers/"), ["Provider", ...CAPABILITIES.map((c) => c.label)]);
  assert.is(dom.querySelectorAll('tbody th[scope="row"]').length, 3);
  const current = dom.querySelectorAll('.matrix-filters a[aria-current="page"]');
  assert.equal(
    current.map((a) => a.getAttribute("href")),
    ["/ai-providers/"],
  );
  assert.equal(
    dom
      .querySelectorAll(".matrix-filters a")
      .map((a) => a.getAttribute("href"))
      .sort(),
    matrix.views.map((v) => v.url).sort(),
  );
});

test(
  "a capability's view: a row per provider supporting it, linked to the capability, with version, streaming and " +
    "model",
  () => {
    const url = "/ai-providers/capability/chat/";
    assert.equal(headers(url), ["Provider", "Min version", "Streaming", "Model example"]);
    assert.equal(rows(url), [
      ["Later & Labs", "3.11", "Not supported", "labs-<1>"],
      ["Openish", "3.6", "Supported", "gpt-ish"],
    ]);
    assert.match(renderMatrixPage(matrix, url), "<td>labs-&lt;1&gt;</td>");
    const dom = page(url);
    assert.equal(
      dom.querySelectorAll('tbody th[scope="row"] a').map((a) => a.getAttribute("href")),
      ["/ai-providers/later-labs/#chat", "/ai-providers/openish/#chat"],
    );
    // The streaming column: a mark drawn by the style sheet, and words for screen readers.
    assert.equal(
      dom.querySelectorAll("tbody td:nth-child(3)").map((td) => td.getAttribute("class")),
      ["mark-no", "mark-yes"],
    );
    assert.is(text(dom.querySelector(".matrix-summary")), "2 of 3 providers support Chat completions.");
    assert.is(text(dom.querySelector("caption")), "Providers that support Chat completions");
    assert.is(dom.querySelector("table")!.getAttribute("class"), "matrix matrix-list");
    // Model examples are inline Markdown.
    const embeddings = page("/ai-providers/capability/embeddings/");
    assert.is(
      embeddings.querySelector("tbody td:last-child a")!.getAttribute("href"),
      "https://models.example.com/embed",
    );
    // `n/a` reads as the provider's version; with none known, the data's own words.
    assert.equal(rows("/ai-providers/capability/files/"), [["Openish", "3.6", "Not supported", "model-files"]]);
    assert.equal(rows("/ai-providers/capability/realtime/"), [["Unknown", "n/a", "Supported", "model-realtime"]]);
    const empty = page("/ai-providers/capability/image-edits/");
    assert.is(empty.querySelector("table"), null);
    assert.is(text(empty.querySelectorAll("p").at(-1)), "No provider supports Image edits yet.");
  },
);

test(
  "the streaming view: a row per provider that streams, " + "with the capabilities that do, each linked to its row",
  () => {
    const url = "/ai-providers/streaming/";
    assert.equal(headers(url), ["Provider", "Capabilities that stream"]);
    assert.equal(rows(url), [
      ["Openish", "Chat completions, Speech"],
      ["Unknown", "Realtime"],
    ]);
    const dom = page(url);
    assert.equal(
      dom.querySelectorAll("tbody th a").map((a) => a.getAttribute("href")),
      ["/ai-providers/openish/", "/ai-providers/unknown/"],
    );
    assert.equal(
      dom.querySelectorAll("tbody td a").map((a) => a.getAttribute("href")),
      ["/ai-providers/openish/#chat", "/ai-providers/openish/#audio-speech", "/ai-providers/unknown/#realtime"],
    );
    assert.is(
      text(dom.querySelector(".matrix-summary")),
      "2 of 3 providers stream responses for at least one capability.",
    );
  },
);

test(
  "a version's view: providers that work on it, what they offer there, what needs a newer version, and how many " +
    "are hidden",
  () => {
    assert.equal(
      matrix.views.filter((v) => v.filter.kind === "version").map((v) => v.label),
      ["3.6", "3.11", "3.13"],
    );
    assert.equal(headers("/ai-providers/version/3.6/"), ["Provider", "Available on 3.6", "Needs a newer version"]);
    // Unknown has no known version, so no view hides it; Later & Labs needs 3.11.
    assert.equal(rows("/ai-providers/version/3.6/"), [
      ["Openish", "Chat completions, Files", "Embeddings (3.11), Speech (3.13)"],
      ["Unknown", "Realtime", "None"],
    ]);
    assert.is(
      text(page("/ai-providers/version/3.6/").querySelector(".matrix-summary")),
      "2 of 3 providers work on Kong AI Gateway 3.6; 1 needs a newer version and is not shown.",
    );
    assert.equal(rows("/ai-providers/version/3.11/"), [
      ["Later & Labs", "Chat completions", "None"],
      ["Openish", "Chat completions, Embeddings, Files", "Speech (3.13)"],
      ["Unknown", "Realtime", "None"],
    ]);
    assert.equal(
      rows("/ai-providers/version/3.13/").map((r) => r[2]),
      ["None", "None", "None"],
    );
    assert.is(
      text(page("/ai-providers/version/3.13/").querySelector(".matrix-summary")),
      "3 of 3 providers work on Kong AI Gateway 3.13.",
    );
    assert.equal(
      page("/ai-providers/version/3.11/")
        .querySelectorAll("tbody th a")
        .map((a) => a.getAttribute("href")),
      ["/ai-providers/later-labs/", "/ai-providers/openish/", "/ai-providers/unknown/"],
    );
  },
);

test("a page that does not exist stops the build", () => {
  assert.throws(
    () => renderMatrixPage(matrix, "/ai-providers/nothing/"),
    /No page of the capability matrix is at \/ai-providers\/nothing\//,
  );
  assert.throws(
    () => renderMatrixPage(matrix, "/ai-providers/page/2/"),
    /No page of the capability matrix is at \/ai-providers\/page\/2\//,
  );
});

test.run();
