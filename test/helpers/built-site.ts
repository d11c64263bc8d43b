import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import { type BuiltPage, filesUnder, projectRoot } from "./build-site.ts";

export { filesUnder };

let built: Promise<string> | undefined;

/**
 * Builds a site with the real build command (`npm run build`, search index included) into a
 * new temporary folder, removed when the test run ends; `env` adds e.g. `PROVIDERS_DIR`.
 */
export function buildWithCli(env: Record<string, string> = {}, prefix = "ai-provider-site-"): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    const child = spawn("npm", ["run", "--silent", "build"], {
      cwd: projectRoot,
      env: { ...process.env, ...env, ELEVENTY_OUTPUT: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(dir) : reject(new Error(`npm run build failed (${code}):\n${log}`)),
    );
  });
}

/** The shipped site, built ONCE per test run: the browser, validator and link suites all read this one build. */
export function builtSite(): Promise<string> {
  built ??= buildWithCli();
  return built;
}

/** A built HTML page's address as a reader would type it: `/x/` for `x/index.html`. */
const pageUrl = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** The URLs of the built HTML pages (without reading them). */
export function pageUrls(dir: string): string[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"))
    .map(pageUrl);
}

/**
 * Every file of a built site by URL, as `buildSite` returns them (search index and assets left
 * out), read from the folder: each file is read, and parsed, when first asked for.
 */
export function builtPages(dir: string): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const file of filesUnder(dir)) {
    if (file.startsWith("pagefind/") || file.startsWith("assets/")) continue;
    let html: string | undefined;
    let dom: HTMLElement | undefined;
    const url = pageUrl(file);
    pages.set(url, {
      url,
      get html() {
        html ??= readFileSync(path.join(dir, file), "utf8");
        return html;
      },
      get dom() {
        dom ??= parse(this.html);
        return dom;
      },
    });
  }
  return pages;
}

/** The built HTML pages: `{ url, file, html }`, `url` as a reader would type it. */
export function htmlPages(dir: string): { url: string; file: string; html: string }[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"))
    .map((file) => ({
      url: pageUrl(file),
      file,
      html: readFileSync(path.join(dir, file), "utf8"),
    }));
}

/**
 * The fewest pages among `urls` (of a built site in `dir`) that together show every element any
 * of them shows, an element being its tag, classes and attribute names under its parent's: pages
 * of one template that differ only in their data (provider pages), each state of the template
 * once. Chosen greedily, the page that adds the most first; in the order of `urls`.
 */
export function distinctPages(dir: string, urls: readonly string[]): string[] {
  const shape = (element: HTMLElement) =>
    `${element.tagName?.toLowerCase()}${[...element.classList.values()]
      .sort()
      .map((c) => `.${c}`)
      .join("")}${Object.keys(element.attributes)
      .filter((name) => name !== "class")
      .sort()
      .map((name) => `[${name}]`)
      .join("")}`;
  const elements = new Map<string, Set<string>>();
  for (const url of urls) {
    const html = readFileSync(path.join(dir, url.replace(/\/$/, "/index.html")), "utf8");
    const found = new Set<string>();
    for (const element of parse(html).querySelectorAll("body *"))
      found.add(`${shape(element.parentNode!)} > ${shape(element)}`);
    elements.set(url, found);
  }
  const missing = new Set([...elements.values()].flatMap((found) => [...found]));
  const chosen = new Set<string>();
  while (missing.size > 0) {
    let best: [string, number] = ["", 0];
    for (const [url, found] of elements) {
      const adds = [...found].filter((element) => missing.has(element)).length;
      if (adds > best[1]) best = [url, adds];
    }
    chosen.add(best[0]);
    for (const element of elements.get(best[0])!) missing.delete(element);
  }
  return urls.filter((url) => chosen.has(url));
}
