// What readers get around the reference, in Chromium under netlify.toml's headers, on the shipped
// data: keyboard order, the sidebar on a phone and without JavaScript, "Copy page as Markdown" and copy
// buttons, the compare page, the remembered theme with no flash. (axe on every kind of page, by the
// system and by the toggle, is the accessibility suite's; the same on 1,000 providers, the
// generated-registry suite's.)
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { browserSuiteRuns, clipboardText, type ServedSite, sharedBrowser } from "../helpers/browser.ts";
import { projectRoot } from "../helpers/build-site.ts";

const readers = suite("readers");
const it = browserSuiteRuns("readers (way-finding, copy, compare, theme)") ? readers : readers.skip;
const shared = sharedBrowser(readers);
const shipped = shared.shippedSite;

/** The shipped registry, in the site's order. */
const registry = () => loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot });

/** Console errors and CSP violations on any page this suite opens. */
const errors: string[] = [];

async function newContext(
  options: { width?: number; colorScheme?: "light" | "dark"; javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const context = await (await shared.browser()).newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScript ?? true,
  });
  context.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on("weberror", (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
  return context;
}

async function open(context: BrowserContext, site: ServedSite, url: string): Promise<Page> {
  return visit(await context.newPage(), site, url);
}

/** Loads `url` in a page already open (a new page costs Chromium a renderer process). */
async function visit(page: Page, site: ServedSite, url: string): Promise<Page> {
  const response = await page.goto(`${site.server.origin}${url}`);
  assert.is(response?.status(), 200, url);
  return page;
}

it("keyboard order: skip link, header, sidebar, content, contents of the page", async () => {
  const context = await newContext();
  const page = await open(context, await shipped(), `/ai-providers/${registry().providers[3]!.slug}/`);
  const regions: string[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const region = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return "end";
      if (element.matches(".skip-link")) return "skip link";
      if (element.closest("header.site-header")) return "header";
      if (element.closest("nav.sidebar")) return "sidebar";
      if (element.closest("main")) return "content";
      if (element.closest("nav.toc")) return "toc";
      if (element.closest("footer")) return "footer";
      return `outside: ${element.outerHTML.slice(0, 80)}`;
    });
    if (region === "end") break;
    if (regions.at(-1) !== region) regions.push(region);
  }
  assert.equal(regions, ["skip link", "header", "sidebar", "content", "toc", "footer"]);
  // The skip link leads past the header and the sidebar, into the page.
  await page.keyboard.press("Tab");
  await page.goto(page.url());
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.ok(
    await page.evaluate(() => document.activeElement?.closest("main") !== null),
    "after the skip link: content",
  );
  await context.close();
});

