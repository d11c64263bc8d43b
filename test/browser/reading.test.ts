// Reading the site in Chromium: by keyboard, through footnotes, on a 390 px phone, at 1280 and 1024 px
// (the reference's column, whole code tokens), through search, all under the Content-Security-Policy
// netlify.toml sends.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry } from "../../src/registry/load.ts";
import {
  browserSuiteRuns,
  type BrowserFixture,
  eachSideBySide,
  type PageKind,
  reusedPages,
  sharedBrowser,
} from "../helpers/browser.ts";
import { projectRoot } from "../helpers/build-site.ts";

const reading = suite("reading");
const it = browserSuiteRuns("reading (keyboard, footnotes, layout, search)") ? reading : reading.skip;
// Registered before the shared browser's: the reused pages close before the browser might.
reading.after(() => reused.close());
const shared = sharedBrowser(reading);
/** The shipped site, served, and the browser. */
const fixture = {
  get: async (): Promise<BrowserFixture> => ({ ...(await shared.shippedSite()), browser: await shared.browser() }),
};
/** The providers' pages among the built site's pages, in name order (the first two are compared). */
const providerPages = (urls: string[]) =>
  urls.filter((url) => /^\/ai-providers\/[a-z0-9-]+\/$/.test(url) && !/\/(compare|streaming)\/$/.test(url)).sort();
/**
 * The provider page with the most footnote markers (the first such in name order): it has notes to
 * follow, and the most to tab through. Whichever provider a writer has made it.
 */
const mostNotes = (context: BrowserFixture) => {
  const markers = (url: string) =>
    (readFileSync(path.join(context.dir, url, "index.html"), "utf8").match(/class="note-ref"/g) ?? []).length;
  return providerPages(context.urls).reduce((best, url) => (markers(url) > markers(best) ? url : best));
};
/** The compare page with the first two providers chosen. */
const comparing = (urls: string[]) => {
  const [a, b] = providerPages(urls).map((url) => url.split("/")[2]);
  return `/ai-providers/compare/?a=${a}&b=${b}`;
};
/** Console errors and CSP violations seen on any page this suite opens. */
const errors: string[] = [];

/** Records the page's console errors (CSP violations among them) and uncaught exceptions. */
function watch(page: Page): Page {
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

const reused = reusedPages(shared.browser, watch);

/** A page of the kind asked for (reused: see reusedPages) with `url` loaded. */
async function open(context: BrowserFixture, url: string, kind: PageKind = {}): Promise<Page> {
  const page = await reused.page(kind);
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
  // Two pages at a time, each in its own context (keys go to each page's own focus).
  const walks = [
    ["/", 6, "light", 1280],
    ["/ai-providers/", 120, "light", 1280],
    [mostNotes(context), 40, "dark", 1280],
    ["/ai-providers/", 120, "dark", 375],
  ] as const;
  await eachSideBySide(walks, async ([url, stops, colorScheme, width], slot) => {
    const page = await open(context, url, { colorScheme, width, slot });
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
  });
});

it("a footnote marker moves focus to its note, and the note's back link returns it", async () => {
  const context = await fixture.get();
  const page = await open(context, mostNotes(context));
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
});

