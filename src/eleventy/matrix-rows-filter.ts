import type { BuildState } from "./build-state.ts";

/**
 * `{{ matrixPage.url | matrixRows }}`: the table rows of one page of the matrix, rendered in
 * TypeScript. At 10,000 providers the matrix and its views hold some 150,000 rows; looped in
 * Liquid they would double the build's time (issue 8's measurements). Raw: the rows are markup.
 */
export function registerMatrixRowsFilter(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.amendLibrary("liquid", (liquid: any) =>
    liquid.registerFilter("matrixRows", { handler: (url: string) => state.current.matrix.rows(url), raw: true }),
  );
}
