import { readerFilters } from "../render/reader-filters.ts";

/** The way-finding filters (`pageHeadings`, `missingCapabilities`, `scriptJson`): src/render/reader-filters.ts. */
export function registerReaderFilters(eleventyConfig: any): void {
  for (const [name, filter] of Object.entries(readerFilters)) eleventyConfig.addFilter(name, filter);
}
