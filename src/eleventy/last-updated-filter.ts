import type { Provider } from "../registry/model.ts";
import type { BuildState } from "./build-state.ts";
import { addLiquidFilters } from "./liquid-filters.ts";

/** `{{ provider | lastUpdated }}`: its data file's last commit (ISO 8601), empty when there is none. */
export function registerLastUpdatedFilter(eleventyConfig: any, state: BuildState): void {
  addLiquidFilters(eleventyConfig, {
    lastUpdated: (provider: Provider) => state.current.lastUpdated(provider) ?? "",
  });
}
