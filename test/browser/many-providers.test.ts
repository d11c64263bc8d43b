// The site over the generated registry of 1,000 providers (the one large build the site and browser
// suites share) in Chromium: axe-core on a provider page, the home page, compare and later pages of
// the matrix and its views, light and dark, by the system and by the toggle; the matrix's pages at
// 375 px, its page links by keyboard and without JavaScript, what screen readers hear; its layout:
// the table at full height under a sticky header row and provider column, all 15 columns at 1440
// px, a card per provider at 390 px; and a provider page's sidebar (neighbours, not the thousand) on
// a phone. None of it reads the shipped data: the writer scenario does not run it again.
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MATRIX_PAGE_SIZE } from "../../src/render/matrix-pagination.ts";
import {
  axeViolationsNow,
  browserSuiteRuns,
  eachSideBySide,
  type PageKind,
  reusedPages,
  sharedBrowser,
} from "../helpers/browser.ts";
import { distinctPages } from "../helpers/built-site.ts";
import { builtSiteOfMany, MANY_PROVIDERS } from "../helpers/many-providers.ts";

const pages = suite("many providers");
const it = browserSuiteRuns("many providers (axe-core, 375 px, keyboard, layout)") ? pages : pages.skip;
// Registered before the shared browser's: the reused pages close before the browser might.
pages.after(() => reused.close());
const shared = sharedBrowser(pages);
// The shared build of the generated registry starts now, beside the suites that run before this one.
builtSiteOfMany();
/** The generated registry's site, and its matrix's pages (every view, every page of each). */
const fixture = async () => {
  const site = await shared.manyProvidersSite();
  const urls = site.urls.filter((url) =>
    /^\/ai-providers\/(page|capability|streaming|version)\/|^\/ai-providers\/$/.test(url),
  );
  return { ...site, urls };
};
/** The matrix's pages at 1,000 providers: the full matrix's. */
const MATRIX_PAGES = Math.ceil(MANY_PROVIDERS / MATRIX_PAGE_SIZE);

/** Console errors (CSP violations among them) on any page this suite opens. */
const errors: string[] = [];
const reused = reusedPages(shared.browser, (page) => {
  page.on("console", (message) => message.type() === "error" && errors.push(`${page.url()}: ${message.text()}`));
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
});
/** A page of the kind asked for (reused: see reusedPages) with `url` loaded. */
async function open(url: string, kind: PageKind = {}): Promise<Page> {
  const { server } = await fixture();
  const page = await reused.page(kind);
  const response = await page.goto(`${server.origin}${url}`);
  assert.is(response?.status(), 200, url);
  return page;
}
/** Done with a page: it stays open for the next test that asks for its kind, its theme the system's. */
const close = (page: Page) => page.evaluate(() => localStorage.clear()).catch(() => {});

it("the build has the pages: every page of the full matrix, later pages of chat and the newest version", async () => {
  const { urls } = await fixture();
  const full = urls.filter((url) => /^\/ai-providers\/(page\/\d+\/)?$/.test(url)).sort();
  assert.equal(full, [
    "/ai-providers/",
    ...Array.from({ length: MATRIX_PAGES - 1 }, (_, i) => `/ai-providers/page/${i + 2}/`),
  ]);
  for (const url of ["/ai-providers/capability/chat/page/2/", "/ai-providers/version/3.13/page/2/"])
    assert.ok(urls.includes(url), url);
});