it("at 390 px no page scrolls sideways, nothing is wider than the window, and the header takes two rows", async () => {
  const context = await fixture.get();
  // Every page, two at a time: a page for each.
  const pages = await Promise.all([0, 1].map((slot) => reused.page({ width: 390, slot })));
  await eachSideBySide([...context.urls, comparing(context.urls)], async (url, worker) => {
    const page = pages[worker]!;
    await page.goto(`${context.server.origin}${url}`);
    if (url.includes("?")) await page.waitForSelector("[data-compare-region]:not([hidden])");
    const layout = await page.evaluate(() => {
      // What is drawn: not hidden from view (the skip link waits off-screen until focused), nor
      // inside a part clipped to nothing for screen readers only (clip-path: inset(50%)).
      const wide = [...document.querySelectorAll("body *")]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5);
        })
        .filter((element) => {
          if (element.closest(".skip-link, [hidden]")) return false;
          for (let part: Element | null = element; part; part = part.parentElement)
            if (getComputedStyle(part).clipPath !== "none") return false;
          return true;
        })
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${element.className} (${element.getBoundingClientRect().right}px)`,
        );
      const header = document.querySelector(".site-header")!;
      // The header's rows: its visible parts by their tops; a part that starts below the row's bottom starts a row.
      const boxes = [...header.children]
        .map((child) => child.getBoundingClientRect())
        .filter((box) => box.height > 0)
        .sort((a, b) => a.top - b.top);
      let rows = 0;
      let bottom = Number.NEGATIVE_INFINITY;
      for (const box of boxes) {
        if (box.top >= bottom) rows++;
        bottom = Math.max(box.top >= bottom ? 0 : bottom, box.bottom);
      }
      // A table's region scrolls sideways only when its table cannot fit: on a phone, none needs to.
      const scrolling = [...document.querySelectorAll(".table-scroll")]
        .filter((region) => region.scrollWidth > region.clientWidth + 1)
        .map((region) => region.querySelector("caption")?.textContent);
      return { page: document.documentElement.scrollWidth, wide: wide.slice(0, 3), headerRows: rows, scrolling };
    });
    assert.ok(layout.page <= 390, `${url}: the page is ${layout.page}px wide`);
    assert.equal(layout.wide, [], `${url}: elements wider than the window`);
    assert.ok(layout.headerRows <= 2, `${url}: the header takes ${layout.headerRows} rows`);
    assert.equal(layout.scrolling, [], `${url}: tables clipped in a scrolling region`);
  });
});

it("at 390 px compare shows both providers, each capability's two cells side by side", async () => {
  const context = await fixture.get();
  const page = await open(context, comparing(context.urls), { width: 390 });
  await page.waitForSelector("[data-compare-region]:not([hidden])");
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll(".compare-table tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].map((td) => {
        const box = td.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top, width: box.width };
      }),
    ),
  );
  for (const [a, b] of cells) {
    assert.ok(a!.width > 100 && b!.width > 100, "both cells have room");
    assert.ok(a!.left >= 0 && b!.right <= 390, `both cells are in the window (${a!.left}, ${b!.right})`);
    assert.ok(Math.abs(a!.top - b!.top) < 1 && a!.right <= b!.left, "side by side");
  }
});

it("at 390 px a capability table is a card per capability, each cell after its column's name", async () => {
  const context = await fixture.get();
  const page = await open(context, providerPages(context.urls)[0]!, { width: 390 });
  const tables = await page.evaluate(() =>
    [...document.querySelectorAll(".capability-table")].map((table) => {
      const row = table.querySelector("tbody tr:not(.configure)")!;
      return {
        headers: [...table.querySelectorAll("thead th")].slice(1).map((th) => th.textContent),
        labels: [...row.querySelectorAll("td")].map(
          (td) => /^"([^"]*)"/.exec(getComputedStyle(td, "::before").content)?.[1],
        ),
        width: row.getBoundingClientRect().width,
      };
    }),
  );
  assert.ok(tables.length > 0);
  for (const table of tables) {
    assert.equal(table.labels, table.headers, "the drawn names are the column headers");
    assert.ok(table.width <= 390, `a card is ${table.width}px wide`);
  }
});

it("room for the reference: the provider column is 760 px at 1280; at 1024 the contents fold away first", async () => {
  const context = await fixture.get();
  for (const [width, least, contentsBeside] of [
    [1280, 760, true],
    [1200, 680, true],
    [1199, 680, false],
    [1024, 680, false],
  ] as const) {
    const page = await open(context, providerPages(context.urls)[0]!, { width });
    const layout = await page.evaluate(() => {
      const main = document.querySelector("main")!.getBoundingClientRect();
      const toc = document.querySelector(".toc")!.getBoundingClientRect();
      const tables = [...document.querySelectorAll("main .table-scroll")].map((r) => r.getBoundingClientRect().width);
      return { main: main.width, beside: toc.left >= main.right, tables };
    });
    assert.ok(layout.main >= least, `${width} px: the page's column is ${layout.main}px`);
    assert.is(layout.beside, contentsBeside, `${width} px: "On this page" beside the page`);
    for (const table of layout.tables)
      assert.ok(Math.abs(table - layout.main) < 1, `${width} px: a table ${table}px wide`);
  }
});

