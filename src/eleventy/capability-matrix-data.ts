import { CAPABILITIES } from "../catalogue.ts";
import type { BuildState } from "./build-state.ts";

/**
 * Global data `capabilityMatrix`: every page of the matrix and its views (plain data, rows left
 * out: the page template paginates them), the filter links and the full matrix's column headers.
 */
export function registerCapabilityMatrixData(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addGlobalData("capabilityMatrix", () => {
    const { matrix } = state.current;
    return {
      pages: matrix.pages,
      filterLinks: matrix.filterLinks,
      columnGroups: matrix.columnGroups,
      capabilityCount: CAPABILITIES.length,
    };
  });
}
