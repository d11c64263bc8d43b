import { readerFilters } from "../render/reader-filters.ts";
import { addLiquidFilters } from "./liquid-filters.ts";

/** The way-finding filters (`pageHeadings`, `missingCapabilities`, `scriptJson`): src/render/reader-filters.ts. */
export function registerReaderFilters(eleventyConfig: any): void {
  addLiquidFilters(eleventyConfig, readerFilters);
}
