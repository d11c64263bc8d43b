import type { BuildState } from "./build-state.ts";

/** Global data `history`: whether the data files' git history is known (else no page says "last updated"). */
export function registerHistoryData(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addGlobalData("history", () => ({ available: state.current.history.available }));
}
