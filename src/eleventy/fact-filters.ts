import { factFilters } from "../render/fact-filters.ts";

/** The filters that compute a fact (addresses, descriptions, dates, counts): src/render/fact-filters.ts. */
export function registerFactFilters(eleventyConfig: any): void {
  for (const [name, filter] of Object.entries(factFilters)) eleventyConfig.addFilter(name, filter);
}
