// A large site's search index is written as several Pagefind bundles, one after another, so that
// Pagefind's process holds one at a time (src/eleventy/search-index.ts); the search box merges them
// (pages/assets/search.js). Here the shipped registry is split into bundles of 6 pages, and the
// search finds a provider from each bundle, in Chromium, under the site's CSP.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry } from "../../src/registry/load.ts";
import { providerPageUrl } from "../../src/urls.ts";
import { browserSuiteRuns, launchChromium } from "../helpers/browser.ts";
import { projectRoot } from "../helpers/build-site.ts";
import { buildWithCli } from "../helpers/built-site.ts";
import { netlifyHeaderRules } from "../helpers/netlify-headers.ts";
import { serveSite, type StaticServer } from "../helpers/static-server.ts";

const bundles = suite("search over merged bundles");
const it = browserSuiteRuns("search over merged bundles") ? bundles : bundles.skip;
const PER_BUNDLE = 6;
const providers = loadRegistry(path.join(projectRoot, "_data/providers")).providers;
let site: Promise<{ dir: string; server: StaticServer; browser: Browser }> | undefined;
const open = () =>
  (site ??= (async () => {
    const dir = await buildWithCli({ PROVIDER_SEARCH_BUNDLE_SIZE: String(PER_BUNDLE) }, "ai-provider-bundles-");
    const server = await serveSite(dir, netlifyHeaderRules());
    return { dir, server, browser: await launchChromium() };
  })());
bundles.after(async () => {
  const opened = await site?.catch(() => undefined);
  await opened?.browser.close();
  await opened?.server.close();
});

it("the index is written as one bundle per 6 pages, the others listed for the search box", async () => {
  const { dir } = await open();
  const count = Math.ceil(providers.length / PER_BUNDLE);
  assert.ok(count >= 3, `the shipped registry makes ${count} bundles`);
  const merged = JSON.parse(readFileSync(path.join(dir, "pagefind/merged-bundles.json"), "utf8"));
  assert.equal(
    merged,
    Array.from({ length: count - 1 }, (_, i) => `/pagefind/part-${i + 2}/`),
  );
  for (const bundle of ["/pagefind/", ...merged]) {
    assert.ok(readFileSync(path.join(dir, bundle, "pagefind-entry.json"), "utf8").includes('"en"'), bundle);
  }
});

it("the search box finds a provider of each bundle, with no console error", async () => {
  const { server, browser } = await open();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.origin}/`);
  await page.waitForSelector(".pagefind-ui__search-input");
  // The last provider of each bundle: the records are indexed in registry order.
  for (let end = PER_BUNDLE; end < providers.length + PER_BUNDLE; end += PER_BUNDLE) {
    const provider = providers[Math.min(end, providers.length) - 1]!;
    await page.fill(".pagefind-ui__search-input", provider.name);
    const link = `.pagefind-ui__result-link[href^="${providerPageUrl(provider)}"]`;
    await page.waitForSelector(link, { timeout: 10_000 }).catch(() => undefined);
    const found = await page
      .locator(".pagefind-ui__result-link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(
      found.some((href) => href?.startsWith(providerPageUrl(provider))),
      `"${provider.name}" (bundle ${Math.ceil(end / PER_BUNDLE)}) found: ${found.join(", ")}`,
    );
  }
  await page.close();
  assert.equal(errors, []);
});

bundles.run();
