import type { BuildState } from "./build-state.ts";

/**
 * Global data `providerPages`: the providers whose pages this process writes, which the provider
 * page paginates. All of `registry.providers`, unless a command-line build is split over two processes.
 */
export function registerProviderPagesData(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addGlobalData("providerPages", () => state.pages(state.current.registry.providers));
}
