/** A filter as liquidjs calls it: `this` is liquidjs' own (`this.context`, the render context). */
export type LiquidFilter = (this: any, ...args: any[]) => unknown;

/**
 * Filters given to Eleventy's liquidjs engine itself (`registerFilter`), not through `addFilter`: Eleventy wraps
 * each `addFilter` filter to time every call and to look `page` and `eleventy` up in the render context for its
 * `this`, some 3 µs a call, which none of our filters reads. A provider page makes about sixty such calls.
 */
export function addLiquidFilters(eleventyConfig: any, filters: Readonly<Record<string, LiquidFilter>>): void {
  eleventyConfig.amendLibrary("liquid", (liquid: any) => {
    for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  });
}
