import type { Provider } from "../registry/model.ts";
import type { BuildState } from "./build-state.ts";

/** `{{ provider | lastUpdated }}`: its data file's last commit (ISO 8601), empty when there is none. */
export function registerLastUpdatedFilter(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addFilter("lastUpdated", (provider: Provider) => state.current.lastUpdated(provider) ?? "");
}
