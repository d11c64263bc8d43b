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
  // A file deleted while the first build ends, before Eleventy's watcher has started, would be
  // missed: the marker is written again every 250 ms until a rebuild starts.
  let deleted: string[] = [];
  let retry: NodeJS.Timeout | undefined;
  const mark = () => writeFileSync(marker, `${deleted.join("\n")}\n${Date.now()}\n`);
  const watcher = watch(providersDir, (_event, name) => {
    if (!name || existsSync(path.join(providersDir, name))) return;
    deleted.push(path.join(providersDir, name));
    mark();
    retry ??= setInterval(mark, 250).unref();
  });
  eleventyConfig.on("eleventy.beforeWatch", () => {
    clearInterval(retry);
    retry = undefined;
    deleted = [];
  });
  // The dev server stops when the process does; the watcher must not keep it alive.
  watcher.unref();
}
