import { registerFactFilters as registerOn } from "../render/fact-filters.ts";

/**
 * The filters that compute a fact (addresses, descriptions, dates, counts): src/render/fact-filters.ts,
 * registered on the liquidjs engine itself, as the Markdown engine has them (not `addFilter`: liquid-filters.ts).
 */
export function registerFactFilters(eleventyConfig: any): void {
  eleventyConfig.amendLibrary("liquid", (liquid: any) => registerOn(liquid));
}
