// axe-core in Chromium on the shipped site: WCAG 2.2 A and AA and best practice, with the search box
// mounted, on every kind of page (the home page, the matrix and its views, compare empty and with two
// providers chosen, the 404 page, and provider pages: the fewest that together show every element
// any provider page has), light and dark by the system, and one of each main kind with the theme the
// toggle chooses; and on a phone, where the matrix, the capability tables and compare become cards.
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  axeViolations,
  axeViolationsNow,
  browserSuiteRuns,
  eachSideBySide,
  reusedPages,
  sharedBrowser,
} from "../helpers/browser.ts";
import { distinctPages } from "../helpers/built-site.ts";

const accessibility = suite("accessibility");
const it = browserSuiteRuns("accessibility (axe-core)") ? accessibility : accessibility.skip;
// Registered before the shared browser's: the reused pages close before the browser might.
accessibility.after(() => reused.close());
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

const reused = reusedPages(shared.browser, watch);

/** Waits until the page is as a reader sees it: its search box mounted, compare's table filled. */
async function settled(page: Page) {
  await page.waitForSelector(".pagefind-ui__search-input");
  if (page.url().includes("?a=")) await page.waitForSelector("[data-compare-region]:not([hidden])");
}

it("axe: no violation on every kind of page, light and dark by the system, and by the toggle", async () => {
  const site = await shared.shippedSite();
  const providers = providerPages(site.urls);
  assert.ok(providers.length >= 2, `${providers.length} provider pages`);
  // Provider pages differ in their data, not their template: those that together show every element
  // (tag, classes, attributes, under its parent's) that any provider page has.
  const distinct = distinctPages(site.dir, providers);
  const [a, b] = providers.map((url) => url.split("/")[2]);
  const versionView = site.urls.find((url) => /^\/ai-providers\/version\/[^/]+\/$/.test(url));
  assert.ok(versionView, "a view for a version");
  // Each kind of page, and whether it is also checked with the theme the toggle chooses: colours are
  // written once as light-dark() pairs and the toggle only sets the root's color-scheme, so one page
  // of each main kind is enough for that.
  const checks: [string, boolean][] = [
    ["/", true],
    ["/ai-providers/", true],
    ["/ai-providers/streaming/", false],
    ["/ai-providers/capability/embeddings/", false],
    [versionView!, false],
    ["/ai-providers/compare/", true],
    [`/ai-providers/compare/?a=${a}&b=${b}`, true],
    ["/404.html", true],
    ...distinct.map((url, i): [string, boolean] => [url, i === 0]),
  ];
  const urls = checks.map(([url]) => url);
  for (const url of urls) assert.ok(site.urls.includes(url.replace(/\?.*/, "")), `${url} is built`);
  const violations: string[] = [];
  let runs = 0;
  // Two pages side by side, each in a context of its own (the toggle's choice is remembered in it,
  // and would reach another page of the same context). Each page is loaded once: the light scheme,
  // then the dark one, as the system's (the page follows the system's change as it follows it at
  // load); then the theme the toggle chooses, light over a dark system and dark over a light one;
  // then its choice is forgotten.
  await eachSideBySide(checks, async ([url, toggle], slot) => {
    const page = await reused.page({ slot });
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`${site.server.origin}${url}`);
    await settled(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      violations.push(...(await axeViolationsNow(page, `${url} (${colorScheme}, the system's)`)));
      runs++;
    }
    if (!toggle) return;
    // Light chosen where the system is dark; dark chosen where it is light.
    for (const [chosen, system] of [
      ["light", "dark"],
      ["dark", "light"],
    ] as const) {
      await page.emulateMedia({ colorScheme: system });
      await page.click("button[data-theme-toggle]");
      assert.is(await page.evaluate(() => document.documentElement.dataset.theme), chosen, url);
      violations.push(...(await axeViolationsNow(page, `${url} (${chosen}, by the toggle)`)));
      runs++;
    }
    await page.evaluate(() => localStorage.clear());
  });
  assert.is(runs, 2 * (checks.length + checks.filter(([, toggle]) => toggle).length));
  assert.equal(violations, []);
  assert.equal(errors, [], "no console error or CSP violation");
});

it("on a 390 px phone, where tables become cards, axe finds no violation on each kind of page", async () => {
  const site = await shared.shippedSite();
  const [a, b] = providerPages(site.urls).map((url) => url.split("/")[2]);
  // Two pages side by side.
  const pages = await Promise.all([0, 1].map((slot) => reused.page({ width: 390, slot })));
  const violations: string[] = [];
  const urls = [
    "/",
    "/ai-providers/",
    "/ai-providers/capability/embeddings/",
    `/ai-providers/${a}/`,
    `/ai-providers/compare/?a=${a}&b=${b}`,
  ];
  await eachSideBySide(urls, async (url, worker) => {
    const page = pages[worker]!;
    await page.goto(`${site.server.origin}${url}`);
    await settled(page);
    violations.push(...(await axeViolations(page, `${url} at 390 px`)));
  });
  assert.equal(violations, []);
  assert.equal(errors, [], "no console error or CSP violation");
});

accessibility.run();
