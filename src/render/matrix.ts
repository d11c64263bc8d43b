import { CAPABILITIES, GROUPS, type CapabilityDefinition, type CapabilityKey } from "../catalogue.ts";
import type { Provider, ProviderCapability } from "../registry/model.ts";
import { capabilityUrl, MATRIX_URL, providerPageUrl } from "../urls.ts";
import { capabilitySince, compareVersions, distinctVersions, providerSince } from "../versions.ts";
import { escapeHtml } from "./inline.ts";
import { supportMark } from "./provider-reference.ts";

/** Which rows a view of the capability matrix shows, and how it marks cells. */
export type MatrixFilter =
  | { kind: "all" }
  | { kind: "capability"; capability: CapabilityKey }
  | { kind: "streaming" }
  /** Providers that work on this gateway version; capabilities that need a newer one are marked. */
  | { kind: "version"; version: string };

/** One pre-rendered page of the matrix: the whole matrix, or one filter applied to it. */
export interface MatrixView {
  /** The page's address: `/ai-providers/`, `/ai-providers/capability/embeddings/`. */
  url: string;
  filter: MatrixFilter;
  /** The page's heading and title. */
  title: string;
  /** The view's link text in the filter navigation. */
  label: string;
  /** One plain-text sentence for the meta description. */
  description: string;
}

/** The views of the matrix: everything, one per capability, streaming, one per version in the data. */
export function matrixViews(versions: readonly string[], product: string): MatrixView[] {
  return [
    {
      url: MATRIX_URL,
      filter: { kind: "all" },
      title: "AI providers",
      label: "All providers",
      description: `Every AI provider ${product} can proxy and which of the ${CAPABILITIES.length} capabilities each supports, from which gateway version, with or without streaming.`,
    },
    ...CAPABILITIES.map(
      (c): MatrixView => ({
        url: `${MATRIX_URL}capability/${c.id}/`,
        filter: { kind: "capability", capability: c.key },
        title: `Providers that support ${c.label}`,
        label: c.label,
        description: `The AI providers whose ${c.label.toLowerCase()} ${product} can proxy, with the minimum gateway version and streaming support.`,
      }),
    ),
    {
      url: `${MATRIX_URL}streaming/`,
      filter: { kind: "streaming" },
      title: "Providers that stream responses",
      label: "Stream responses",
      description: `The AI providers with at least one capability whose responses ${product} can stream.`,
    },
    ...versions.map(
      (version): MatrixView => ({
        url: `${MATRIX_URL}version/${version}/`,
        filter: { kind: "version", version },
        title: `Providers on ${product} ${version}`,
        label: version,
        description: `The AI providers and capabilities that work on ${product} ${version}.`,
      }),
    ),
  ];
}

const visuallyHidden = (text: string) => `<span class="visually-hidden">${text}</span>`;

/**
 * One cell: not supported; supported (from a version, streaming or not), linked to the row on
 * the provider's page; or, on a version's view, "needs x.y" for a capability that comes later.
 */
function cell(provider: Provider, capability: ProviderCapability | undefined, onVersion: string | undefined): string {
  if (!capability) return `<td class="no">${supportMark(false)}</td>`;
  const since = capabilitySince(provider, capability);
  const href = capabilityUrl(provider, capability.id);
  if (onVersion !== undefined && since !== undefined && compareVersions(since, onVersion) > 0) {
    return `<td class="later"><a href="${href}">needs ${escapeHtml(since)}</a></td>`;
  }
  const mark = `<span class="mark mark-yes" aria-hidden="true">✓</span>`;
  const version = since === undefined ? visuallyHidden("Supported") : `${visuallyHidden("Supported from")} ${escapeHtml(since)}`;
  const streaming = capability.streaming ? `${visuallyHidden(",")} <span class="streams">streaming</span>` : "";
  return `<td class="yes"><a href="${href}">${mark}${version}${streaming}</a></td>`;
}

