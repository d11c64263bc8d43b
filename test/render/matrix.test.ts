import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { CapabilityMatrix, matrixViews, renderMatrixRow } from "../../src/render/matrix.ts";
import { text } from "../helpers/build-site.ts";
import { capabilityYaml, providerFrom } from "../helpers/providers.ts";

const head = (name: string, minVersion?: string) =>
  `name: '${name}'\nurl_patterns: ['https://${name.toLowerCase().replace(/\W/g, "")}.example.com']\n${minVersion ? `min_version: '${minVersion}'\n` : ""}`;

const openish = providerFrom(
  head("Openish", "3.6") +
    capabilityYaml("chat", { streaming: true, minVersion: "3.6" }) +
    capabilityYaml("embeddings", { minVersion: "3.11" }) +
    capabilityYaml("files", { minVersion: "n/a" }) +
    capabilityYaml("audio.speech", { minVersion: "3.13" }),
);
const later = providerFrom(head("Later & Labs", "3.11") + capabilityYaml("chat", { minVersion: "3.11" }));
const unknown = providerFrom(head("Unknown") + capabilityYaml("realtime", { streaming: true, minVersion: "n/a" }));

const cells = (row: string) => parse(`<table><tbody>${row}</tbody></table>`).querySelectorAll("td");

test("a row: the provider's name links to its page, then one cell per capability in catalogue order", () => {
  const row = parse(`<table><tbody>${renderMatrixRow(openish)}</tbody></table>`);
  assert.is(row.querySelector("th a")!.getAttribute("href"), "/ai-providers/openish/");
  assert.is(row.querySelectorAll("td").length, CAPABILITIES.length);
  const byColumn = Object.fromEntries(CAPABILITIES.map((c, i) => [c.key, row.querySelectorAll("td")[i]!]));
  // Screen readers hear the meaning; the ✓ is hidden from them.
  assert.is(text(byColumn.chat), "Supported from 3.6, streaming");
  assert.is(byColumn.chat!.querySelector("a")!.getAttribute("href"), "/ai-providers/openish/#chat");
  assert.is(text(byColumn.embeddings), "Supported from 3.11");
  assert.is(byColumn["audio.speech"]!.querySelector("a")!.getAttribute("href"), "/ai-providers/openish/#audio-speech");
  // `n/a` means "no separate minimum": the provider's own.
  assert.is(text(byColumn.files), "Supported from 3.6");
  assert.is(text(byColumn.completions), "Not supported");
  assert.is(byColumn.completions!.querySelector("a"), null);
  assert.match(byColumn.chat!.innerHTML, '<span class="mark mark-yes" aria-hidden="true">✓</span>');
});

test("a capability with no known version says only that it is supported; names are escaped", () => {
  const row = cells(renderMatrixRow(unknown));
  assert.is(text(row[CAPABILITIES.findIndex((c) => c.key === "realtime")]), "Supported, streaming");
  assert.match(renderMatrixRow(later), ">Later &amp; Labs</a>");
});

test("on a version's view, a capability that needs a newer version says which", () => {
  const row = cells(renderMatrixRow(openish, "3.11"));
  const at = (key: string) => row[CAPABILITIES.findIndex((c) => c.key === key)]!;
  assert.is(text(at("audio.speech")), "needs 3.13");
  assert.is(at("audio.speech").querySelector("a")!.getAttribute("href"), "/ai-providers/openish/#audio-speech");
  assert.is(text(at("embeddings")), "Supported from 3.11");
});

test("the views: all, one per capability, streaming, one per version in the data", () => {
  const views = matrixViews(["3.6", "3.11"], "Gateway");
  assert.equal(views.map((v) => v.url), [
    "/ai-providers/",
    ...CAPABILITIES.map((c) => `/ai-providers/capability/${c.id}/`),
    "/ai-providers/streaming/",
    "/ai-providers/version/3.6/",
    "/ai-providers/version/3.11/",
  ]);
  assert.is(views.find((v) => v.url === "/ai-providers/capability/audio-speech/")!.title, "Providers that support Speech");
  assert.is(views.at(-1)!.title, "Providers on Gateway 3.11");
});

