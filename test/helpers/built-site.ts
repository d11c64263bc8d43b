import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { filesUnder, projectRoot } from "./build-site.ts";

export { filesUnder };

let built: Promise<string> | undefined;

/**
 * The shipped site built ONCE per test run with the real build command (`npm run build`:
 * Eleventy, then Pagefind) into a temporary folder, removed when the run ends. The browser,
 * validator and link suites all read this one build.
 */
export function builtSite(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ai-provider-site-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    const child = spawn("npm", ["run", "--silent", "build"], {
      cwd: projectRoot,
      env: { ...process.env, ELEVENTY_OUTPUT: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(dir) : reject(new Error(`npm run build failed (${code}):\n${log}`))));
  });
  return built;
}

/** The built HTML pages: `{ url, file, html }`, `url` as a reader would type it. */
export function htmlPages(dir: string): { url: string; file: string; html: string }[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"))
    .map((file) => ({ url: `/${file.replace(/(^|\/)index\.html$/, "$1")}`, file, html: readFileSync(path.join(dir, file), "utf8") }));
}