it("at 375 px: no sideways scroll, the sidebar a closed disclosure that opens, also without JavaScript", async () => {
  for (const javaScript of [true, false]) {
    const context = await newContext({ width: 375, javaScript });
    const page = await context.newPage();
    for (const [site, url] of [
      [await shipped(), `/ai-providers/${registry().providers[0]!.slug}/`],
      [await shipped(), "/"],
      [await shipped(), `/ai-providers/compare/?a=${registry().providers[0]!.slug}&b=${registry().providers[1]!.slug}`],
    ] as const) {
      await visit(page, site, url);
      if (javaScript && url.includes("?a=")) await page.waitForSelector("[data-compare-region]:not([hidden])");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${url}: ${width} px wide`);
      const sidebar = page.locator("nav.sidebar details");
      if ((await sidebar.count()) === 0) continue;
      assert.is(await sidebar.getAttribute("open"), null, `${url}: closed`);
      assert.not.ok(await page.locator("nav.sidebar li a").first().isVisible(), `${url}: its links hidden`);
      await page.locator("nav.sidebar summary").click();
      assert.ok(await page.locator('nav.sidebar a[aria-current="page"]').isVisible(), `${url}: opened`);
    }
    await context.close();
  }
  // Wide: the sidebar is open beside the page, with no summary to press.
  const context = await newContext({ javaScript: false });
  const page = await open(context, await shipped(), `/ai-providers/${registry().providers[0]!.slug}/`);
  assert.ok(await page.locator('nav.sidebar a[aria-current="page"]').isVisible());
  assert.not.ok(await page.locator("nav.sidebar summary").isVisible());
  await context.close();
});

it("Copy page as Markdown puts exactly the twin's text on the clipboard; copy buttons copy their value", async () => {
  const site = await shipped();
  const provider = registry().providers.find((p) => p.capabilities.length > 0)!;
  const context = await newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.origin });
  const page = await open(context, site, `/ai-providers/${provider.slug}/`);
  // With scripts, the control is a button (a screen reader announces what it does), and the link it stands for is gone.
  const control = page.getByRole("button", { name: "Copy page as Markdown" });
  assert.ok(await control.isVisible(), "Copy page as Markdown is a button");
  assert.is(await page.getByRole("link", { name: "Copy page as Markdown" }).count(), 0, "and not a link");
  await control.click();
  await page.waitForFunction(() => document.querySelector("[data-copy-status]")?.textContent === "Copied");
  assert.ok(page.url().endsWith(`/ai-providers/${provider.slug}/`), "the page stays");
  const twin = readFileSync(path.join(site.dir, "ai-providers", provider.slug, "index.md"), "utf8");
  const copied = await clipboardText(context, site.server.origin);
  assert.ok(copied === twin, `the clipboard holds ${copied.length} characters, the twin ${twin.length}`);

  // A route type's button: shown with JavaScript, named for screen readers, copies the value alone.
  await page.bringToFront();
  const button = page.locator(`tr#${provider.capabilities[0]!.id} button.copy-button`);
  assert.is(await button.getAttribute("hidden"), null, "shown with JavaScript");
  assert.is(await button.evaluate((b) => b.textContent), "Copy route type");
  await button.click();
  await page.waitForFunction(() => document.querySelector("[data-copy-status]")?.textContent === "Copied");
  assert.is(await button.evaluate((b) => b.textContent), "Copied", "the button says so");
  assert.is(await clipboardText(context, site.server.origin), provider.capabilities[0]!.routeType);
  await context.close();
});

it("without JavaScript, Copy page as Markdown is a link to the twin and copy buttons stay hidden", async () => {
  const context = await newContext({ javaScript: false });
  const provider = registry().providers[0]!;
  const page = await open(context, await shipped(), `/ai-providers/${provider.slug}/`);
  assert.is(await page.locator("button.copy-button:visible").count(), 0);
  assert.is(await page.locator("button[data-theme-toggle]:visible").count(), 0);
  // A Markdown file declares no icon, so the browser asks for /favicon.ico, which the site has not.
  await context.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
  assert.is(await page.getByRole("button", { name: "Copy page as Markdown" }).count(), 0, "no button without scripts");
  const link = page.getByRole("link", { name: "Copy page as Markdown" });
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.ok(page.url().endsWith(`/ai-providers/${provider.slug}/index.md`), page.url());
  assert.is(response?.status(), 200);
  assert.match(response!.headers()["content-type"] ?? "", "text/markdown");
  await context.close();
});

it("compare: the right cells for two providers, and the choice kept in the address", async () => {
  const site = await shipped();
  const [a, b, c] = registry().providers;
  const json = (slug: string) =>
    JSON.parse(readFileSync(path.join(site.dir, "api/providers", `${slug}.json`), "utf8")) as {
      name: string;
      capabilities: { key: string; streaming: boolean; route_type: string }[];
    };
  const context = await newContext();
  const page = await open(context, site, `/ai-providers/compare/?a=${a!.slug}&b=${b!.slug}`);
  const check = async (left: string, right: string) => {
    await page.waitForFunction(
      ([l, r]) =>
        (document.querySelector('[data-column="a"]')?.textContent ?? "").trim() === l &&
        (document.querySelector('[data-column="b"]')?.textContent ?? "").trim() === r,
      [json(left).name, json(right).name],
    );
    const rows = await page.$$eval("table[data-compare-table] tbody tr", (trs) =>
      trs.map((tr) => ({
        key: (tr as HTMLElement).dataset.capability!,
        cells: [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/\s+/g, " ").trim()),
      })),
    );
    assert.equal(
      rows.map((r) => r.key),
      CAPABILITIES.map((c) => c.key),
    );
    for (const [column, slug] of [left, right].entries()) {
      const byKey = new Map(json(slug).capabilities.map((cap) => [cap.key, cap]));
      for (const row of rows) {
        const cap = byKey.get(row.key);
        const cell = row.cells[column]!;
        const where = `${slug} ${row.key}: "${cell}"`;
        if (!cap) assert.is(cell, "✗ Not supported", where);
        else {
          assert.ok(cell.startsWith("✓ Supported"), where);
          assert.is(cell.includes("no streaming"), !cap.streaming, where);
          assert.ok(cell.includes("streaming") && cell.includes(cap.route_type), where);
        }
      }
    }
  };
  await check(a!.slug, b!.slug);
  assert.match((await page.textContent("[data-compare-status]")) ?? "", `Comparing ${a!.name} and ${b!.name}.`);
  await page.selectOption("#compare-b", c!.slug);
  await check(a!.slug, c!.slug);
  assert.is(new URL(page.url()).search, `?a=${a!.slug}&b=${c!.slug}`);
  // The shared address opens on the same comparison.
  const shared = await context.newPage();
  await shared.goto(page.url());
  assert.is(await shared.inputValue("#compare-b"), c!.slug);
  await context.close();
});

it("compare without JavaScript says what it does and links the matrix", async () => {
  const context = await newContext({ javaScript: false });
  const page = await open(context, await shipped(), "/ai-providers/compare/");
  assert.not.ok(await page.locator("form[data-compare]").isVisible());
  const text = (await page.locator("main").textContent()) ?? "";
  assert.match(text, "needs JavaScript");
  assert.ok(await page.locator('main a[href="/ai-providers/"]').first().isVisible());
  await context.close();
});

it("the theme toggle is remembered across pages and applied before the first paint", async () => {
  const site = await shipped();
  const [first, second] = registry().providers;
  for (const [system, chosen] of [
    ["light", "dark"],
    ["dark", "light"],
  ] as const) {
    const context = await newContext({ colorScheme: system });
    // When <body> first appears, record the theme and the background the stylesheet gives it.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        (window as any).firstPaint = {
          theme: document.documentElement.dataset.theme ?? null,
          background: getComputedStyle(document.body).backgroundColor,
        };
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await open(context, site, `/ai-providers/${first!.slug}/`);
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.click("button[data-theme-toggle]");
    assert.is(await page.getAttribute("button[data-theme-toggle]", "aria-pressed"), String(chosen === "dark"));
    const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.is.not(after, before, "the toggle changes the page");
    const next = await context.newPage();
    for (const url of [`/ai-providers/${second!.slug}/`, "/"]) {
      await visit(next, site, url);
      const paint = await next.evaluate(() => (window as any).firstPaint);
      assert.equal(paint, { theme: chosen, background: after }, `${url}: the chosen theme from the first paint`);
    }
    await context.close();
  }
});

it("no console error and no CSP violation on any page this suite opened", () => {
  assert.equal(errors, []);
});

readers.run();
