// The capability matrix's pages in Chromium, over 250 generated providers so that the matrix
// and some views have more than one page: axe-core light and dark, 375 px, the page links by
// keyboard and without JavaScript, what screen readers hear; and over 1,000 providers its
// layout: the table at full height under a sticky header row and provider column, all 15
// columns at 1440 px, a card per provider at 390 px.
import type { Browser, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { axeViolations, browserSuiteRuns, launchChromium } from "../helpers/browser.ts";
import { htmlPages } from "../helpers/built-site.ts";
import { builtSiteOfMany } from "../helpers/many-providers.ts";
import { netlifyHeaderRules } from "../helpers/netlify-headers.ts";
import { serveSite, type StaticServer } from "../helpers/static-server.ts";

const pages = suite("matrix pages");
const it = browserSuiteRuns("matrix pages (axe-core, 375 px, keyboard)") ? pages : pages.skip;

let ready: Promise<{ browser: Browser; server: StaticServer; urls: string[] }> | undefined;
const fixture = () =>
  (ready ??= (async () => {
    const dir = await builtSiteOfMany(250);
    const server = await serveSite(dir, netlifyHeaderRules());
    const urls = htmlPages(dir)
      .map((p) => p.url)
      .filter((url) => /^\/ai-providers\/(page|capability|streaming|version)\/|^\/ai-providers\/$/.test(url));
    return { browser: await launchChromium(), server, urls };
  })());
/** The 1,000-provider build (shared with the readers suite and the page-size budget), served beside it. */
let thousand: Promise<StaticServer> | undefined;
const thousandServer = () => (thousand ??= builtSiteOfMany(1000).then((dir) => serveSite(dir, netlifyHeaderRules())));
pages.after(async () => {
  const context = await ready?.catch(() => undefined);
  await context?.browser.close();
  await context?.server.close();
  await (await thousand?.catch(() => undefined))?.close();
});

/** Console errors (CSP violations among them) on any page this suite opens. */
const errors: string[] = [];
async function open(
  url: string,
  options: { width?: number; colorScheme?: "light" | "dark"; javaScript?: boolean; of1000?: boolean } = {},
): Promise<Page> {
  const { browser } = await fixture();
  const server = options.of1000 ? await thousandServer() : (await fixture()).server;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  page.on("console", (message) => message.type() === "error" && errors.push(`${page.url()}: ${message.text()}`));
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  const response = await page.goto(`${server.origin}${url}`);
  assert.is(response?.status(), 200, url);
  return page;
}
const close = (page: Page) => page.context().close();

it("the build has the pages: the matrix, chat and the newest version on two pages each", async () => {
  const { urls } = await fixture();
  assert.equal(urls.filter((url) => url.includes("/page/")).sort(), [
    "/ai-providers/capability/chat/page/2/",
    "/ai-providers/page/2/",
    "/ai-providers/version/3.13/page/2/",
  ]);
});

it(
  "axe finds no violation on a later page of the matrix, " + "of a capability and of a version, light and dark",
  async () => {
    // The accessibility suite checks the shipped site's views, the streaming one among them.
    const violations: string[] = [];
    for (const url of [
      "/ai-providers/page/2/",
      "/ai-providers/capability/chat/page/2/",
      "/ai-providers/version/3.13/page/2/",
    ]) {
      const page = await open(url);
      violations.push(...(await axeViolations(page, url)));
      await close(page);
    }
    assert.equal(violations, []);
  },
);

it("at 375 px no page of the matrix scrolls sideways, and the page links wrap", async () => {
  const { urls } = await fixture();
  const page = await open("/ai-providers/", { width: 375 });
  for (const url of urls) {
    await page.goto(`${(await fixture()).server.origin}${url}`);
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      regions: [...document.querySelectorAll(".matrix-region, nav.pagination")].map(
        (r) => r.getBoundingClientRect().right,
      ),
    }));
    assert.ok(layout.page <= 375, `${url}: the page is ${layout.page}px wide`);
    for (const right of layout.regions) assert.ok(right <= 375, `${url}: a region ends at ${right}px`);
  }
  await close(page);
});

it("the page links work by keyboard: Tab reaches them with a visible focus, Enter follows them", async () => {
  const page = await open("/ai-providers/");
  let focused = "";
  for (let i = 0; i < 60 && focused !== "Next page"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() =>
      document.activeElement?.closest("nav.pagination") ? document.activeElement.textContent!.trim() : "",
    );
  }
  assert.is(focused, "Next page");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  });
  assert.ok(outline, "the focused page link shows its outline");
  await Promise.all([page.waitForURL(/\/ai-providers\/page\/2\/$/), page.keyboard.press("Enter")]);
  assert.equal(await page.locator('nav.pagination a[aria-current="page"]').allTextContents(), ["Page 2"]);
  assert.equal(await page.locator("main tbody th").first().textContent(), "Provider 201");
  await close(page);
});

