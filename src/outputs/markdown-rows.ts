import type { Provider, ProviderGroup } from "../registry/model.ts";
import { codeSpan, upstreamPathMarkdown } from "../render/inline.ts";
import { escapeMarkdownText, inlineMarkdown } from "./markdown-text.ts";

// The rows of the Markdown twin's tables, rendered in TypeScript as the HTML page's are
// (src/render/reference-rows.ts): looped in Liquid they cost more than the rest of the twin.

/** A table row: each cell's `|` escaped (tables read them even in a code span). */
const row = (cells: readonly string[]) =>
  `| ${cells.map((cell) => (cell.includes("|") ? cell.replace(/\|/g, "\\|") : cell)).join(" | ")} |\n`;

/** `{{ group | capabilityRows }}`: a capability group's rows: label and note, route type, streaming, model, version. */
export function markdownCapabilityRows(group: ProviderGroup): string {
  let rows = "";
  for (const c of group.capabilities) {
    rows += row([
      `${escapeMarkdownText(c.groupLabel)}${c.note ? `[^${c.note.number}]` : ""}`,
      codeSpan(c.routeType),
      c.streaming ? "Supported" : "Not supported",
      inlineMarkdown(c.modelExample),
      escapeMarkdownText(c.minVersion),
    ]);
  }
  return rows;
}

/** `{{ provider | upstreamPathRows }}`: a row per supported capability: its label, its upstream path or API. */
export function markdownUpstreamPathRows(provider: Provider): string {
  let rows = "";
  for (const c of provider.capabilities) {
    rows += row([escapeMarkdownText(c.label), upstreamPathMarkdown(c.upstreamPath).replace(/\s*\n\s*/g, " ")]);
  }
  return rows;
}
