import { FastLiquid, fastLiquidEnabled } from "../render/fast-liquid/fast-liquid.ts";

/**
 * Eleventy's Liquid engine: the fast path (src/render/fast-liquid/) in place of Eleventy's own liquidjs, with the
 * options Eleventy would give its own (includes then input as roots, `.liquid`, strict filters) and ours (cached
 * templates, `outputEscape`). `LIQUID_ENGINE=liquidjs` keeps Eleventy's own engine, to compare with.
 */
export function registerFastLiquid(eleventyConfig: any, outputEscape: (value: unknown) => string): void {
  const ours = { cache: true, outputEscape };
  if (!fastLiquidEnabled()) {
    eleventyConfig.setLiquidOptions(ours);
    return;
  }
  const dirs = eleventyConfig.directories;
  const liquid = new FastLiquid(
    { root: [dirs.includes, dirs.input], extname: ".liquid", strictFilters: true, ...ours },
    // Our tag renders the reference synchronously (with a fast engine of its own): the page need not go to liquidjs.
    // The output escape, the last filter of every `{{ output }}`, is a plain function of its value.
    { synchronousTags: ["providerReference"], plainFilters: [outputEscape] },
  );
  eleventyConfig.setLibrary("liquid", liquid);
  // Eleventy makes its own engine anew for each rebuild of the dev server; this one lives on: forget edited partials.
  eleventyConfig.on("eleventy.before", () => liquid.clearCaches());
}