it("without JavaScript the page and filter links are plain links that work", async () => {
  const page = await open("/ai-providers/capability/chat/", { javaScript: false });
  await Promise.all([page.waitForURL(/\/capability\/chat\/page\/2\/$/), page.click("nav.pagination a[rel=next]")]);
  assert.is(await page.locator("nav.pagination p").textContent(), "Providers 201–250 of 250, page 2 of 2");
  await Promise.all([page.waitForURL(/\/version\/3\.6\/$/), page.click("nav.matrix-filters >> text=3.6")]);
  assert.match((await page.locator(".matrix-summary").textContent())!, /need a newer version and are not shown\.$/);
  await close(page);
});

it("the matrix and a view scroll with the page: the header row sticks to the top, the names to the left", async () => {
  for (const [url, width] of [
    ["/ai-providers/page/3/", 1024],
    ["/ai-providers/capability/chat/", 375],
  ] as const) {
    // The full matrix's page of 1,000 providers; a view of 250.
    const page = await open(url, { width, of1000: url.includes("/page/") });
    const box = await page.evaluate(() => {
      const region = document.querySelector(".matrix-region")!;
      const style = getComputedStyle(region);
      return { overflow: `${style.overflowX} ${style.overflowY}`, inner: region.scrollHeight - region.clientHeight };
    });
    assert.is(box.overflow, "visible visible", `${url}: no inner scroll box`);
    assert.is(box.inner, 0, `${url}: the region is as tall as its table`);
    // Down into the rows, and (where the table is wider than the window) sideways.
    await page.evaluate(() =>
      window.scrollTo(400, document.querySelector(".matrix tbody")!.getBoundingClientRect().top + 2000),
    );
    const after = await page.evaluate(() => {
      const rows = [...document.querySelectorAll(".matrix tbody tr")];
      const inView = rows.find((row) => row.getBoundingClientRect().top > 150)!;
      return {
        scrolled: [window.scrollX, window.scrollY],
        head: document.querySelector(".matrix thead")!.getBoundingClientRect().top,
        name: inView.querySelector("th")!.getBoundingClientRect().left,
        last: rows.at(-1)!.getBoundingClientRect().bottom,
        pageBottom: document.documentElement.scrollHeight - window.scrollY,
      };
    });
    assert.ok(after.scrolled[1]! > 1000, `${url}: the page scrolled down (${after.scrolled})`);
    assert.ok(Math.abs(after.head) < 1, `${url}: the header row sits at the top of the window (${after.head})`);
    if (url.includes("/page/")) {
      assert.ok(after.scrolled[0]! > 0, "the full matrix is wider than 1024 px: the page scrolled sideways");
      assert.ok(Math.abs(after.name) < 1, `the provider column sits at the left edge (${after.name})`);
    }
    assert.ok(after.last <= after.pageBottom, `${url}: the last row is on the page, not cut`);
    await close(page);
  }
});

it("at 1440 px the full matrix shows all 15 capability columns without scrolling sideways", async () => {
  const page = await open("/ai-providers/", { width: 1440, of1000: true });
  const layout = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    columns: [...document.querySelectorAll(".matrix thead tr:last-child th")].map(
      (th) => th.getBoundingClientRect().right,
    ),
  }));
  assert.ok(layout.page <= 1440, `the page is ${layout.page}px wide`);
  assert.is(layout.columns.length, 15);
  for (const right of layout.columns) assert.ok(right <= 1440, `a column ends at ${right}px`);
  await close(page);
});

it("on a 390 px phone the full matrix is a card per provider, each capability labelled as its column", async () => {
  const page = await open("/ai-providers/", { width: 390, of1000: true });
  const card = await page.evaluate(() => {
    const row = document.querySelector(".matrix tbody tr")!;
    const heads = [...document.querySelectorAll(".matrix thead tr:last-child th")];
    return {
      width: row.getBoundingClientRect().width,
      labels: [...row.querySelectorAll("td")].map((td) => getComputedStyle(td, "::after").content),
      headers: heads.map((th) => (th.querySelector(".visually-hidden") ?? th).textContent),
    };
  });
  assert.ok(card.width <= 390, `a card is ${card.width}px wide`);
  // The drawn label is the column's full label (the alternative text after the slash is empty).
  assert.equal(
    card.labels.map((c) => /^"([^"]*)"/.exec(c)?.[1]),
    card.headers,
  );
  await close(page);
});

it("the marks are drawn, and screen readers hear the words instead", async () => {
  const page = await open("/ai-providers/page/2/");
  const cells = await page.evaluate(() => {
    const row = document.querySelector("main tbody tr")!;
    const supported = row.querySelector("td a")!;
    const unsupported = row.querySelector("td.mark-no")!;
    return {
      tick: getComputedStyle(supported, "::before").content,
      cross: getComputedStyle(unsupported, "::before").content,
      words: getComputedStyle(unsupported.querySelector("span")!).width,
    };
  });
  assert.match(cells.tick, /^"✓"/);
  assert.match(cells.cross, /^"✗"/);
  assert.is(cells.words, "1px", "the words for screen readers take no room");
  const snapshot = await page.locator("main tbody tr").first().ariaSnapshot();
  assert.match(snapshot, /cell "Supported from [\d.]+(, streaming)?"/);
  assert.match(snapshot, /cell "Not supported"/);
  assert.not.match(snapshot, /[✓✗]/);
  await close(page);
  assert.equal(errors, []);
});

pages.run();
