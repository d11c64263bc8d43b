import path from "node:path";
import { Liquid } from "liquidjs";
import { FastLiquid } from "./fast-liquid/fast-liquid.ts";
import { escapeMarkdownText } from "../outputs/markdown-text.ts";
import { escapeHtml } from "./inline.ts";
import { htmlFormat, markdownFormat, registerOutputFormat } from "./output-formats.ts";
import { registerFactFilters } from "./fact-filters.ts";
import { registerReaderFilters } from "./reader-filters.ts";

/** The folder of layouts and partials, relative to the project root (Eleventy's `dir.includes`). */
export const INCLUDES_DIR = "_includes";

/** How every `{{ output }}` of an HTML template is escaped, on Eleventy's engine and ours: as `escapeHtml`. */
export const escapeHtmlOutput = (value: unknown): string => escapeHtml(String(value ?? ""));

/** How every `{{ output }}` of a Markdown template is escaped: as Markdown text. */
export const escapeMarkdownOutput = (value: unknown): string => escapeMarkdownText(String(value ?? ""));

/**
 * A liquidjs engine over `_includes/` for one output, configured as Eleventy's is (cached
 * templates, every `{{ output }}` escaped: for HTML as HTML, for Markdown as Markdown text),
 * with the same filters. The Markdown twins are rendered with it from TypeScript (a template
 * pass through Eleventy per twin costs more than the twin), and tests render partials with it.
 * It renders with the fast path (src/render/fast-liquid/), byte for byte as liquidjs would (`renderer`
 * `"liquidjs"`: liquidjs alone, to compare with).
 */
export function createTemplateEngine(
  format: "html" | "markdown",
  includesDir: string = INCLUDES_DIR,
  renderer: "fast" | "liquidjs" = "fast",
): Liquid {
  const options = {
    root: [path.resolve(includesDir)],
    extname: ".liquid",
    cache: true,
    strictFilters: true,
    outputEscape: format === "html" ? escapeHtmlOutput : escapeMarkdownOutput,
  };
  // liquidjs alone: what the differential tests compare the fast path with.
  // The output escape, the last filter of every `{{ output }}`, is a plain function of its value.
  const liquid =
    renderer === "fast" ? new FastLiquid(options, { plainFilters: [options.outputEscape] }) : new Liquid(options);
  registerOutputFormat(liquid, format === "html" ? htmlFormat : markdownFormat);
  registerFactFilters(liquid);
  registerReaderFilters(liquid);
  return liquid;
}
