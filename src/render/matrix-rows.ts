import { CAPABILITIES, type CapabilityKey } from "../catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { capabilityUrl, providerPageUrl } from "../urls.ts";
import { capabilitySince } from "../versions.ts";
import { escapeHtml, renderInline } from "./inline.ts";
import { sinceAttribute } from "./reference-rows.ts";

// The tables of the capability matrix and its views. They hold one row per provider (or per
// provider and capability): at 10,000 providers the matrix alone has 150,000 cells, so the
// ✓ and ✗ marks are drawn by the style sheet (and hidden from screen readers), and in a
// cell every <span> holds the words screen readers read instead (site.css hides them from
// view, as `.visually-hidden` does, without repeating that class in every cell).

const hidden = (text: string) => `<span>${text}</span>`;

// The words screen readers hear in a matrix cell (the ✓ is drawn, and hidden from them).
const SUPPORTED = hidden("Supported");
const SUPPORTED_FROM = `${hidden("Supported from")} `;
const STREAMING = `${hidden(",")} <small>streaming</small>`;

/** A capability's cell in the streaming column: a mark, and its meaning for screen readers. */
const STREAMS = `<td class="mark-yes">${hidden("Supported")}</td>`;
/** "Not supported": a capability's cell in the matrix, or the streaming column. */
const NOT_SUPPORTED = `<td class="mark-no">${hidden("Not supported")}</td>`;

/** What the rows say about one supported capability of a provider, worked out once. */
export interface CapabilityFacts {
  provider: ProviderFacts;
  capability: ProviderCapability;
  /** Its row on the provider's page. */
  href: string;
  /** The first gateway version it works on (its own, or for `n/a` the provider's); undefined when none is known. */
  since: string | undefined;
}

/** What the rows say about one provider, worked out once and shared by every view. */
export interface ProviderFacts {
  provider: Provider;
  /** The provider's name, escaped. */
  name: string;
  /** The start of a row headed by the provider's name linked to its page. */
  rowStart: string;
  /** The note after the name of an OpenAI-compatible provider, or "". */
  driver: string;
  /** Supported capabilities, in canonical order. */
  capabilities: CapabilityFacts[];
  /** Whether any capability streams. */
  streams: boolean;
}

/** A row's start: the header cell, the provider's name linked (and how the gateway reaches it, if not directly). */
const rowStart = (name: string, href: string, driver = "") =>
  `<tr><th scope="row"><a href="${href}">${name}</a>${driver}</th>`;

/** Beside the name of a provider the gateway reaches through another provider's driver. */
const DRIVER_NOTES: Readonly<Record<string, string>> = {
  openai: ' <small class="driver-note">through the OpenAI driver</small>',
};

/** A provider's facts: name escaped, links and versions worked out. */
export function providerFacts(provider: Provider): ProviderFacts {
  const name = escapeHtml(provider.name);
  const driver = provider.compatibleWith ? DRIVER_NOTES[provider.compatibleWith]! : "";
  const facts: ProviderFacts = {
    provider,
    name,
    driver,
    rowStart: rowStart(name, providerPageUrl(provider), driver),
    capabilities: [],
    streams: false,
  };
  for (const capability of provider.capabilities) {
    facts.capabilities.push({
      provider: facts,
      capability,
      href: capabilityUrl(provider, capability.id),
      since: capabilitySince(provider, capability),
    });
    facts.streams ||= capability.streaming;
  }
  return facts;
}

/** Each capability's label, escaped once. */
const LABELS = new Map<CapabilityKey, string>(CAPABILITIES.map((c) => [c.key, escapeHtml(c.label)]));

/**
 * The full matrix's row: the provider's name linked to its page, then one cell per capability
 * in canonical order: not supported, or supported (from a version, streaming or not) linked to
 * the capability's row on the provider's page.
 */
export function matrixRow(facts: ProviderFacts): string {
  let row = facts.rowStart;
  // Capabilities are in canonical order, so one walk pairs them with the columns.
  let next = 0;
  for (const definition of CAPABILITIES) {
    const supported = facts.capabilities[next];
    if (supported?.capability.key !== definition.key) {
      row += NOT_SUPPORTED;
      continue;
    }
    next++;
    // A version is digits and dots: nothing to escape.
    const version = supported.since === undefined ? SUPPORTED : SUPPORTED_FROM + supported.since;
    // The only cells with a link: the style sheet marks them ✓ by that.
    row +=
      `<td${sinceAttribute(supported.since)}><a href="${supported.href}">${version}` +
      `${supported.capability.streaming ? STREAMING : ""}</a></td>`;
  }
  return `${row}</tr>\n`;
}

/** The full matrix's row for a provider. */
export const renderMatrixRow = (provider: Provider) => matrixRow(providerFacts(provider));

/**
 * A capability view's row: the provider, linked to the capability's row on its page; the
 * version it works from (the data's own text, such as `n/a`, when no version is known);
 * whether it streams; an example model.
 */
export function capabilityRow({ provider, capability, href, since }: CapabilityFacts): string {
  return (
    rowStart(provider.name, href, provider.driver) +
    `<td${sinceAttribute(since)}>${since ?? escapeHtml(capability.minVersion)}</td>` +
    `${capability.streaming ? STREAMS : NOT_SUPPORTED}<td>` +
    `${renderInline(capability.modelExample)}</td></tr>\n`
  );
}

/** The streaming view's row: the provider, linked to its page; its capabilities that stream, each linked to its row. */
export function streamingRow(facts: ProviderFacts): string {
  let links = "";
  for (const c of facts.capabilities) {
    if (c.capability.streaming) links += `${links ? ", " : ""}<a href="${c.href}">${LABELS.get(c.capability.key)}</a>`;
  }
  return `${facts.rowStart}<td>${links}</td></tr>\n`;
}

/**
 * A version view's row: the provider, linked to its page; the capabilities it offers on that
 * version; those that need a newer one, each with the version it needs. `later` says which.
 */
export function versionRow(facts: ProviderFacts, later: (c: CapabilityFacts) => boolean): string {
  let now = "";
  let after = "";
  for (const c of facts.capabilities) {
    const label = LABELS.get(c.capability.key)!;
    if (later(c)) after += `${after ? ", " : ""}${label} (${c.since})`;
    else now += `${now ? ", " : ""}${label}`;
  }
  return `${facts.rowStart}<td>${now || "None"}</td><td>${after || "None"}</td></tr>\n`;
}
