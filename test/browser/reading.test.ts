// Reading the site in Chromium: by keyboard, through footnotes, on a 375 px phone, through
// search, all under the Content-Security-Policy netlify.toml sends.
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { browserFixture, browserSuiteRuns, type BrowserFixture } from "../helpers/browser.ts";

const reading = suite("reading");
const it = browserSuiteRuns("reading (keyboard, footnotes, 375 px, search)") ? reading : reading.skip;
const fixture = browserFixture();
reading.after(fixture.close);
/** Console errors and CSP violations seen on any page this suite opens. */
const errors: string[] = [];

/** Records the page's console errors (CSP violations among them) and uncaught exceptions. */
function watch(page: Page) {
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

async function open(
  context: BrowserFixture,
  url: string,
  options: { width?: number; colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  const page = await context.browser.newPage({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
  });
  watch(page);
  const response = await page.goto(`${context.server.origin}${url}`);
  assert.ok(response && (response.status() === 200 || url === "/404.html"), `${url}: ${response?.status()}`);
  return page;
}

/**
 * What the focused element shows: its focus outline, and how much of it can be seen, as the
 * share of points on a grid over it where it is the topmost thing (not scrolled off, not covered).
 */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    let seen = 0;
    let points = 0;
    for (let i = 1; i <= 5; i++) {
      for (let j = 1; j <= 3; j++) {
        const x = box.left + (box.width * i) / 6;
        const y = box.top + (box.height * j) / 4;
        points++;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const top = document.elementFromPoint(x, y);
        if (top && (top === element || element.contains(top) || top.contains(element))) seen++;
      }
    }
    return {
      what:
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} ` +
        `"${(element.textContent ?? "").trim().slice(0, 30)}"`,
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      visible: seen / points,
    };
  });

it("every keyboard stop, forwards and back, shows a visible focus outline, in view and not covered", async () => {
  const context = await fixture.get();
  for (const [url, stops, colorScheme, width] of [
    ["/", 6, "light", 1280],
    ["/ai-providers/openai/", 40, "dark", 1280],
    ["/ai-providers/", 120, "light", 1280],
    ["/ai-providers/", 120, "dark", 375],
  ] as const) {
    const page = await open(context, url, { colorScheme, width });
    await page.waitForSelector(".pagefind-ui__search-input");
    const seen: string[] = [];
    // Forwards through the page, then back again (where a sticky header could cover a cell).
    for (let i = 0; i < stops * 2 - 1; i++) {
      await page.keyboard.press(i < stops ? "Tab" : "Shift+Tab");
      const state = await focusState(page);
      assert.ok(state, `${url}: stop ${i + 1} focuses something`);
      seen.push(state!.what);
      assert.ok(state!.outline, `${url}: ${state!.what} shows a focus outline`);
      assert.ok(
        state!.visible >= 0.6,
        `${url}: ${state!.what} is in view and not covered (stop ${i + 1}: ${Math.round(state!.visible * 100)}% seen)`,
      );
    }
    assert.match(seen[0]!, /^a "Skip to content"/, `${url}: the first stop skips to the content`);
    if (url === "/ai-providers/")
      assert.ok(
        seen.some((s) => s.startsWith('a "Supported from')),
        "the keyboard reaches the matrix cells",
      );
    await page.close();
  }
});

it("a footnote marker moves focus to its note, and the note's back link returns it", async () => {
  const context = await fixture.get();
  const page = await open(context, "/ai-providers/openai/");
  const markers = await page.locator("a.note-ref").count();
  assert.ok(markers >= 2, `${markers} markers`);
  for (let n = 1; n <= markers; n++) {
    await page.focus(`#note-ref-${n}`);
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.activeElement?.id === id, `note-${n}`);
    assert.ok((await focusState(page))!.visible > 0.6, `note ${n} is scrolled into view`);
    // Tab from the note reaches its back link (after any link in the note's text).
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.classList.contains("note-back"))); i++)
      await page.keyboard.press("Tab");
    assert.is(await page.evaluate(() => document.activeElement?.closest("li")?.id), `note-${n}`);
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.activeElement?.id === id, `note-ref-${n}`);
    assert.ok((await focusState(page))!.visible > 0.6, `marker ${n} is back in view`);
  }
  await page.close();
});

it("at 375 px no page scrolls sideways; wide tables scroll inside their own region", async () => {
  const context = await fixture.get();
  const page = await context.browser.newPage({ viewport: { width: 375, height: 800 } });
  watch(page);
  for (const url of context.urls) {
    await page.goto(`${context.server.origin}${url}`);
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      regions: [...document.querySelectorAll(".table-scroll")].map((r) => ({
        right: r.getBoundingClientRect().right,
        scrolls: r.scrollWidth > r.clientWidth,
      })),
    }));
    assert.ok(layout.page <= 375, `${url}: the page is ${layout.page}px wide`);
    for (const region of layout.regions)
      assert.ok(region.right <= 375, `${url}: a table region ends at ${region.right}px`);
    if (url === "/ai-providers/")
      assert.ok(layout.regions[0]!.scrolls, "the matrix scrolls sideways inside its region");
  }
  await page.close();
});

it("the matrix header stays in view while its region scrolls down", async () => {
  const context = await fixture.get();
  const page = await open(context, "/ai-providers/", { width: 375 });
  const before = await page.evaluate(() => document.querySelector(".matrix thead")!.getBoundingClientRect().top);
  await page.evaluate(() => document.querySelector(".matrix-scroll")!.scrollBy(200, 400));
  assert.ok(
    await page.evaluate(() => document.querySelector(".matrix-scroll")!.scrollTop > 300),
    "the region scrolled down",
  );
  const after = await page.evaluate(() => ({
    head: document.querySelector(".matrix thead")!.getBoundingClientRect().top,
    region: document.querySelector(".matrix-scroll")!.getBoundingClientRect().top,
  }));
  assert.is(after.head, before, "the header row does not move");
  assert.ok(Math.abs(after.head - after.region) < 2, "it sits at the top of the region");
  await page.close();
});

it("search finds providers under the site's CSP, with no console error or CSP violation on any page", async () => {
  const context = await fixture.get();
  const page = await open(context, "/ai-providers/openai/");
  await page.fill(".pagefind-ui__search-input", "embeddings");
  await page.waitForSelector(".pagefind-ui__result-link");
  const results = await page
    .locator(".pagefind-ui__result-link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(results.length >= 5, results.join(", "));
  assert.ok(
    results.every((href) => /^\/ai-providers\/[a-z0-9-]+\/(#.*)?$/.test(href!)),
    `results are provider pages: ${results.join(", ")}`,
  );
  await page.close();
  assert.equal(errors, []);
});

reading.run();
