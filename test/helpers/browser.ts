import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { builtSite, htmlPages } from "./built-site.ts";
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

export interface BrowserFixture {
  browser: Browser;
  server: StaticServer;
  /** Every HTML page of the built site, by URL. */
  urls: string[];
}

/**
 * A browser suite's fixture: the site built once per run (see builtSite), served on 127.0.0.1
 * with netlify.toml's headers, and Chromium. The first test that asks sets it up; a set-up
 * that fails fails each test that asks (and is counted) rather than stopping the run.
 */
export function browserFixture() {
  let ready: Promise<BrowserFixture> | undefined;
  return {
    get: () =>
      (ready ??= (async () => {
        const dir = await builtSite();
        const server = await serveSite(dir, netlifyHeaderRules());
        try {
          return { browser: await launchChromium(), server, urls: htmlPages(dir).map((p) => p.url) };
        } catch (error) {
          await server.close();
          throw error;
        }
      })()),
    /** Closes the browser and the server, if they were started. */
    close: async () => {
      const fixture = await ready?.catch(() => undefined);
      await fixture?.browser.close();
      await fixture?.server.close();
    },
  };
}
