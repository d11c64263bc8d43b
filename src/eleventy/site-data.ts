import type { BuildState } from "./build-state.ts";

/** Global data `site`: `_data/site.yaml`, checked (title, product, plugin-docs origin, repository). */
export function registerSiteData(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addGlobalData("site", () => state.current.site);
}
