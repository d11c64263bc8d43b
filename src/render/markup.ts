import type { Context } from "liquidjs";
import { escapeMarkdownText } from "../registry/markdown-escape.ts";
import { escapeHtml } from "./inline.ts";

/** Markup a filter made, printed as it is where any other value is escaped: other engines' "safe string". */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template renders: an HTML page, or a Markdown twin (front matter `outputFormat: markdown`). */
export type OutputFormat = "html" | "markdown";

/** The output format of the template being rendered: its `outputFormat` data, HTML by default. */
export function outputFormatOf(context: Context | undefined): OutputFormat {
  return context?.getSync(["outputFormat"]) === "markdown" ? "markdown" : "html";
}

/** liquidjs' `outputEscape` (called as a filter is): `{{ value }}` escaped for its output unless it is `Markup`. */
export function escapeOutput(this: { context?: Context } | undefined, value: unknown): string {
  if (value instanceof Markup) return value.text;
  const text = value === undefined || value === null ? "" : String(value);
  return outputFormatOf(this?.context) === "markdown" ? escapeMarkdownText(text) : escapeHtml(text);
}

/** How Eleventy's liquidjs renders this site: partials cached, unknown filters refused, every output escaped. */
export const LIQUID_OPTIONS = { cache: true, strictFilters: true, outputEscape: escapeOutput } as const;
