import { CAPABILITIES, type CapabilityDefinition, GROUPS, type CapabilityKey } from "../catalogue.ts";
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
import {
  MATRIX_PAGE_SIZE,
  pageNavigation,
  pageSlices,
  pageUrl,
  type PageNavigation,
  type PageSlice,
} from "./matrix-pagination.ts";
import {
  capabilityRow,
  matrixRow,
  providerFacts,
  streamingRow,
  versionRow,
  type CapabilityFacts,
  type MatrixRow,
  type ProviderFacts,
} from "./matrix-rows.ts";

export { MATRIX_PAGE_SIZE } from "./matrix-pagination.ts";

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
  /** Each page's title when the view has several ("…, page 2"): with the site's name, within 70 characters. */
  shortTitle: string;
  /** The view's link text in the filter navigation. */
  label: string;
  /** One plain-text sentence for the meta description. */
  description: string;
}

/** One page of a view, as the page template and layout read it: plain data, the rows left out. */
export interface MatrixPage extends PageNavigation {
  /** `/ai-providers/`, `/ai-providers/page/2/`, `/ai-providers/capability/chat/page/3/` */
  url: string;
  /** The view's title, for the page's heading. */
  heading: string;
  /** The document title: the view's; when it has several pages, its short title and the page's number. */
  title: string;
  /** The meta description. */
  description: string;
  /** The address of the view's first page. */
  viewUrl: string;
  /** What the view shows: `all`, `capability`, `streaming` or `version`. */
  kind: MatrixFilter["kind"];
  /** The view's label (a capability view's capability, a version view's version). */
  label: string;
  /** A version view's version. */
  version?: string;
  /** Rows in the view; providers in the registry; those a version view leaves out. */
  count: number;
  total: number;
  hidden: number;
}

