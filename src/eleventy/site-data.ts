import type { BuildState } from "./build-state.ts";
import { addFrozenGlobalData } from "./global-data.ts";

/** Global data `site`: `_data/site.yaml`, checked (title, product, plugin-docs origin, repository). */
export function registerSiteData(eleventyConfig: any, state: BuildState): void {
  addFrozenGlobalData(eleventyConfig, "site", () => state.current.site);
}
