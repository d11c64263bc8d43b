import type { Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import { breakableCode, escapeHtml, renderInline, renderUpstreamPath } from "./inline.ts";

// The rows of a provider's tables, rendered in TypeScript: looped in Liquid they cost more than
// the rest of the page together (about 0.5 ms a provider: 5 s of a 10,000-provider build). The
// table, its caption and headers, and every sentence around it stay in the templates.

/**
 * `{{ capability | referenceRow: prefix }}`: a capability's table row: its label (with its note's
 * marker, linked to the note), route type, streaming, model example, minimum version.
 */
export function referenceRow(capability: ProviderCapability, prefix = ""): string {
  const note = capability.note;
  const marker = note
    ? `<sup><a class="note-ref" id="${prefix}note-ref-${note.number}" href="#${prefix}note-${note.number}">` +
      `<span class="visually-hidden">Note </span>${note.number}</a></sup>`
    : "";
  return (
    `<tr id="${prefix}${capability.id}"><th scope="row">${escapeHtml(capability.groupLabel)}${marker}</th>` +
    `<td>${breakableCode(capability.routeType)}${copyButton(capability.routeType, "route type")}</td>` +
    `<td class="streaming">${supportMark(capability.streaming)}</td>` +
    `<td>${renderInline(capability.modelExample)}</td><td>${escapeHtml(capability.minVersion)}</td></tr>\n`
  );
}

/** `{{ group | capabilityRows: prefix }}`: a capability group's table rows, one per capability (see `referenceRow`). */
export function capabilityRows(group: ProviderGroup, prefix = ""): string {
  let rows = "";
  for (const capability of group.capabilities) rows += referenceRow(capability, prefix);
  return rows;
}

/** `{{ provider | upstreamPathRows }}`: a row per supported capability: its label, its upstream path or API. */
export function upstreamPathRows(provider: Provider): string {
  let rows = "";
  for (const capability of provider.capabilities) {
    const path = pastablePath(capability.upstreamPath);
    rows +=
      `<tr><th scope="row">${escapeHtml(capability.label)}</th>` +
      `<td>${renderUpstreamPath(capability.upstreamPath)}${path ? copyButton(path, "upstream path") : ""}</td></tr>\n`;
  }
  return rows;
}

/**
 * A button that copies a code value (shown by copy.js, which it needs), named for screen readers
 * by what it copies; the same as `_includes/provider-reference/copy-button.liquid`, in a row.
 */
export function copyButton(value: string, what: string): string {
  return (
    `<button type="button" class="copy-button" data-copy-text="${escapeHtml(value)}" hidden>` +
    `Copy<span class="visually-hidden"> ${what}</span></button>`
  );
}

/**
 * The path a reader pastes from an upstream-path value: the value itself when it is bare, or
 * the one code span it holds when that is a path (`/v1/chat/completions` or user-defined);
 * none for prose such as "Uses the `Converse` API".
 */
export function pastablePath(text: string): string | undefined {
  const spans = text.match(/`[^`]+`/g);
  const value = spans ? (spans.length === 1 ? spans[0]!.slice(1, -1) : undefined) : text.trim();
  return value !== undefined && /^\/\S*$/.test(value) ? value : undefined;
}

/**
 * Streaming as an icon that also carries its meaning as text. Icons are written as character
 * references: a page whose text is all Latin-1 is held in memory at one byte a character,
 * which halves what 10,000 built pages weigh while Eleventy holds them.
 */
export function supportMark(supported: boolean): string {
  return supported
    ? `<span class="mark mark-yes" aria-hidden="true">&#10003;</span><span class="visually-hidden">Supported</span>`
    : `<span class="mark mark-no" aria-hidden="true">&#10007;</span><span class="visually-hidden">Not supported</span>`;
}
