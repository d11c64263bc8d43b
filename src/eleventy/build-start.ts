import type { BuildRun } from "./build-run.ts";

/** `eleventy.before`: a build starts (its data loaded afresh, twins and search started). */
export function registerBuildStart(eleventyConfig: any, run: BuildRun): void {
  eleventyConfig.on("eleventy.before", (event: Parameters<BuildRun["start"]>[0]) => run.start(event));
}