const matrix = new CapabilityMatrix([later, openish, unknown], "Kong AI Gateway");
const page = (url: string) => parse(matrix.render(url));
const rowNames = (url: string) => page(url).querySelectorAll("tbody th").map((th) => text(th));

test("the whole matrix: every provider, a caption, grouped column headers, filter links", () => {
  const dom = page("/ai-providers/");
  assert.equal(rowNames("/ai-providers/"), ["Later & Labs", "Openish", "Unknown"]);
  assert.is(text(dom.querySelector("caption")), "AI providers");
  assert.is(dom.querySelector(".matrix-scroll")!.getAttribute("aria-labelledby"), "matrix-caption");
  assert.is(text(dom.querySelector(".matrix-summary")), "All 3 providers against the 15 capabilities.");
  assert.equal(dom.querySelectorAll('thead th[scope="colgroup"]').map((th) => [text(th), th.getAttribute("colspan") ?? "1"]), [
    ["Text generation", "3"], ["Advanced text generation", "1"], ["Processing", "4"], ["Audio", "3"], ["Image", "2"], ["Video", "1"], ["Realtime", "1"],
  ]);
  assert.equal(dom.querySelectorAll('thead th[scope="col"]').map((th) => text(th)), ["Provider", ...CAPABILITIES.map((c) => c.label)]);
  const current = dom.querySelectorAll('.matrix-filters a[aria-current="page"]');
  assert.equal(current.map((a) => a.getAttribute("href")), ["/ai-providers/"]);
  assert.equal(dom.querySelectorAll(".matrix-filters a").map((a) => a.getAttribute("href")).sort(), matrix.views.map((v) => v.url).sort());
});

test("a capability's view shows only the providers that support it, and marks its column", () => {
  assert.equal(rowNames("/ai-providers/capability/chat/"), ["Later & Labs", "Openish"]);
  assert.equal(rowNames("/ai-providers/capability/audio-speech/"), ["Openish"]);
  assert.is(text(page("/ai-providers/capability/chat/").querySelector(".matrix-summary")), "2 of 3 providers support Chat completions.");
  const cols = page("/ai-providers/capability/embeddings/").querySelectorAll("col");
  assert.equal(cols.map((c) => c.getAttribute("class") ?? ""), ["", "", "", "current", ...Array(12).fill("")]);
  const empty = page("/ai-providers/capability/image-edits/");
  assert.is(empty.querySelector("table"), null);
  assert.is(text(empty.querySelectorAll("p").at(-1)), "No provider supports Image edits yet.");
});

test("the streaming view shows the providers that stream at least one capability", () => {
  assert.equal(rowNames("/ai-providers/streaming/"), ["Openish", "Unknown"]);
});

test("a version's view hides providers that need a newer version and marks later capabilities", () => {
  assert.equal(matrix.views.filter((v) => v.filter.kind === "version").map((v) => v.label), ["3.6", "3.11", "3.13"]);
  // Unknown has no known version, so no view hides it.
  assert.equal(rowNames("/ai-providers/version/3.6/"), ["Openish", "Unknown"]);
  assert.equal(rowNames("/ai-providers/version/3.11/"), ["Later & Labs", "Openish", "Unknown"]);
  const dom = page("/ai-providers/version/3.6/");
  assert.match(text(dom.querySelector(".matrix-summary")), "2 of 3 providers work on Kong AI Gateway 3.6; 1 needs a newer version and is not shown.");
  assert.equal(dom.querySelectorAll("td.later").map((td) => text(td)), ["needs 3.11", "needs 3.13"]);
  // On the newest version nothing is later.
  assert.equal(page("/ai-providers/version/3.13/").querySelectorAll("td.later").length, 0);
});

test("a view that does not exist, and a provider whose page would sit on a view, stop the build", () => {
  assert.throws(() => matrix.render("/ai-providers/nothing/"), /No view of the capability matrix is at \/ai-providers\/nothing\//);
  const streaming = providerFrom(head("Streaming") + capabilityYaml("chat"), "_data/providers/streaming.yaml");
  assert.throws(() => new CapabilityMatrix([streaming], "G"), /_data\/providers\/streaming.yaml: the provider "Streaming" would have its page at \/ai-providers\/streaming\//);
});

test.run();
