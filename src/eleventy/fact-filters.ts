import { factFilters } from "../render/fact-filters.ts";
import { addLiquidFilters } from "./liquid-filters.ts";

/** The filters that compute a fact (addresses, descriptions, dates, counts): src/render/fact-filters.ts. */
export function registerFactFilters(eleventyConfig: any): void {
  addLiquidFilters(eleventyConfig, factFilters);
}
