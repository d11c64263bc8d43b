import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderInclude } from "../helpers/templates.ts";
import { text } from "../helpers/build-site.ts";
import { capabilityYaml, providerFrom, testSite } from "../helpers/providers.ts";
import { parse } from "node-html-parser";

/** The line under the heading, from `_includes/provider-page/page-meta.liquid`. */
const renderProviderPageMeta = (
  provider: ReturnType<typeof providerFrom>,
  site: typeof testSite,
  history: { available: boolean; lastUpdated?: string },
) => renderInclude("provider-page/page-meta", { provider, site, history, updated: history.lastUpdated ?? "" });

const provider = providerFrom(
  `name: 'Openish'\nurl_patterns: ['https://o.example.com']\n${capabilityYaml("chat")}`,
  "_data/providers/openish.yaml",
);

test("under the heading: last updated, a link to edit the data file, the Markdown and JSON twins", () => {
  const meta = parse(
    renderProviderPageMeta(provider, testSite, { available: true, lastUpdated: "2026-01-02T23:30:00-02:00" }),
  );
  assert.equal(
    meta.querySelectorAll("li").map((li) => text(li)),
    ["Last updated 3 January 2026", "Edit this page", "Markdown", "JSON"],
  );
  assert.is(meta.querySelector("time")!.getAttribute("datetime"), "2026-01-03");
  assert.equal(
    meta.querySelectorAll("a").map((a) => a.getAttribute("href")),
    [
      "https://git.example.com/org/repo/edit/main/_data/providers/openish.yaml",
      "/ai-providers/openish/index.md",
      "/api/providers/openish.json",
    ],
  );
  assert.ok(meta.querySelector("ul")!.hasAttribute("data-pagefind-ignore"), "search leaves the line out");
});

test("a file never committed says so; without git history the date is left out", () => {
  const fresh = parse(renderProviderPageMeta(provider, testSite, { available: true }));
  assert.is(text(fresh.querySelector("li")), "Not yet committed");
  const none = parse(renderProviderPageMeta(provider, testSite, { available: false }));
  assert.is(text(none.querySelector("li")), "Edit this page");
  const odd = parse(renderProviderPageMeta(provider, testSite, { available: true, lastUpdated: "not a date" }));
  assert.is(text(odd.querySelector("li")), "Last updated not a date");
});

test.run();
