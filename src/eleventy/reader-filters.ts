import { registerReaderFilters as registerOn } from "../render/reader-filters.ts";

/**
 * The way-finding filters (`pageHeadings`, `missingCapabilities`, `scriptJson`): src/render/reader-filters.ts,
 * registered on the liquidjs engine itself, as the Markdown engine has them (not `addFilter`: liquid-filters.ts).
 */
export function registerReaderFilters(eleventyConfig: any): void {
  eleventyConfig.amendLibrary("liquid", (liquid: any) => registerOn(liquid));
}
