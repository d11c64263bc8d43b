import { CAPABILITIES } from "../catalogue.ts";
import type { BuildState } from "./build-state.ts";
import { addFrozenGlobalData } from "./global-data.ts";

/**
 * Global data `capabilityMatrix`: the pages of the matrix and its views this process writes (all
 * but in a split build; plain data, rows left out: the page template paginates them), the filter
 * links and the full matrix's column headers.
 */
export function registerCapabilityMatrixData(eleventyConfig: any, state: BuildState): void {
  addFrozenGlobalData(eleventyConfig, "capabilityMatrix", () => {
    const { matrix } = state.current;
    return {
      pages: state.matrixPages(matrix.pages),
      filterLinks: matrix.filterLinks,
      columnGroups: matrix.columnGroups,
      capabilityCount: CAPABILITIES.length,
    };
  });
}
