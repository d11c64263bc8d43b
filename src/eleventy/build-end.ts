import type { BuildRun } from "./build-run.ts";

/** `eleventy.after`: the pages are out; twins and search index finished, the output folder published. */
export function registerBuildEnd(eleventyConfig: any, run: BuildRun): void {
  eleventyConfig.on("eleventy.after", (event: Parameters<BuildRun["finish"]>[0]) => run.finish(event));
}
