import type { BuildState } from "./build-state.ts";

/** `eleventy.beforeWatch`: the watcher says which files changed; only those are parsed again. */
export function registerChangedDataFiles(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => state.startBuild(changedFiles));
}
