import { CAPABILITIES, type CapabilityDefinition, GROUPS, type CapabilityKey } from "../catalogue.ts";
import type { Provider } from "../registry/model.ts";
import { capabilityViewUrl, MATRIX_URL, STREAMING_VIEW_URL, versionViewUrl } from "../urls.ts";
import { distinctVersions, providerSince } from "../versions.ts";
import { MATRIX_PAGE_SIZE, pageNavigation, pageSlices, pageUrl, type PageSlice } from "./matrix-pagination.ts";
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

/** Which rows a view of the capability matrix shows, and how. */
export type MatrixFilter =
  | { kind: "all" }
  | { kind: "capability"; capability: CapabilityKey }
  | { kind: "streaming" }
  /** Providers that work on this gateway version, with what they offer on it and what needs a newer one. */
  | { kind: "version"; version: string };

/** One view: its first page's address, filter and link label (`_includes/matrix/titles.liquid` words its titles). */
export type MatrixView = { url: string; filter: MatrixFilter; label: string };

/** The views of the matrix: everything, one per capability, streaming, one per version in the data. */
export function matrixViews(versions: readonly string[]): MatrixView[] {
  return [
    { url: MATRIX_URL, filter: { kind: "all" }, label: "All providers" },
    ...CAPABILITIES.map(
      (c): MatrixView => ({
        url: capabilityViewUrl(c),
        filter: { kind: "capability", capability: c.key },
        label: c.label,
      }),
    ),
    { url: STREAMING_VIEW_URL, filter: { kind: "streaming" }, label: "Stream responses" },
    ...versions.map(
      (version): MatrixView => ({ url: versionViewUrl(version), filter: { kind: "version", version }, label: version }),
    ),
  ];
}

/** A provider on a version's view, with the age of the newest version any of its capabilities needs (-1 for none). */
type VersionMember = { facts: ProviderFacts; newest: number };

/** A view with its providers (a row each, in order) and its rows from `start` to before `end`. */
type ViewEntry = { view: MatrixView; members: readonly ProviderFacts[]; rows(start: number, end: number): MatrixRow[] };

/** One page of a view, as the page template and layout read it: plain data, the rows left out. */
function matrixPage(view: MatrixView, slice: PageSlice, total: number) {
  const { filter } = view;
  return {
    url: pageUrl(view.url, slice.number),
    viewUrl: view.url,
    kind: filter.kind,
    label: view.label,
    ...(filter.kind === "version" ? { version: filter.version } : {}),
    // Rows in the view; providers in the registry; those a version view leaves out.
    count: slice.total,
    total,
    hidden: total - slice.total,
    ...pageNavigation(view.url, slice),
  };
}

export type MatrixPage = ReturnType<typeof matrixPage>;

/** The matrix of one build: its views, their rows (one pass over the registry, each row made when its page is). */
export class CapabilityMatrix {
  readonly views: readonly MatrixView[];
  /** Every page of every view, in view order. */
  readonly pages: readonly MatrixPage[];
  private readonly byUrl = new Map<string, { entry: ViewEntry; slice: PageSlice }>();
  private readonly entries: readonly ViewEntry[];
  private readonly factsOf = new Map<Provider, ProviderFacts>();

  constructor(
    providers: readonly Provider[],
    private readonly pageSize: number = MATRIX_PAGE_SIZE,
  ) {
    const total = providers.length;
    const versions = distinctVersions(providers);
    // Versions by age, so a version view compares numbers rather than version strings.
    const age = new Map(versions.map((v, i) => [v, i]));
    this.views = matrixViews(versions);

    const all: ProviderFacts[] = [];
    const byCapability = new Map<CapabilityKey, (CapabilityFacts & { provider: ProviderFacts })[]>(
      CAPABILITIES.map((c) => [c.key, []]),
    );
    const streaming: ProviderFacts[] = [];
    const onVersion: VersionMember[][] = versions.map(() => []);
    for (const provider of providers) {
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

    this.entries = this.views.map((view): ViewEntry => {
      const { filter } = view;
      if (filter.kind === "all")
        return { view, members: all, rows: (start, end) => all.slice(start, end).map(matrixRow) };
      if (filter.kind === "streaming")
        return { view, members: streaming, rows: (start, end) => streaming.slice(start, end).map(streamingRow) };
      if (filter.kind === "capability") {
        const members = byCapability.get(filter.capability)!;
        const rows = (start: number, end: number) => members.slice(start, end).map(capabilityRow);
        return { view, members: members.map((member) => member.provider), rows };
      }
      const v = age.get(filter.version)!;
      return { view, members: onVersion[v]!.map((member) => member.facts), rows: versionRows(onVersion[v]!, v) };
    });
    this.pages = this.entries.flatMap((entry) =>
      pageSlices(entry.members.length, pageSize).map((slice) => {
        const page = matrixPage(entry.view, slice, total);
        this.byUrl.set(page.url, { entry, slice });
        return page;
      }),
    );
  }

  /** The rows of a page's table, in order, as facts (`_includes/matrix/rows.liquid` lays them out). */
  rows(url: string): MatrixRow[] {
    const page = this.byUrl.get(url);
    if (!page) throw new Error(`No page of the capability matrix is at ${url}.`);
    return page.entry.rows(page.slice.start, page.slice.end);
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
  get filterLinks() {
    const links: Record<MatrixFilter["kind"], { url: string; label: string }[]> = {
      all: [],
      streaming: [],
      capability: [],
      version: [],
    };
    for (const view of this.views) links[view.filter.kind].push({ url: view.url, label: view.label });
    return links;
  }
}
