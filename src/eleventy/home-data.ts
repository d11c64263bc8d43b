import { GATEWAY_VERSIONS } from "../gateway-catalogue.ts";
import { catalogueCapabilities } from "../render/reader-filters.ts";
import type { BuildState } from "./build-state.ts";
import { addFrozenGlobalData } from "./global-data.ts";

/**
 * Global data `stats` (the home page's counts, coverage chart and news per gateway version, from
 * one pass over the registry) and `catalogue` (the capabilities, for the compare page's table; the
 * gateway versions, for the version picker).
 */
export function registerHomeData(eleventyConfig: any, state: BuildState): void {
  addFrozenGlobalData(eleventyConfig, "stats", () => state.current.stats);
  addFrozenGlobalData(eleventyConfig, "catalogue", {
    capabilities: catalogueCapabilities,
    gatewayVersions: GATEWAY_VERSIONS,
  });
}
