// axe-core in Chromium on the shipped site: WCAG 2.2 A and AA and best practice, with the search box
// mounted, on every kind of page (the home page, the matrix and its views, compare empty and with two
// providers chosen, the 404 page, and provider pages: the fewest that together show every element
// any provider page has), light and dark, each by the system and chosen with the toggle; and on a
// phone, where the matrix, the capability tables and compare become cards.
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { axeViolations, axeViolationsNow, browserSuiteRuns, sharedBrowser } from "../helpers/browser.ts";
import { distinctPages } from "../helpers/built-site.ts";

const accessibility = suite("accessibility");
const it = browserSuiteRuns("accessibility (axe-core)") ? accessibility : accessibility.skip;
const shared = sharedBrowser(accessibility);

/** The providers' pages among the site's pages, in name order. */
const providerPages = (urls: string[]) =>
  urls.filter((url) => /^\/ai-providers\/[a-z0-9-]+\/$/.test(url) && !/\/(compare|streaming)\/$/.test(url)).sort();

/** Console errors and CSP violations on any page this suite opens. */
const errors: string[] = [];
function watch(page: Page): Page {
  page.on("console", (message) => message.type() === "error" && errors.push(`${page.url()}: ${message.text()}`));
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Waits until the page is as a reader sees it: its search box mounted, compare's table filled. */
async function settled(page: Page) {
  await page.waitForSelector(".pagefind-ui__search-input");
  if (page.url().includes("?a=")) await page.waitForSelector("[data-compare-region]:not([hidden])");
}

it("axe: no violation on every kind of page, light and dark, by the system and by the toggle", async () => {
  const site = await shared.shippedSite();
  const browser = await shared.browser();
  const providers = providerPages(site.urls);
  assert.ok(providers.length >= 2, `${providers.length} provider pages`);
  // Provider pages differ in their data, not their template: those that together show every element
  // (tag, classes, attributes, under its parent's) that any provider page has.
  const distinct = distinctPages(site.dir, providers);
  const [a, b] = providers.map((url) => url.split("/")[2]);
  const versionView = site.urls.find((url) => /^\/ai-providers\/version\/[^/]+\/$/.test(url));
  assert.ok(versionView, "a view for a version");
  const urls = [
    "/",
    "/ai-providers/",
    "/ai-providers/streaming/",
    "/ai-providers/capability/embeddings/",
    versionView!,
    "/ai-providers/compare/",
    `/ai-providers/compare/?a=${a}&b=${b}`,
    "/404.html",
    ...distinct,
  ];
  for (const url of urls) assert.ok(site.urls.includes(url.replace(/\?.*/, "")), `${url} is built`);
  const violations: string[] = [];
  let runs = 0;
  // The light and the dark scheme side by side, each in a context of its own (the toggle's choice is
  // remembered in it), each page loaded once and checked as the system shows it and as the toggle turns it.
  const scheme = async (colorScheme: "light" | "dark") => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
    const page = watch(await context.newPage());
    for (const url of urls) {
      await page.goto(`${site.server.origin}${url}`);
      await settled(page);
      violations.push(...(await axeViolationsNow(page, `${url} (${colorScheme}, the system's)`)));
      // The other theme, chosen with the toggle rather than by the system.
      await page.click("button[data-theme-toggle]");
      const chosen = colorScheme === "light" ? "dark" : "light";
      assert.is(await page.evaluate(() => document.documentElement.dataset.theme), chosen, url);
      violations.push(...(await axeViolationsNow(page, `${url} (${chosen}, by the toggle)`)));
      // Forget the choice: the next page follows the system again.
      await page.evaluate(() => localStorage.clear());
      runs += 2;
    }
    await context.close();
  };
  await Promise.all([scheme("light"), scheme("dark")]);
  assert.is(runs, urls.length * 4);
  assert.equal(violations, []);
  assert.equal(errors, [], "no console error or CSP violation");
});

it("on a 390 px phone, where tables become cards, axe finds no violation on each kind of page", async () => {
  const site = await shared.shippedSite();
  const [a, b] = providerPages(site.urls).map((url) => url.split("/")[2]);
  const page = watch(await (await shared.browser()).newPage({ viewport: { width: 390, height: 800 } }));
  const violations: string[] = [];
  for (const url of [
    "/",
    "/ai-providers/",
    "/ai-providers/capability/embeddings/",
    `/ai-providers/${a}/`,
    `/ai-providers/compare/?a=${a}&b=${b}`,
  ]) {
    await page.goto(`${site.server.origin}${url}`);
    await settled(page);
    violations.push(...(await axeViolations(page, `${url} at 390 px`)));
  }
  await page.close();
  assert.equal(violations, []);
  assert.equal(errors, [], "no console error or CSP violation");
});

accessibility.run();