it("tokens stay whole: code breaks only after / . or -, and a Copy button stays on its value's line", async () => {
  const context = await fixture.get();
  const urls = providerPages(context.urls);
  // The two widths side by side.
  await eachSideBySide([1280, 390], async (width, slot) => {
    const page = await reused.page({ width, slot });
    for (const url of urls) {
      await page.goto(`${context.server.origin}${url}`);
      await page.waitForSelector("button.copy-button:not([hidden])");
      const faults = await page.evaluate((checkButtons) => {
        const found: string[] = [];
        // Each character's line, from its own box: a new line may start only after / . or -.
        for (const code of document.querySelectorAll("main code")) {
          if (code.closest("pre, [hidden], details:not([open])")) continue;
          // A token on one line has no break to check.
          const lineTops = new Set([...code.getClientRects()].map((r) => Math.round(r.top)));
          if (lineTops.size < 2) continue;
          // Every character of the token, across its text nodes (a <wbr> splits them), with its line's top.
          const chars: { char: string; top: number }[] = [];
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.textContent!.length; i++) {
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = [...range.getClientRects()].find((r) => r.width > 0);
              if (box) chars.push({ char: node.textContent![i]!, top: box.top });
            }
          }
          const text = chars.map((c) => c.char).join("");
          for (let i = 1; i < chars.length; i++)
            if (chars[i]!.top > chars[i - 1]!.top + 2 && !"/.-".includes(chars[i - 1]!.char))
              found.push(`"${text}" breaks before "${text.slice(i)}"`);
        }
        if (checkButtons)
          for (const button of document.querySelectorAll("main button.copy-button")) {
            const code = button.parentElement!.querySelector("code");
            if (!code || button.closest("pre, details")) continue;
            const lines = [...code.getClientRects()];
            const last = lines.at(-1)!;
            const box = button.getBoundingClientRect();
            if (box.top > last.bottom || box.bottom < last.top)
              found.push(`the Copy button of "${code.textContent}" is not on its line`);
          }
        return found;
      }, width === 1280);
      assert.equal(faults, [], `${url} at ${width} px`);
    }
  });
});

it("controls are what they say: links lead somewhere; what acts on the page is a button or tab", async () => {
  const context = await fixture.get();
  const page = await open(context, providerPages(context.urls)[0]!);
  await page.waitForSelector(".pagefind-ui__search-input");
  await page.locator("tr.configure summary").first().click();
  await page.waitForSelector('[role="tablist"] [role="tab"]');
  const controls = await page.evaluate(() => ({
    // A link with no address, or one a script turns into an action, would be announced as a link.
    fakeLinks: [...document.querySelectorAll("a")]
      .filter((a) => !a.hasAttribute("href") || a.hasAttribute("data-copy-page") || a.getAttribute("role") === "button")
      .map((a) => a.outerHTML.slice(0, 80)),
    untypedButtons: [...document.querySelectorAll("button")]
      .filter((b) => b.type !== "button" && b.type !== "submit")
      .map((b) => b.outerHTML.slice(0, 80)),
    tabs: [...document.querySelectorAll('[role="tablist"]')].every((list) =>
      [...list.children].every((tab) => tab.getAttribute("role") === "tab" && tab.hasAttribute("aria-selected")),
    ),
  }));
  assert.equal(controls.fakeLinks, [], "every link has an address and stays a link");
  assert.equal(controls.untypedButtons, [], "every button says what kind it is");
  assert.ok(controls.tabs, "a tab list holds tabs, each selected or not");
  assert.ok(await page.getByRole("button", { name: "Copy page as Markdown" }).isVisible());
  assert.match(
    (await page.getByRole("button", { name: /theme/ }).getAttribute("aria-pressed")) ?? "",
    /^(true|false)$/,
  );
  assert.ok(
    await page
      .getByRole("searchbox")
      .or(page.getByRole("textbox", { name: /search/i }))
      .first()
      .isVisible(),
  );
  assert.ok((await page.getByRole("button", { name: /^Copy route type$/ }).count()) > 0);
});

it("search finds providers under the site's CSP, with no console error or CSP violation on any page", async () => {
  const context = await fixture.get();
  const page = await open(context, mostNotes(context));
  await page.fill(".pagefind-ui__search-input", "embeddings");
  await page.waitForSelector(".pagefind-ui__result-link");
  const results = await page
    .locator(".pagefind-ui__result-link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  // Pagefind shows five results at first: as many as there are providers of embeddings, up to five.
  const embeddings = loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot }).providers.filter(
    (p) => p.capabilities.some((c) => c.key === "embeddings"),
  ).length;
  assert.ok(embeddings > 0, "a shipped provider supports embeddings");
  assert.ok(results.length >= Math.min(5, embeddings), results.join(", "));
  assert.ok(
    results.every((href) => /^\/ai-providers\/[a-z0-9-]+\/(#.*)?$/.test(href!)),
    `results are provider pages: ${results.join(", ")}`,
  );
  assert.equal(errors, []);
});

reading.run();
