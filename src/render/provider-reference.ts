import type { Callout } from "../catalogue.ts";
import type { Footnote, Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { escapeHtml, renderInline, renderParagraphs, renderUpstreamPath } from "./inline.ts";
import { referenceProse, routeTypeCallout, SELF_HOSTED_CALLOUT, type ProseFormat } from "./reference-prose.ts";

/** Prose in HTML: text escaped, code in `<code>`. */
const htmlProse: ProseFormat = {
  text: escapeHtml,
  code: (text) => `<code>${escapeHtml(text)}</code>`,
  link: (label, href) => `<a href="${escapeHtml(href)}">${label}</a>`,
};

export interface ReferenceOptions {
  /**
   * Prefix of every id in the section. A provider page uses none, so `#embeddings` links to
   * its row; a section embedded beside others uses e.g. `openai-` so ids stay unique.
   */
  idPrefix?: string;
}

/** A heading with an anchor link after it, so readers can copy a link to the section. */
export function heading(level: 2 | 3, id: string, text: string): string {
  return (
    `<div class="heading"><h${level} id="${id}">${text}</h${level}>` +
    `<a class="heading-anchor" href="#${id}"><span aria-hidden="true">#</span>` +
    `<span class="visually-hidden">Link to section: ${text}</span></a></div>\n`
  );
}

/** A table in a region (a named section) that scrolls sideways on a narrow screen, keyboard-reachable. */
function scrollingTable(captionId: string, caption: string, head: string[], rows: string): string {
  return (
    `<section class="table-scroll" aria-labelledby="${captionId}" tabindex="0">\n` +
    `<table>\n<caption id="${captionId}">${caption}</caption>\n` +
    `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>\n` +
    `<tbody>\n${rows}</tbody>\n</table>\n</section>\n`
  );
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

function callout(item: Callout, site: SiteConfig): string {
  const label = item.kind === "warning" ? "Warning" : "Note";
  const text = item.text.replaceAll("{pluginDocs}", site.pluginDocsUrl);
  return (
    `<div class="callout callout-${item.kind}"><p class="callout-label"><strong>${label}</strong></p>` +
    `${renderParagraphs(text)}</div>\n`
  );
}

const noteId = (prefix: string, n: number) => `${prefix}note-${n}`;
const noteRefId = (prefix: string, n: number) => `${prefix}note-ref-${n}`;

/** The footnote marker after a capability's label, linked to its note. */
function noteMarker(note: Footnote | undefined, prefix: string): string {
  if (!note) return "";
  return (
    `<sup><a class="note-ref" id="${noteRefId(prefix, note.number)}" href="#${noteId(prefix, note.number)}">` +
    `<span class="visually-hidden">Note </span>${note.number}</a></sup>`
  );
}

/** A group's notes, numbered as on the page, each linking back to its marker. */
function noteList(notes: Footnote[], prefix: string): string {
  if (notes.length === 0) return "";
  const items = notes.map(
    (note) =>
      `<li id="${noteId(prefix, note.number)}" value="${note.number}" tabindex="-1">${renderInline(note.content)} ` +
      `<a class="note-back" href="#${noteRefId(prefix, note.number)}"><span aria-hidden="true">&#8617;</span>` +
      `<span class="visually-hidden">Back to note reference ${note.number}</span></a></li>`,
  );
  return `<ol class="notes" aria-label="Notes">\n${items.join("\n")}\n</ol>\n`;
}

function capabilityRow(capability: ProviderCapability, prefix: string): string {
  return (
    `<tr id="${prefix}${capability.id}">` +
    `<th scope="row">${escapeHtml(capability.groupLabel)}${noteMarker(capability.note, prefix)}</th>` +
    `<td><code>${escapeHtml(capability.routeType)}</code></td>` +
    `<td class="streaming">${supportMark(capability.streaming)}</td>` +
    `<td>${renderInline(capability.modelExample)}</td>` +
    `<td>${escapeHtml(capability.minVersion)}</td></tr>\n`
  );
}

function groupSection(provider: Provider, group: ProviderGroup, site: SiteConfig, prefix: string): string {
  const id = `${prefix}${group.anchor}`;
  return (
    `<section aria-labelledby="${id}">\n` +
    heading(3, id, escapeHtml(group.title)) +
    `<p>${renderInline(group.intro)}</p>\n` +
    group.calloutsBefore.map((c) => callout(c, site)).join("") +
    scrollingTable(
      `${id}-caption`,
      `${escapeHtml(group.title)} capabilities of ${escapeHtml(provider.name)}`,
      ["Capability", "Route type", "Streaming", "Model example", "Min version"],
      group.capabilities.map((c) => capabilityRow(c, prefix)).join(""),
    ) +
    group.calloutsAfter.map((c) => callout(c, site)).join("") +
    noteList(group.footnotes, prefix) +
    `</section>\n`
  );
}

function baseUrlParagraph({ sentence, list }: { sentence: string; list: string[] }): string {
  return `<p>${sentence}</p>\n${list.length ? `<ul>${list.map((p) => `<li>${p}</li>`).join("")}</ul>\n` : ""}`;
}

function upstreamTable(provider: Provider, prefix: string, noCapabilities: string): string {
  if (provider.capabilities.length === 0) return `<p>${noCapabilities}</p>\n`;
  const rows = provider.capabilities
    .map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${renderUpstreamPath(c.upstreamPath)}</td></tr>\n`)
    .join("");
  return scrollingTable(
    `${prefix}upstream-paths-caption`,
    `Upstream paths of ${escapeHtml(provider.name)}`,
    ["Capability", "Upstream path or API"],
    rows,
  );
}

function extras(provider: Provider, prefix: string, nativeFormatsIntro: string): string {
  let html = "";
  const { providerSpecific, statisticsLogging } = provider.limitations;
  if (providerSpecific.length || statisticsLogging.length) {
    html += heading(2, `${prefix}limitations`, "Limitations");
    const list = (items: string[]) => `<ul>${items.map((i) => `<li>${renderInline(i)}</li>`).join("")}</ul>\n`;
    if (providerSpecific.length) html += list(providerSpecific);
    if (statisticsLogging.length) html += `<p>Statistics logging:</p>\n${list(statisticsLogging)}`;
  }
  if (provider.nativeFormats.length) {
    html += heading(2, `${prefix}native-formats`, "Native formats");
    html +=
      `<p>${nativeFormatsIntro}</p>\n` +
      provider.nativeFormats
        .map(
          (f) =>
            `<p><code>llm_format: ${escapeHtml(f.llmFormat)}</code></p>\n` +
            `<ul>${f.supportedApis.map((api) => `<li><code>${escapeHtml(api)}</code></li>`).join("")}</ul>\n`,
        )
        .join("");
  }
  return html;
}

/**
 * Renders one provider's whole reference section (everything the seed include shows, in its
 * order): intro, base URL, upstream paths, the self-hosted callout, and per capability group
 * a table with numbered footnotes and the group's callouts.
 */
export function renderProviderReference(provider: Provider, site: SiteConfig, options: ReferenceOptions = {}): string {
  const prefix = options.idPrefix ?? "";
  const prose = referenceProse(provider, site, htmlProse);
  return (
    `<p>${prose.intro}</p>\n` +
    heading(2, `${prefix}base-url`, prose.baseUrlHeading) +
    baseUrlParagraph(prose.baseUrl) +
    heading(3, `${prefix}upstream-paths`, "Upstream paths") +
    `<p>${prose.upstreamIntro}</p>\n` +
    upstreamTable(provider, prefix, prose.noCapabilities) +
    callout(SELF_HOSTED_CALLOUT, site) +
    heading(2, `${prefix}supported-capabilities`, "Supported capabilities") +
    `<p>${prose.capabilitiesIntro}</p>\n` +
    callout(routeTypeCallout(site), site) +
    (provider.groups.length
      ? provider.groups.map((group) => groupSection(provider, group, site, prefix)).join("")
      : `<p>${prose.noCapabilities}</p>\n`) +
    extras(provider, prefix, prose.nativeFormatsIntro)
  );
}
