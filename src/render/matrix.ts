import { CAPABILITIES, type CapabilityKey } from "../catalogue.ts";
import type { Provider } from "../registry/model.ts";
import {
  capabilityViewUrl,
  MATRIX_URL,
  providerPageUrl,
  SITE_PATH_SEGMENTS,
  STREAMING_VIEW_URL,
  versionViewUrl,
} from "../urls.ts";
import { distinctVersions, providerSince } from "../versions.ts";
import { escapeHtml } from "./inline.ts";
import {
  formatCount,
  MATRIX_PAGE_SIZE,
  pageSlices,
  pageUrl,
  rangeText,
  renderPagination,
  type PageSlice,
} from "./matrix-pagination.ts";
import {
  capabilityRow,
  matrixRow,
  providerFacts,
  renderMatrixTable,
  renderViewTable,
  streamingRow,
  versionRow,
  type CapabilityFacts,
  type ProviderFacts,
} from "./matrix-rows.ts";

export { MATRIX_PAGE_SIZE } from "./matrix-pagination.ts";
export { renderMatrixRow } from "./matrix-rows.ts";

/** Which rows a view of the capability matrix shows, and how. */
export type MatrixFilter =
  | { kind: "all" }
  | { kind: "capability"; capability: CapabilityKey }
  | { kind: "streaming" }
  /** Providers that work on this gateway version, with what they offer on it and what needs a newer one. */
  | { kind: "version"; version: string };

/** One view of the matrix: the whole matrix, or one question answered from it. */
export interface MatrixView {
  /** The address of its first page: `/ai-providers/`, `/ai-providers/capability/embeddings/`. */
  url: string;
  filter: MatrixFilter;
  /** The page's heading and title. */
  title: string;
  /**
   * The start of the title of each page when the view has several ("…, page 2"):
   * shorter than `title`, so that with the site's name it stays within 70 characters.
   */
  shortTitle: string;
  /** The view's link text in the filter navigation. */
  label: string;
  /** One plain-text sentence for the meta description. */
  description: string;
}

/** One page of a view, as the page template and layout read it (plain data, no rows). */
export interface MatrixPage {
  /** `/ai-providers/`, `/ai-providers/page/2/`, `/ai-providers/capability/chat/page/3/` */
  url: string;
  /** The view's title, for the page's heading. */
  heading: string;
  /** The document title: the view's; when it has several pages, its short title and the page's number. */
  title: string;
  /** The meta description. */
  description: string;
}

/** URL segments under `/ai-providers/` that the matrix uses, so no provider's page may. */
export const MATRIX_SEGMENTS = SITE_PATH_SEGMENTS.matrix;

/** The views of the matrix: everything, one per capability, streaming, one per version in the data. */
export function matrixViews(versions: readonly string[], product: string): MatrixView[] {
  return [
    {
      url: MATRIX_URL,
      filter: { kind: "all" },
      title: "AI providers",
      shortTitle: "AI providers",
      label: "All providers",
      description: `Every AI provider ${product} can proxy and which of the ${CAPABILITIES.length} capabilities each supports, from which gateway version, with or without streaming.`,
    },
    ...CAPABILITIES.map(
      (c): MatrixView => ({
        url: capabilityViewUrl(c),
        filter: { kind: "capability", capability: c.key },
        title: `Providers that support ${c.label}`,
        shortTitle: `Providers with ${c.label}`,
        label: c.label,
        description: `The AI providers whose ${c.label.toLowerCase()} ${product} can proxy, with the minimum gateway version and streaming support.`,
      }),
    ),
    {
      url: STREAMING_VIEW_URL,
      filter: { kind: "streaming" },
      title: "Providers that stream responses",
      shortTitle: "Providers that stream",
      label: "Stream responses",
      description: `The AI providers with at least one capability whose responses ${product} can stream.`,
    },
    ...versions.map(
      (version): MatrixView => ({
        url: versionViewUrl(version),
        filter: { kind: "version", version },
        title: `Providers on ${product} ${version}`,
        shortTitle: `Providers on gateway ${version}`,
        label: version,
        description: `The AI providers and capabilities that work on ${product} ${version}.`,
      }),
    ),
  ];
}

