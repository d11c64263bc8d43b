import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { filesUnder, projectRoot } from "./build-site.ts";

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

/** The built HTML pages: `{ url, file, html }`, `url` as a reader would type it. */
export function htmlPages(dir: string): { url: string; file: string; html: string }[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"))
    .map((file) => ({
      url: `/${file.replace(/(^|\/)index\.html$/, "$1")}`,
      file,
      html: readFileSync(path.join(dir, file), "utf8"),
    }));
}
