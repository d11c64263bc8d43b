import { existsSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * In the dev server, a deleted (or renamed) data file rebuilds the site. Eleventy's watcher only
 * logs "File deleted" and rebuilds nothing, so this watches the data folder itself and, when a
 * file disappears, writes its name to a file Eleventy watches (in the system's temporary folder:
 * Eleventy's watcher skips what .gitignore lists), which rebuilds the site without it. Builds
 * (not watching) register nothing.
 */
export function registerDeletedDataFiles(eleventyConfig: any, providersDir: string): void {
  const mode = process.env.ELEVENTY_RUN_MODE;
  if (mode !== "serve" && mode !== "watch") return;
  const marker = path.join(tmpdir(), `provider-reference-deleted-files-${process.pid}`);
  writeFileSync(marker, "");
  process.once("exit", () => rmSync(marker, { force: true }));
  eleventyConfig.addWatchTarget(marker);
  const watcher = watch(providersDir, (_event, name) => {
    if (!name || existsSync(path.join(providersDir, name))) return;
    writeFileSync(marker, `${path.join(providersDir, name)}\n`);
  });
  // The dev server stops when the process does; the watcher must not keep it alive.
  watcher.unref();
}
