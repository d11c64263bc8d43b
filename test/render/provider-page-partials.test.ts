import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SiteNavigation } from "../../src/navigation.ts";
import { pageHeadings } from "../../src/page-headings.ts";
import { providerSummary } from "../../src/provider-summary.ts";
import type { Provider } from "../../src/registry/model.ts";
import { text } from "../helpers/build-site.ts";
import { capabilityYaml, providerFrom, testSite } from "../helpers/providers.ts";
import { renderInclude } from "../helpers/templates.ts";

const provider = providerFrom(
  `name: 'Openish'\nurl_patterns: ['https://o.example.com']\nmin_version: '3.8'\n` +
    capabilityYaml("chat", { streaming: true, minVersion: "3.8" }) +
    capabilityYaml("function_calling", { minVersion: "3.11" }),
  "_data/providers/openish.yaml",
);

const summaryBox = (lastUpdated?: string) =>
  parse(
    renderInclude("provider-page/summary", {
      provider,
      site: testSite,
      summary: providerSummary(provider, testSite, lastUpdated),
    }),
  );

test("the summary box: since, plugins, capabilities, streaming, last updated, data file, twins", () => {
  const box = summaryBox("2026-01-02T23:30:00-02:00");
  const rows = box.querySelectorAll("dt").map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);
  assert.equal(rows, [
    "Supported from: Kong AI Gateway 3.8",
    "Plugins: AI Proxy AI Proxy Advanced",
    "Capabilities: 2 of 15 (what is not supported)",
    "Streaming: Chat completions",
    "Last updated: 3 January 2026",
    "Data file: _data/providers/openish.yaml (edit this page)",
    "Also as: Markdown JSON",
  ]);
  assert.is(box.querySelector("time")!.getAttribute("datetime"), "2026-01-03");
  assert.equal(
    box.querySelectorAll("a").map((a) => a.getAttribute("href")),
    [
      "https://docs.example.com/plugins/ai-proxy/",
      "https://docs.example.com/plugins/ai-proxy-advanced/",
      "#not-supported",
      "/ai-providers/openish/#chat",
      "https://git.example.com/org/repo/edit/main/_data/providers/openish.yaml",
      "/ai-providers/openish/index.md",
      "/api/providers/openish.json",
    ],
  );
  assert.ok(box.querySelector("section")!.hasAttribute("data-pagefind-ignore"), "search leaves the box out");
});

test("the summary box leaves out what is not known: no date, no version", () => {
  const box = summaryBox(undefined);
  assert.not.ok(
    box.querySelectorAll("dt").some((dt) => text(dt) === "Last updated"),
    "no date without git history",
  );
  const bare = providerFrom(`name: 'Bare'\nurl_patterns: ['https://b.example.com']\n`);
  const none = parse(
    renderInclude("provider-page/summary", {
      provider: bare,
      site: testSite,
      summary: providerSummary(bare, testSite),
    }),
  );
  const terms = none.querySelectorAll("dt").map((dt) => text(dt));
  assert.not.ok(terms.includes("Supported from"));
  assert.match(text(none), "No capability streams");
});

test("page actions: copy and view the twin, ask ChatGPT or Claude about its absolute address", () => {
  const actions = parse(
    renderInclude("provider-page/page-actions", {
      provider,
      site: testSite,
      summary: providerSummary(provider, testSite),
    }),
  );
  const links = actions.querySelectorAll("a");
  assert.equal(
    links.map((a) => text(a)),
    ["Copy page as Markdown", "View as Markdown", "Open in ChatGPT", "Open in Claude"],
  );
  assert.is(links[0]!.getAttribute("href"), "/ai-providers/openish/index.md", "without JavaScript, a link to the twin");
  assert.ok(links[0]!.hasAttribute("data-copy-page-link"));
  // With scripts, a button that copies the twin stands in its place (shown by copy.js).
  const button = actions.querySelector("button[data-copy-page]")!;
  assert.is(button.textContent, "Copy page as Markdown");
  assert.is(button.getAttribute("data-copy-page"), "/ai-providers/openish/index.md");
  assert.ok(button.hasAttribute("hidden"), "hidden until copy.js shows it");
  const question = "Read https://site.example.com/ai-providers/openish/index.md and answer my questions";
  for (const [link, origin] of [
    [links[2]!, "https://chatgpt.com/"],
    [links[3]!, "https://claude.ai/new"],
  ] as const) {
    const url = new URL(link.getAttribute("href")!);
    assert.is(`${url.origin}${url.pathname}`, origin);
    assert.match(url.searchParams.get("q")!, question);
  }
  assert.is(actions.querySelector("[data-copy-status]")!.getAttribute("role"), "status");
});

test("the sidebar marks the page's own provider; past the limit, neighbours and a letter index", () => {
  const providers = ["Alpha", "Beta", "Gamma"].map((name) => ({ name, slug: name.toLowerCase() }) as Provider);
  const all = parse(
    renderInclude("document/sidebar", {
      navigation: new SiteNavigation(providers, testSite).forProvider({ slug: "beta" }),
    }),
  );
  assert.is(all.querySelector("details")!.hasAttribute("open"), false, "closed until CSS or the reader opens it");
  assert.equal(
    all.querySelectorAll("li a").map((a) => [text(a), a.getAttribute("aria-current")]),
    [
      ["Alpha", undefined],
      ["Beta", "page"],
      ["Gamma", undefined],
    ],
  );
  assert.is(all.querySelector(".letter-index"), null);
  const some = parse(
    renderInclude("document/sidebar", {
      navigation: new SiteNavigation(providers, testSite, 2, 0).forProvider({ slug: "beta" }),
      urls: { matrix: "/ai-providers/" },
    }),
  );
  assert.equal(
    some
      .querySelectorAll("details > ul")[0]!
      .querySelectorAll("a")
      .map((a) => text(a)),
    ["Beta"],
  );
  assert.match(text(some.querySelector(".sidebar-note")), "2 of 3");
  assert.equal(
    some.querySelectorAll(".letter-index a").map((a) => [text(a), a.getAttribute("href")]),
    [
      ["Providers from A", "/ai-providers/"],
      ["Providers from B", "/ai-providers/"],
      ["Providers from G", "/ai-providers/"],
    ],
  );
});

test("breadcrumbs, previous and next, and the contents of a page", () => {
  const providers = ["Alpha", "Beta"].map((name) => ({ name, slug: name.toLowerCase() }) as Provider);
  const navigation = new SiteNavigation(providers, testSite).forProvider({ slug: "alpha" });
  const crumbs = parse(renderInclude("document/breadcrumbs", { navigation }));
  assert.equal(
    crumbs.querySelectorAll("a").map((a) => [text(a), a.getAttribute("aria-current")]),
    [
      ["Home", undefined],
      ["AI providers", undefined],
      ["Alpha", "page"],
    ],
  );
  const nav = parse(renderInclude("document/page-nav", { navigation }));
  assert.equal(
    nav.querySelectorAll("a").map((a) => [a.getAttribute("rel"), text(a)]),
    [["next", "Next provider Beta"]],
  );
  const html = '<h2 id="a">A &amp; B</h2><h3 id="b">Bee</h3>';
  const toc = parse(renderInclude("document/toc", { headings: pageHeadings(html) }));
  assert.equal(
    toc
      .querySelectorAll("li")
      .map((li) => [li.getAttribute("class"), text(li), li.querySelector("a")!.getAttribute("href")]),
    [
      ["toc-level-2", "A & B", "#a"],
      ["toc-level-3", "Bee", "#b"],
    ],
  );
});

test.run();
