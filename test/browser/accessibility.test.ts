// axe-core in Chromium: WCAG 2.2 A and AA and best practice, light and dark, with the search
// box mounted, on the home page, the matrix and its views, the 404 page and every provider page; and
// on a phone, where the matrix, the capability tables and compare become cards.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { providerFiles } from "../../src/registry/load.ts";
import { axeViolations, browserFixture, browserSuiteRuns } from "../helpers/browser.ts";
import { projectRoot } from "../helpers/build-site.ts";

const accessibility = suite("accessibility");
const it = browserSuiteRuns("accessibility (axe-core)") ? accessibility : accessibility.skip;
const fixture = browserFixture();
accessibility.after(fixture.close);

it("axe finds no violation in the light and dark colour schemes", async () => {
  const context = await fixture.get();
  // Every provider page, and one page of every other kind.
  const versionView = context.urls.find((url) => /^\/ai-providers\/version\/[^/]+\/$/.test(url));
  const urls = context.urls.filter(
    (url) =>
      /^\/ai-providers\/[^/]+\/$/.test(url) ||
      ["/", "/404.html", "/ai-providers/capability/embeddings/", versionView].includes(url),
  );
  const providers = providerFiles(path.join(projectRoot, "_data/providers")).length;
  assert.ok(urls.length >= providers + 4, `${urls.length} pages for ${providers} providers`);
  const violations: string[] = [];
  let runs = 0;
  // Two pages at a time; each page is loaded once and checked in both schemes.
  const queue = [...urls];
  const worker = async () => {
    const page = await context.browser.newPage();
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${context.server.origin}${url}`);
      violations.push(...(await axeViolations(page, url)));
      runs += 2;
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  assert.is(runs, urls.length * 2);
  assert.equal(violations, []);
});

it("on a 390 px phone, where tables become cards, axe finds no violation on each kind of page", async () => {
  const context = await fixture.get();
  const providers = context.urls
    .filter((url) => /^\/ai-providers\/[a-z0-9-]+\/$/.test(url) && !/\/(compare|streaming)\/$/.test(url))
    .map((url) => url.split("/")[2]!);
  const provider = `/ai-providers/${providers[0]}/`;
  const page = await context.browser.newPage({ viewport: { width: 390, height: 800 } });
  const violations: string[] = [];
  for (const url of [
    "/",
    "/ai-providers/",
    "/ai-providers/capability/embeddings/",
    provider,
    "/ai-providers/compare/",
  ]) {
    const choice = url.endsWith("compare/") ? `?a=${providers[0]}&b=${providers[1]}` : "";
    await page.goto(`${context.server.origin}${url}${choice}`);
    if (url.endsWith("compare/")) await page.waitForSelector("[data-compare-region]:not([hidden])");
    violations.push(...(await axeViolations(page, `${url} at 390 px`)));
  }
  await page.close();
  assert.equal(violations, []);
});

accessibility.run();
