import { existsSync } from "node:fs";
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Test } from "uvu";
import { builtSite, pageUrls } from "./built-site.ts";
import { builtSiteOfMany } from "./many-providers.ts";
import { netlifyHeaderRules } from "./netlify-headers.ts";
import { serveSite, type StaticServer } from "./static-server.ts";

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether a browser suite runs. Outside CI a missing Chromium skips it, loudly; under
 * CI=true the suite always runs, so a missing Chromium fails it.
 */
export function browserSuiteRuns(suite: string): boolean {
  if (existsSync(chromiumPath) || process.env.CI === "true") return true;
  console.warn(
    `\n!!! SKIPPED ${suite}: no Chromium at ${chromiumPath}. Install it (apt-get install -y chromium) or set ` +
      `CHROMIUM_PATH, then run npm test again.\n`,
  );
  return false;
}

/** Launches headless Chromium; fails with what to do when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium is missing at ${chromiumPath}; .ci/run installs it with apt-get install -y chromium.`);
  return chromium.launch({ executablePath: chromiumPath, args: ARGS });
}

/** A built site served on 127.0.0.1 with netlify.toml's headers. */
export interface ServedSite {
  dir: string;
  server: StaticServer;
  /** Every HTML page of the site, by URL. */
  urls: string[];
}

/** A served site and the shared browser. */
export type BrowserFixture = ServedSite & { browser: Browser };

/** How many suites of this process use the shared browser and have not finished. */
let users = 0;
let browser: Promise<Browser> | undefined;
const sites = new Map<string, Promise<ServedSite>>();

function served(name: string, build: () => Promise<string>): Promise<ServedSite> {
  let site = sites.get(name);
  if (!site) {
    site = build().then(async (dir) => ({
      dir,
      server: await serveSite(dir, netlifyHeaderRules()),
      urls: pageUrls(dir),
    }));
    sites.set(name, site);
  }
  return site;
}

/**
 * What the browser suites of one test process share: ONE Chromium, launched when a test first
 * asks for it, and each site built once (see builtSite and builtSiteOfMany) and served once. A
 * suite counts itself in when its file is loaded (uvu loads every file before it runs a suite);
 * after the last of them has run, the browser and the servers close. A set-up that fails fails
 * each test that asks for it (and is counted) rather than stopping the run. Each test closes the
 * contexts and pages it opens.
 */
export function sharedBrowser(suite: Test) {
  users++;
  suite.after(async () => {
    if (--users > 0) return;
    const launched = browser;
    browser = undefined;
    await (await launched?.catch(() => undefined))?.close();
    for (const site of sites.values()) await (await site.catch(() => undefined))?.server.close();
    sites.clear();
  });
  return {
    browser: () => (browser ??= launchChromium()),
    /** The shipped data's site. */
    shippedSite: () => served("shipped", builtSite),
    /** The site of the generated registry (MANY_PROVIDERS providers). */
    manyProvidersSite: () => served("many", builtSiteOfMany),
  };
}

/** Each context's page that reads the clipboard, opened at the first read and kept until the context closes. */
const clipboardReaders = new WeakMap<BrowserContext, Promise<Page>>();

/**
 * What the clipboard holds, read from a page of the same origin that is not the site's: the
 * site's Permissions-Policy refuses clipboard-read (as it should), and copy.js only writes.
 */
export async function clipboardText(context: BrowserContext, origin: string): Promise<string> {
  let opened = clipboardReaders.get(context);
  if (!opened) {
    opened = (async () => {
      const page = await context.newPage();
      await page.route(`${origin}/__clipboard`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><title>clipboard</title>" }),
      );
      await page.goto(`${origin}/__clipboard`);
      return page;
    })();
    clipboardReaders.set(context, opened);
  }
  const reader = await opened;
  await reader.bringToFront();
  return reader.evaluate(() => navigator.clipboard.readText());
}

/** The rules axe-core checks: WCAG 2.2 A and AA, and best practice. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * axe-core's violations on a page as it shows now (its colour scheme, its theme): one line each,
 * naming `label`, the rule and up to three nodes.
 */
export async function axeViolationsNow(page: Page, label: string): Promise<string[]> {
  // Once a page: a second run on the same document (the other theme) uses the axe already there.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) =>
      (window as any).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  return (results.violations as axe.Result[]).map(
    (v) =>
      `${label}: ${v.id} (${v.impact}): ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}

/** axe-core's violations on a loaded page, once its search box is mounted, in the light and then the dark scheme. */
export async function axeViolations(page: Page, url: string): Promise<string[]> {
  const violations: string[] = [];
  await page.waitForSelector(".pagefind-ui__search-input");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    violations.push(...(await axeViolationsNow(page, `${url} (${colorScheme})`)));
  }
  return violations;
}

/**
 * Runs `check` on every item, `workers` at a time (each page's renderer is a process of its own, so
 * two pages are checked side by side); `worker` says which of them runs it (to reuse its page). The
 * first failure fails the whole, once every check has ended.
 */
export async function eachSideBySide<T>(
  items: readonly T[],
  check: (item: T, worker: number) => Promise<void>,
  workers = 2,
): Promise<void> {
  const queue = [...items];
  const failures: unknown[] = [];
  const work = async (worker: number) => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await check(item, worker);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => work(worker)));
  if (failures.length) throw failures[0];
}

/** What kind of page to reuse: its size, colour scheme, JavaScript, and a slot for pages used side by side. */
export interface PageKind {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  javaScript?: boolean;
  slot?: number;
}

/**
 * Pages kept open and reused, one a colour scheme, JavaScript on or off, and slot, each in a context
 * of its own: a new page costs Chromium a renderer process (most of a page load's time), another
 * address loaded in an open page does not. A page is resized to the size asked for before it is
 * returned; `watch` sees each page once, when it opens. A test that leaves state in a page's context
 * (a theme chosen with the toggle) clears it. `close` closes them all.
 */
export function reusedPages(browser: () => Promise<Browser>, watch: (page: Page) => void = () => {}) {
  const pages = new Map<string, Promise<Page>>();
  return {
    async page(kind: PageKind = {}): Promise<Page> {
      const { width = 1280, height = 800, colorScheme = "light", javaScript = true, slot = 0 } = kind;
      const key = `${colorScheme} ${javaScript} ${slot}`;
      let opened = pages.get(key);
      if (!opened) {
        opened = (async () => {
          const context = await (await browser()).newContext({
            viewport: { width, height },
            colorScheme,
            javaScriptEnabled: javaScript,
          });
          const page = await context.newPage();
          watch(page);
          return page;
        })();
        pages.set(key, opened);
      }
      const page = await opened;
      const size = page.viewportSize();
      if (size?.width !== width || size?.height !== height) await page.setViewportSize({ width, height });
      return page;
    },
    async close(): Promise<void> {
      for (const opened of pages.values()) await (await opened.catch(() => undefined))?.context().close();
      pages.clear();
    },
  };
}
