// `npm run screenshots`: builds the shipped site into a temporary folder, serves it, and writes
// PNG screenshots of the home page, a provider page, the matrix and the compare page at 1280
// and 390 px, light and dark, into docs/screenshots/ (the top of each page, at most 2,600 px tall).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/helpers/browser.ts";
import { buildWithCli } from "../test/helpers/built-site.ts";
import { netlifyHeaderRules } from "../test/helpers/netlify-headers.ts";
import { serveSite } from "../test/helpers/static-server.ts";

const OUT = "docs/screenshots";
const PAGES = [
  ["home", "/"],
  ["provider", "/ai-providers/openai/"],
  ["matrix", "/ai-providers/"],
  ["compare", "/ai-providers/compare/?a=openai&b=anthropic"],
] as const;
const WIDTHS = [1280, 390] as const;
const SCHEMES = ["light", "dark"] as const;
const MAX_HEIGHT = 2600;

const dir = await buildWithCli({}, "screenshots-site-");
const server = await serveSite(dir, netlifyHeaderRules());
const browser = await launchChromium();
mkdirSync(OUT, { recursive: true });
try {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      for (const [name, url] of PAGES) {
        await page.goto(`${server.origin}${url}`);
        // Pagefind mounts the search box, compare.js fills its table: wait for both.
        await page.waitForSelector(".pagefind-ui__search-input");
        if (name === "compare") await page.waitForSelector("[data-compare-region]:not([hidden])");
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = path.join(OUT, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
        });
        console.log(`Wrote ${file}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