it(
  "axe: no violation on a provider page, the home page, compare and later pages of the matrix and its views, " +
    "light and dark (and on the first three with the theme the toggle chooses)",
  async () => {
    // The accessibility suite checks every kind of page of the shipped site, the streaming view among them.
    // Later pages of the full matrix, of a capability's view and of a version's: the fewest that show every
    // element any of them shows (the version's page shows none the other two do not, today).
    const { dir } = await fixture();
    const later = distinctPages(dir, [
      "/ai-providers/page/2/",
      "/ai-providers/capability/chat/page/2/",
      "/ai-providers/version/3.13/page/2/",
    ]);
    // The toggle only sets the root's color-scheme (colours are light-dark() pairs): not on the
    // 200-row pages, each of which takes axe seconds.
    const checks: [string, boolean][] = [
      ["/ai-providers/provider-500/", true],
      ["/", true],
      ["/ai-providers/compare/?a=provider-001&b=provider-002", true],
      ...later.map((url): [string, boolean] => [url, false]),
    ];
    const violations: string[] = [];
    // The light and the dark scheme side by side, each in a context of its own.
    const scheme = async (colorScheme: "light" | "dark") => {
      for (const [url, toggle] of checks) {
        const page = await open(url, { colorScheme });
        await page.waitForSelector(".pagefind-ui__search-input");
        if (url.includes("?a=")) await page.waitForSelector("[data-compare-region]:not([hidden])");
        violations.push(...(await axeViolationsNow(page, `${url} (${colorScheme}, the system's)`)));
        if (toggle) {
          // The other theme, chosen with the toggle rather than by the system.
          await page.click("button[data-theme-toggle]");
          const chosen = colorScheme === "light" ? "dark" : "light";
          assert.is(await page.evaluate(() => document.documentElement.dataset.theme), chosen, url);
          violations.push(...(await axeViolationsNow(page, `${url} (${chosen}, by the toggle)`)));
        }
        await close(page);
      }
    };
    await Promise.all([scheme("light"), scheme("dark")]);
    assert.equal(violations, []);
  },
);

it("at 375 px no page of the matrix scrolls sideways, and the page links wrap", async () => {
  const { urls, server } = await fixture();
  // Every view's first page, and every page of the full matrix (the most page links, each of them the
  // current one once): a view's later pages differ from its first only in which generated rows they hold.
  const checked = urls.filter((url) => !url.includes("/page/") || /^\/ai-providers\/page\//.test(url));
  assert.ok(checked.length > 20 && checked.includes(`/ai-providers/page/${MATRIX_PAGES}/`), checked.join(", "));
  const pages = await Promise.all([0, 1].map((slot) => open("/ai-providers/", { width: 375, slot })));
  await eachSideBySide(checked, async (url, worker) => {
    const page = pages[worker]!;
    await page.goto(`${server.origin}${url}`);
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      regions: [...document.querySelectorAll(".matrix-region, nav.pagination")].map(
        (r) => r.getBoundingClientRect().right,
      ),
    }));
    assert.ok(layout.page <= 375, `${url}: the page is ${layout.page}px wide`);
    for (const right of layout.regions) assert.ok(right <= 375, `${url}: a region ends at ${right}px`);
  });
  for (const page of pages) await close(page);
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
  // Every generated provider supports chat.
  const total = MANY_PROVIDERS.toLocaleString("en-US");
  assert.is(
    await page.locator("nav.pagination p").textContent(),
    `Providers 201–400 of ${total}, page 2 of ${MATRIX_PAGES}`,
  );
  await Promise.all([page.waitForURL(/\/version\/3\.6\/$/), page.click("nav.matrix-filters >> text=3.6")]);
  assert.match((await page.locator(".matrix-summary").textContent())!, /need a newer version and are not shown\.$/);
  await close(page);
});

it("the matrix and a view scroll with the page: the header row sticks to the top, the names to the left", async () => {
  for (const [url, width] of [
    ["/ai-providers/page/3/", 1024],
    ["/ai-providers/capability/chat/", 375],
  ] as const) {
    // A later page of the full matrix; the first of a view.
    const page = await open(url, { width });
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
  const page = await open("/ai-providers/", { width: 1440 });
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
  const page = await open("/ai-providers/", { width: 390 });
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
});

it("at 375 px: no sideways scroll, the sidebar a closed disclosure that opens, also without JavaScript", async () => {
  for (const javaScript of [true, false]) {
    for (const url of ["/ai-providers/provider-999/", "/"]) {
      const page = await open(url, { width: 375, javaScript });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${url}: ${width} px wide`);
      const sidebar = page.locator("nav.sidebar details");
      if ((await sidebar.count()) === 0) {
        await close(page);
        continue;
      }
      assert.is(await sidebar.getAttribute("open"), null, `${url}: closed`);
      assert.not.ok(await page.locator("nav.sidebar li a").first().isVisible(), `${url}: its links hidden`);
      await page.locator("nav.sidebar summary").click();
      assert.ok(await page.locator('nav.sidebar a[aria-current="page"]').isVisible(), `${url}: opened`);
      await close(page);
    }
  }
});

it("no console error and no CSP violation on any page this suite opened", () => {
  assert.equal(errors, []);
});

pages.run();