/** The filter links: plain links to the views' first pages, the current view marked. */
export function renderMatrixFilters(
  views: readonly MatrixView[],
  current: MatrixView,
  product: string,
  onFirstPage = true,
): string {
  // On a later page the current view's link leads to its first page, not to this one.
  const mark = onFirstPage ? ` aria-current="page"` : ` aria-current="true"`;
  const link = (view: MatrixView) =>
    `<li><a href="${view.url}"${view === current ? mark : ""}>${escapeHtml(view.label)}</a></li>`;
  const of = (kind: MatrixFilter["kind"]) =>
    views
      .filter((v) => v.filter.kind === kind)
      .map(link)
      .join("");
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

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A provider on a version's view, with the age of the newest version any of its capabilities needs (-1 for none). */
interface VersionMember {
  facts: ProviderFacts;
  newest: number;
}

/** A view with the rows it shows, found in the one pass over the registry. */
interface ViewEntry {
  view: MatrixView;
  /** How many rows the view has. */
  count: number;
  /** Its rows from `start` to before `end`, rendered. */
  rows(start: number, end: number): string[];
}

/**
 * The capability matrix of one build: its views, which rows each shows (found in one pass over
 * the registry), and their pages, `MATRIX_PAGE_SIZE` rows each. Each provider's facts are
 * worked out once and shared by every view; each row is rendered only when its page is.
 */
export class CapabilityMatrix {
  readonly views: readonly MatrixView[];
  /** Every page of every view, in view order. */
  readonly pages: readonly MatrixPage[];
  private readonly byUrl = new Map<string, { entry: ViewEntry; slice: PageSlice }>();
  private readonly total: number;

  constructor(
    providers: readonly Provider[],
    private readonly product: string,
    pageSize: number = MATRIX_PAGE_SIZE,
  ) {
    this.total = providers.length;
    const versions = distinctVersions(providers);
    // Versions by age, so a version view compares numbers rather than version strings.
    const age = new Map(versions.map((v, i) => [v, i]));
    this.views = matrixViews(versions, product);

    const all: ProviderFacts[] = [];
    const byCapability = new Map<CapabilityKey, CapabilityFacts[]>(CAPABILITIES.map((c) => [c.key, []]));
    const streaming: ProviderFacts[] = [];
    const onVersion: VersionMember[][] = versions.map(() => []);
    for (const provider of providers) {
      if ((MATRIX_SEGMENTS as readonly string[]).includes(provider.slug)) {
        throw new Error(
          `${provider.file}: the provider "${provider.name}" would have its page at ${providerPageUrl(provider)}, ` +
            `where the capability matrix has its views (${MATRIX_SEGMENTS.map((s) => `\`${MATRIX_URL}${s}/\``).join(", ")} are taken). Give it a \`slug\` field.`,
        );
      }
      const facts = providerFacts(provider);
      all.push(facts);
      for (const c of facts.capabilities) byCapability.get(c.capability.key)!.push(c);
      if (facts.streams) streaming.push(facts);
      // A provider shows on every version from the first it works on; with none known, on all.
      const since = providerSince(provider);
      let newest = -1;
      for (const c of facts.capabilities) if (c.since !== undefined) newest = Math.max(newest, age.get(c.since)!);
      const member = { facts, newest };
      for (let v = since === undefined ? 0 : age.get(since)!; v < versions.length; v++) onVersion[v]!.push(member);
    }

    // On a version, a capability is later when the version it needs is newer. A provider with
    // nothing later reads the same on every such version: that row is rendered once.
    const current = new Map<ProviderFacts, string>();
    const versionRows = (members: VersionMember[], v: number) => (start: number, end: number) =>
      members.slice(start, end).map(({ facts, newest }) => {
        if (newest > v) return versionRow(facts, (c) => c.since !== undefined && age.get(c.since)! > v);
        let row = current.get(facts);
        if (row === undefined) current.set(facts, (row = versionRow(facts, () => false)));
        return row;
      });

    const entries = this.views.map((view): ViewEntry => {
      const { filter } = view;
      switch (filter.kind) {
        case "all":
          return { view, count: all.length, rows: (start, end) => all.slice(start, end).map(matrixRow) };
        case "capability": {
          const members = byCapability.get(filter.capability)!;
          return { view, count: members.length, rows: (start, end) => members.slice(start, end).map(capabilityRow) };
        }
        case "streaming":
          return { view, count: streaming.length, rows: (start, end) => streaming.slice(start, end).map(streamingRow) };
        case "version": {
          const v = age.get(filter.version)!;
          return { view, count: onVersion[v]!.length, rows: versionRows(onVersion[v]!, v) };
        }
        default:
          throw new Error(`Unknown matrix view: ${JSON.stringify(filter)}`);
      }
    });

    const pages: MatrixPage[] = [];
    for (const entry of entries) {
      const { view } = entry;
      for (const slice of pageSlices(entry.count, pageSize)) {
        const url = pageUrl(view.url, slice.number);
        pages.push({
          url,
          heading: view.title,
          title: slice.count > 1 ? `${view.shortTitle}, page ${slice.number}` : view.title,
          description:
            slice.number > 1 ? `${view.description} Page ${slice.number} of ${slice.count}.` : view.description,
        });
        this.byUrl.set(url, { entry, slice });
      }
    }
    this.pages = pages;
  }

  private page(url: string) {
    const page = this.byUrl.get(url);
    if (!page) throw new Error(`No page of the capability matrix is at ${url}.`);
    return page;
  }

  /** The view a page belongs to; throws for an unknown address. */
  view(url: string): MatrixView {
    return this.page(url).entry.view;
  }

  /** The body of a page (below its heading): what the table shows, filter links, a count, the page links, the table. */
  render(url: string): string {
    const { entry, slice } = this.page(url);
    const { view, count } = entry;
    const { filter } = view;
    const total = plural(this.total, "provider", "providers");
    const product = escapeHtml(this.product);
    let legend: string;
    let summary: string;
    let empty: string;
    let columns: string[] = [];
    switch (filter.kind) {
      case "all":
        legend =
          `One row per provider, one column per capability. ` +
          `<span class="mark mark-yes">✓</span> 3.11 means supported from gateway version 3.11, and “streaming” that responses can stream; ` +
          `<span class="mark mark-no">✗</span> means not supported. Each mark links to the capability on the provider's page.`;
        summary = `All ${total} against the ${CAPABILITIES.length} capabilities.`;
        empty = "No providers yet.";
        break;
      case "capability": {
        const label = escapeHtml(view.label);
        legend = `One row per provider that supports ${label}: the gateway version it works from, whether responses can stream, and an example model. Each provider links to the capability on its page.`;
        summary = `${formatCount(count)} of ${total} support ${label}.`;
        empty = `No provider supports ${label} yet.`;
        columns = ["Provider", "Min version", "Streaming", "Model example"];
        break;
      }
      case "streaming":
        legend = `One row per provider, with the capabilities whose responses can stream, each linked to the capability on the provider's page.`;
        summary = `${formatCount(count)} of ${total} stream responses for at least one capability.`;
        empty = "No provider streams responses yet.";
        columns = ["Provider", "Capabilities that stream"];
        break;
      case "version": {
        const version = escapeHtml(filter.version);
        const hidden = this.total - count;
        legend = `One row per provider that works on ${product} ${version}: the capabilities it offers there, and those that need a newer version, with the version each needs.`;
        summary =
          `${formatCount(count)} of ${total} work on ${product} ${version}` +
          (hidden
            ? `; ${plural(hidden, "needs", "need")} a newer version and ${hidden === 1 ? "is" : "are"} not shown`
            : "") +
          `.`;
        empty = `No provider works on ${product} ${version}.`;
        columns = ["Provider", `Available on ${version}`, "Needs a newer version"];
        break;
      }
    }
    const caption = escapeHtml(view.title) + (slice.count > 1 ? `: ${rangeText(slice).toLowerCase()}` : "");
    const rows = entry.rows(slice.start, slice.end);
    return (
      `<p class="matrix-legend">${legend}</p>\n` +
      renderMatrixFilters(this.views, view, this.product, slice.number === 1) +
      `<p class="matrix-summary">${summary}</p>\n` +
      renderPagination(view.url, slice, "Pages") +
      (rows.length === 0
        ? `<p>${empty}</p>\n`
        : filter.kind === "all"
          ? renderMatrixTable(caption, rows)
          : renderViewTable(caption, columns, rows))
    );
  }
}
