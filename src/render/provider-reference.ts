import type { Callout } from "../catalogue.ts";
import type { Footnote, Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { escapeHtml, renderInline, renderParagraphs, renderUpstreamPath } from "./inline.ts";

export interface ReferenceOptions {
  /**
   * Prefix of every id in the section. A provider page uses none, so `#embeddings` links to
   * its row; a section embedded beside others uses e.g. `openai-` so ids stay unique.
   */
  idPrefix?: string;
}

/** Links the seed makes to the plugin docs, made absolute from the site's settings. */
export function pluginLinks(site: SiteConfig) {
  return {
    aiProxy: `${site.pluginDocsUrl}/plugins/ai-proxy/`,
    aiProxyAdvanced: `${site.pluginDocsUrl}/plugins/ai-proxy-advanced/`,
    routeType: `${site.pluginDocsUrl}/plugins/ai-proxy/reference/#schema--config-route-type`,
  };
}

/** The callout under the upstream paths: any provider's base URL can be overridden. */
export const SELF_HOSTED_CALLOUT: Callout = {
  kind: "info",
  text:
    "While only the **Llama2** and **Mistral** models are classed as self-hosted, the target URL can be overridden for any of the supported providers.\n\n" +
    "For example, a self-hosted or otherwise OpenAI-compatible endpoint can be called by setting the same `upstream_url` plugin option.",
};

/** The callout before the capability tables: which route type to set. */
export const routeTypeCallout = (site: SiteConfig): Callout => ({
  kind: "info",
  text: `Set the plugin's [\`route_type\`](${pluginLinks(site).routeType}) based on the capability you want to use. See the tables below for supported route types.`,
});

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

function baseUrlParagraph(provider: Provider): string {
  const name = escapeHtml(provider.name);
  const patterns = provider.urlPatterns.map((u) => `<code>${escapeHtml(u)}</code>`);
  const placeholder = provider.urlPatterns.some((u) => u.includes("{route_type_path}"))
    ? `, where <code>{route_type_path}</code> is determined by the capability being used`
    : "";
  if (provider.urlIsVariable) {
    return (
      `<p>${name} has no fixed base URL: it is the URL you set in the plugin's ` +
      `<code>config.model.options.upstream_url</code> option, shown here as ${patterns.join(" or ")}.</p>\n`
    );
  }
  if (patterns.length === 0) return `<p>${name} has no base URL in this reference.</p>\n`;
  if (patterns.length === 1) return `<p>The base URL for ${name} is ${patterns[0]}${placeholder}.</p>\n`;
  return (
    `<p>The base URL for ${name} is one of the following${placeholder}:</p>\n` +
    `<ul>${patterns.map((p) => `<li>${p}</li>`).join("")}</ul>\n`
  );
}

function upstreamTable(provider: Provider, prefix: string): string {
  if (provider.capabilities.length === 0) return `<p>No capabilities of ${escapeHtml(provider.name)} are supported yet.</p>\n`;
  const rows = provider.capabilities
    .map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${renderUpstreamPath(c.upstreamPath)}</td></tr>\n`)
    .join("");
  return scrollingTable(`${prefix}upstream-paths-caption`, `Upstream paths of ${escapeHtml(provider.name)}`, ["Capability", "Upstream path or API"], rows);
}

function extras(provider: Provider, prefix: string): string {
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
      `<p>With the plugin's <code>llm_format</code> set to a native format, requests in ${escapeHtml(provider.name)}'s own API format pass through to these APIs:</p>\n` +
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
  const name = escapeHtml(provider.name);
  const links = pluginLinks(site);
  const product = escapeHtml(site.product);
  const since = provider.minVersion && provider.minVersion !== "n/a"
    ? ` ${name} is supported from ${product} ${escapeHtml(provider.minVersion)}.`
    : "";
  return (
    `<p>You can proxy requests to ${name} AI models through ${product} using the ` +
    `<a href="${links.aiProxy}">AI Proxy</a> and <a href="${links.aiProxyAdvanced}">AI Proxy Advanced</a> plugins. ` +
    `This reference documents all supported AI capabilities, configuration requirements, and provider-specific details needed for proper integration.${since}</p>\n` +
    heading(2, `${prefix}base-url`, `${name} base URL`) +
    baseUrlParagraph(provider) +
    heading(3, `${prefix}upstream-paths`, "Upstream paths") +
    `<p>${product} forwards requests to the following ${name} API endpoints based on the capability:</p>\n` +
    upstreamTable(provider, prefix) +
    callout(SELF_HOSTED_CALLOUT, site) +
    heading(2, `${prefix}supported-capabilities`, "Supported capabilities") +
    `<p>The following tables show the AI capabilities supported by ${name} provider when used with the ` +
    `<a href="${links.aiProxy}">AI Proxy</a> or the <a href="${links.aiProxyAdvanced}">AI Proxy Advanced</a> plugin.</p>\n` +
    callout(routeTypeCallout(site), site) +
    (provider.groups.length
      ? provider.groups.map((group) => groupSection(provider, group, site, prefix)).join("")
      : `<p>No capabilities of ${name} are supported yet.</p>\n`) +
    extras(provider, prefix)
  );
}
