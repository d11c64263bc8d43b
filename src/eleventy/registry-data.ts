import type { BuildState } from "./build-state.ts";

/** Global data `registry`: the providers of this build, in name order, with groups, notes and redirects. */
export function registerRegistryData(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addGlobalData("registry", () => state.current.registry);
}