/** A provider's row: its name, linked to its page, then one cell per capability in canonical order. */
export function renderMatrixRow(provider: Provider, onVersion?: string): string {
  // Capabilities are in canonical order, so one walk pairs them with the columns.
  let next = 0;
  let cells = "";
  for (const definition of CAPABILITIES) {
    const capability = provider.capabilities[next]?.key === definition.key ? provider.capabilities[next++] : undefined;
    cells += cell(provider, capability, onVersion);
  }
  return `<tr><th scope="row"><a href="${providerPageUrl(provider)}">${escapeHtml(provider.name)}</a></th>${cells}</tr>\n`;
}

function columns(highlight: CapabilityKey | undefined): string {
  const col = (c: CapabilityDefinition) => (c.key === highlight ? `<col class="current">` : `<col>`);
  return (
    `<colgroup><col></colgroup>` +
    GROUPS.map((g) => `<colgroup>${CAPABILITIES.filter((c) => c.group === g.id).map(col).join("")}</colgroup>`).join("") +
    "\n"
  );
}

const HEAD =
  `<thead>\n<tr><th scope="col" rowspan="2" class="matrix-corner">Provider</th>` +
  GROUPS.map((g) => {
    const span = CAPABILITIES.filter((c) => c.group === g.id).length;
    return `<th scope="colgroup"${span > 1 ? ` colspan="${span}"` : ""}>${escapeHtml(g.title)}</th>`;
  }).join("") +
  `</tr>\n<tr>` +
  CAPABILITIES.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join("") +
  `</tr>\n</thead>\n`;

/**
 * The table: a caption (for screen readers; the page's heading says the same), the grouped
 * header, the rows; in a region that scrolls both ways under a sticky header.
 */
export function renderMatrixTable(caption: string, rows: readonly string[], highlight?: CapabilityKey): string {
  return (
    `<section class="table-scroll matrix-scroll" aria-labelledby="matrix-caption" tabindex="0">\n` +
    `<table class="matrix">\n<caption id="matrix-caption" class="visually-hidden">${caption}</caption>\n` +
    columns(highlight) +
    HEAD +
    `<tbody>\n${rows.join("")}</tbody>\n</table>\n</section>\n`
  );
}

/** The filter links: plain links to the pre-rendered views, the current one marked. */
export function renderMatrixFilters(views: readonly MatrixView[], current: MatrixView, product: string): string {
  const link = (view: MatrixView) =>
    `<li><a href="${view.url}"${view === current ? ` aria-current="page"` : ""}>${escapeHtml(view.label)}</a></li>`;
  const of = (kind: MatrixFilter["kind"]) => views.filter((v) => v.filter.kind === kind).map(link).join("");
  return (
    `<nav class="matrix-filters" aria-label="Filter providers">\n` +
    `<ul class="filter-list">${of("all")}${of("streaming")}</ul>\n` +
    `<p class="filter-name" id="filter-capability">Support a capability:</p>\n` +
    `<ul class="filter-list" aria-labelledby="filter-capability">${of("capability")}</ul>\n` +
    `<p class="filter-name" id="filter-version">Work on ${escapeHtml(product)} version:</p>\n` +
    `<ul class="filter-list" aria-labelledby="filter-version">${of("version")}</ul>\n` +
    `</nav>\n`
  );
}

const LEGEND =
  `<p class="matrix-legend">One row per provider, one column per capability. ` +
  `<span class="mark mark-yes">✓</span> 3.11 means supported from gateway version 3.11, and “streaming” that responses can stream; ` +
  `<span class="mark mark-no">✗</span> means not supported. Each mark links to the capability on the provider's page.</p>\n`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The capability matrix of one build: its views, which providers each view shows (found in one
 * pass over the registry), and each provider's row rendered once and shared by every view
 * where it reads the same.
 */
export class CapabilityMatrix {
  readonly views: readonly MatrixView[];
  private readonly byUrl = new Map<string, { view: MatrixView; members: Provider[] }>();
  private readonly rows = new Map<Provider, string>();