/** The filter links every page of the matrix shows, by kind of view. */
export type FilterLinks = Record<MatrixFilter["kind"], { url: string; label: string }[]>;

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
      description:
        `Every AI provider ${product} can proxy and which of the ${CAPABILITIES.length} capabilities each ` +
        `supports, from which gateway version, with or without streaming.`,
    },
    ...CAPABILITIES.map(
      (c): MatrixView => ({
        url: capabilityViewUrl(c),
        filter: { kind: "capability", capability: c.key },
        title: `Providers that support ${c.label}`,
        shortTitle: `Providers with ${c.label}`,
        label: c.label,
        description:
          `The AI providers whose ${c.label.toLowerCase()} ${product} can proxy, with the minimum gateway ` +
          `version and streaming support.`,
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

/** A provider on a version's view, with the age of the newest version any of its capabilities needs (-1 for none). */
type VersionMember = { facts: ProviderFacts; newest: number };

/** A view with the rows it shows, found in the one pass over the registry. */
interface ViewEntry {
  view: MatrixView;
  /** Its providers, a row each, in order. */
  members: readonly ProviderFacts[];
  /** Its rows from `start` to before `end`. */
  rows(start: number, end: number): MatrixRow[];
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
  private readonly entries: readonly ViewEntry[];
  private readonly factsOf = new Map<Provider, ProviderFacts>();
  private readonly pageSize: number;

  constructor(providers: readonly Provider[], product: string, pageSize: number = MATRIX_PAGE_SIZE) {
    const total = providers.length;
    this.pageSize = pageSize;
    const versions = distinctVersions(providers);
    // Versions by age, so a version view compares numbers rather than version strings.
    const age = new Map(versions.map((v, i) => [v, i]));
    this.views = matrixViews(versions, product);

    const all: ProviderFacts[] = [];
    const byCapability = new Map<CapabilityKey, (CapabilityFacts & { provider: ProviderFacts })[]>(
      CAPABILITIES.map((c) => [c.key, []]),
    );
    const streaming: ProviderFacts[] = [];
    const onVersion: VersionMember[][] = versions.map(() => []);
    for (const provider of providers) {
      if ((MATRIX_SEGMENTS as readonly string[]).includes(provider.slug)) {
        throw new Error(
          `${provider.file}: the provider "${provider.name}" would have its page at ${providerPageUrl(provider)}, ` +
            `where the capability matrix has its views ` +
            `(${MATRIX_SEGMENTS.map((s) => `\`${MATRIX_URL}${s}/\``).join(", ")} are taken). Give it a ` +
            `\`slug\` field.`,
        );
      }
      const facts = providerFacts(provider);
      this.factsOf.set(provider, facts);
      all.push(facts);
      for (const c of facts.capabilities) byCapability.get(c.key)!.push({ ...c, provider: facts });
      if (facts.streams) streaming.push(facts);
      // A provider shows on every version from the first it works on; with none known, on all.
      const since = providerSince(provider);
      let newest = -1;
      for (const c of facts.capabilities) if (c.since !== undefined) newest = Math.max(newest, age.get(c.since)!);
      const member = { facts, newest };
      for (let v = since === undefined ? 0 : age.get(since)!; v < versions.length; v++) onVersion[v]!.push(member);
    }

    // On a version, a capability is later when the version it needs is newer.
    const versionRows = (members: VersionMember[], v: number) => (start: number, end: number) =>
      members
        .slice(start, end)
        .map(({ facts, newest }) =>
          versionRow(facts, (c) => newest > v && c.since !== undefined && age.get(c.since)! > v),
        );

    const entries = this.views.map((view): ViewEntry => {
      const { filter } = view;
      switch (filter.kind) {
        case "all":
          return { view, members: all, rows: (start, end) => all.slice(start, end).map(matrixRow) };
        case "capability": {
          const members = byCapability.get(filter.capability)!;
          const rows = (start: number, end: number) => members.slice(start, end).map(capabilityRow);
          return { view, members: members.map((member) => member.provider), rows };
        }
        case "streaming":
          return { view, members: streaming, rows: (start, end) => streaming.slice(start, end).map(streamingRow) };
        case "version": {
          const v = age.get(filter.version)!;
          return { view, members: onVersion[v]!.map((member) => member.facts), rows: versionRows(onVersion[v]!, v) };
        }
        default:
          throw new Error(`Unknown matrix view: ${JSON.stringify(filter)}`);
      }
    });

    this.entries = entries;
    const pages: MatrixPage[] = [];
    for (const entry of entries) {
      const { view } = entry;
      const count = entry.members.length;
      for (const slice of pageSlices(count, pageSize)) {
        const url = pageUrl(view.url, slice.number);
        const { filter } = view;
        pages.push({
          url,
          heading: view.title,
          title: slice.count > 1 ? `${view.shortTitle}, page ${slice.number}` : view.title,
          description:
            slice.number > 1 ? `${view.description} Page ${slice.number} of ${slice.count}.` : view.description,
          viewUrl: view.url,
          kind: filter.kind,
          label: view.label,
          ...(filter.kind === "version" ? { version: filter.version } : {}),
          count,
          total,
          hidden: total - count,
          ...pageNavigation(view.url, slice),
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

  /** The rows of a page's table, in order, as facts (`_includes/matrix/rows.liquid` lays them out). */
  rows(url: string): MatrixRow[] {
    const { entry, slice } = this.page(url);
    return entry.rows(slice.start, slice.end);
  }

  /** In every view, the page holding the provider's row and the row as JSON (what a preview save changed). */
  placesOf(provider: Provider): { url: string; row: string }[] {
    const facts = this.factsOf.get(provider);
    if (!facts) return [];
    return this.entries.flatMap((entry) => {
      const index = entry.members.indexOf(facts);
      if (index < 0) return [];
      const url = pageUrl(entry.view.url, Math.floor(index / this.pageSize) + 1);
      return [{ url, row: JSON.stringify(entry.rows(index, index + 1)) }];
    });
  }

  /** The full matrix's column headers: each group's title over its capabilities (`label`, `groupLabel`), in order. */
  get columnGroups(): { title: string; columns: CapabilityDefinition[] }[] {
    return GROUPS.map((group) => ({ title: group.title, columns: CAPABILITIES.filter((c) => c.group === group.id) }));
  }

  /** The filter links, by kind of view. */
  get filterLinks(): FilterLinks {
    const links: FilterLinks = { all: [], streaming: [], capability: [], version: [] };
    for (const view of this.views) links[view.filter.kind].push({ url: view.url, label: view.label });
    return links;
  }
}
