import type { BuildState } from "./build-state.ts";
import { addFrozenGlobalData } from "./global-data.ts";

/** Global data `history`: whether the data files' git history is known (else no page says "last updated"). */
export function registerHistoryData(eleventyConfig: any, state: BuildState): void {
  // Awaited here, before any page renders: the filters that date a page read the history without waiting.
  addFrozenGlobalData(eleventyConfig, "history", async () => ({
    available: (await state.current.historyReady()).available,
  }));
}