  constructor(
    private readonly providers: readonly Provider[],
    private readonly product: string,
  ) {
    const versions = distinctVersions(providers);
    this.views = matrixViews(versions, product);
    for (const view of this.views) this.byUrl.set(view.url, { view, members: [] });
    const [all, ...rest] = this.views;
    const capabilityViews = new Map(rest.flatMap((v) => (v.filter.kind === "capability" ? [[v.filter.capability, this.byUrl.get(v.url)!]] : [])));
    const streaming = this.byUrl.get(`${MATRIX_URL}streaming/`)!;
    const versionViews = rest.flatMap((v) => (v.filter.kind === "version" ? [{ version: v.filter.version, members: this.byUrl.get(v.url)!.members }] : []));
    for (const provider of providers) {
      if (this.byUrl.has(providerPageUrl(provider))) {
        throw new Error(
          `${provider.file}: the provider "${provider.name}" would have its page at ${providerPageUrl(provider)}, where a view of the capability matrix is. Give it a \`slug\` field.`,
        );
      }
      this.byUrl.get(all!.url)!.members.push(provider);
      for (const capability of provider.capabilities) capabilityViews.get(capability.key)!.members.push(provider);
      if (provider.capabilities.some((c) => c.streaming)) streaming.members.push(provider);
      // A provider shows on every version from the first it works on; with none known, on all.
      const since = providerSince(provider);
      for (const { version, members } of versionViews) {
        if (since === undefined || compareVersions(since, version) <= 0) members.push(provider);
      }
    }
  }

  private entry(url: string) {
    const entry = this.byUrl.get(url);
    if (!entry) throw new Error(`No view of the capability matrix is at ${url}.`);
    return entry;
  }

  /** The view at a URL; throws for an unknown one. */
  view(url: string): MatrixView {
    return this.entry(url).view;
  }

  private row(provider: Provider, onVersion: string | undefined): string {
    // On a version's view, only a provider with a capability newer than that version reads differently.
    if (onVersion !== undefined && provider.capabilities.some((c) => {
      const since = capabilitySince(provider, c);
      return since !== undefined && compareVersions(since, onVersion) > 0;
    })) {
      return renderMatrixRow(provider, onVersion);
    }
    let row = this.rows.get(provider);
    if (row === undefined) {
      row = renderMatrixRow(provider);
      this.rows.set(provider, row);
    }
    return row;
  }

  /** The body of a view's page (below its heading): legend, filter links, a count, and the table. */
  render(url: string): string {
    const { view, members } = this.entry(url);
    const total = this.providers.length;
    const { filter } = view;
    const onVersion = filter.kind === "version" ? filter.version : undefined;
    const product = escapeHtml(this.product);
    let summary: string;
    let empty: string;
    switch (filter.kind) {
      case "all":
        summary = `All ${plural(total, "provider", "providers")} against the ${CAPABILITIES.length} capabilities.`;
        empty = "No providers yet.";
        break;
      case "capability": {
        const label = escapeHtml(view.label);
        summary = `${members.length} of ${plural(total, "provider", "providers")} support ${label}.`;
        empty = `No provider supports ${label} yet.`;
        break;
      }
      case "streaming":
        summary = `${members.length} of ${plural(total, "provider", "providers")} stream responses for at least one capability.`;
        empty = "No provider streams responses yet.";
        break;
      case "version": {
        const version = escapeHtml(filter.version);
        const later = total - members.length;
        summary =
          `${members.length} of ${plural(total, "provider", "providers")} work on ${product} ${version}` +
          (later ? `; ${plural(later, "needs", "need")} a newer version and ${later === 1 ? "is" : "are"} not shown` : "") +
          `. “needs” marks a capability that comes in a later version.`;
        empty = `No provider works on ${product} ${version}.`;
        break;
      }
    }
    const rows = members.map((p) => this.row(p, onVersion));
    return (
      LEGEND +
      renderMatrixFilters(this.views, view, this.product) +
      `<p class="matrix-summary">${summary}</p>\n` +
      (rows.length ? renderMatrixTable(escapeHtml(view.title), rows, filter.kind === "capability" ? filter.capability : undefined) : `<p>${empty}</p>\n`)
    );
  }
}
