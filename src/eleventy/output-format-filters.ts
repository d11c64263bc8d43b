import { htmlFormat, registerOutputFormat } from "../render/output-formats.ts";

/**
 * The HTML output's markup filters (`code`, `link`, `inlineMarkdown`, `upstreamPath`, `paragraphs`,
 * `supportMark`), registered on Eleventy's liquidjs engine as raw filters: their result is markup
 * already escaped, which the engine's `outputEscape` must not escape again. The Markdown twin's
 * engine registers the Markdown format under the same names (src/render/template-engine.ts).
 */
export function registerOutputFormatFilters(eleventyConfig: any): void {
  eleventyConfig.amendLibrary("liquid", (liquid: any) => registerOutputFormat(liquid, htmlFormat));
}
