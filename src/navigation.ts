import type { Provider } from "./registry/model.ts";
import { MATRIX_PAGE_SIZE, pageUrl } from "./render/matrix-pagination.ts";
import type { SiteConfig } from "./site-config.ts";
import { absoluteUrl, HOME_URL, MATRIX_URL, providerPageUrl } from "./urls.ts";

/**
 * Up to this many providers the sidebar lists them all (some 60 bytes of HTML each, so 300
 * add about 18 KB to a page); past it, a page lists its neighbours and a letter index.
 */
export const SIDEBAR_LISTS_ALL_UP_TO = 300;

/** How many providers either side of the current one the sidebar lists past that size. */
export const SIDEBAR_NEIGHBOURS = 5;

/** A link to a page: its name and address. */
export interface PageLink {
  name: string;
  url: string;
}

/** One provider in the sidebar; `current` on the page's own. */
export interface SidebarEntry extends PageLink {
  current: boolean;
}

/** A letter of the index: the matrix page that holds the first provider whose name starts with it. */
export interface LetterLink {
  letter: string;
  url: string;
}

/** What a provider page's sidebar shows. */
export interface Sidebar {
  /** Every provider (`complete`), or the current one and its neighbours, in registry order. */
  entries: SidebarEntry[];
  complete: boolean;
  /** The providers the registry has in all. */
  total: number;
  /** The current provider's place in the registry, from 1. */
  position: number;
  /** Empty when the sidebar is complete. */
  letters: readonly LetterLink[];
}

/** A provider page's way-finding: sidebar, previous and next provider, breadcrumbs. */
export interface ProviderNavigation {
  sidebar: Sidebar;
  /** Undefined on the first provider. */
  previous?: PageLink;
  /** Undefined on the last provider. */
  next?: PageLink;
  /** Home, AI providers, the provider: the last one is the page itself. */
  breadcrumbs: PageLink[];
  /** The breadcrumbs as schema.org `BreadcrumbList` JSON-LD (absolute addresses). */
  breadcrumbList: BreadcrumbList;
  /** The providers the registry marks self-hosted, in registry order: the self-hosted note names them. */
  selfHosted: readonly PageLink[];
}

/** A schema.org `BreadcrumbList`, ready to serialise as JSON-LD. */
export interface BreadcrumbList {
  "@context": "https://schema.org";
  "@type": "BreadcrumbList";
  itemListElement: { "@type": "ListItem"; position: number; name: string; item: string }[];
}

/** The crumbs above every provider page, before the provider's own. */
export const BREADCRUMB_TRAIL: readonly PageLink[] = [
  { name: "Home", url: HOME_URL },
  { name: "AI providers", url: MATRIX_URL },
];

/** Breadcrumbs as a schema.org `BreadcrumbList`, each address made absolute. */
export function breadcrumbList(crumbs: readonly PageLink[], site: Pick<SiteConfig, "url">): BreadcrumbList {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.url),
    })),
  };
}

/**
 * The letter a name is filed under in the index: its first letter, accents dropped, upper
 * case; `#` for a name that starts with anything else (a digit, a symbol).
 */
export function indexLetter(name: string): string {
  const first = [...name.trim().normalize("NFD").replace(/\p{M}/gu, "")][0] ?? "";
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase("en") : "#";
}

/**
 * The way-finding of every provider page of one build. Made once from the registry's
 * providers (already in name order) in one pass; each page's navigation then costs the size
 * of its sidebar, never the registry's.
 */
export class SiteNavigation {
  /** The letter index, into the full matrix's pages; computed once, shared by every page. */
  readonly letters: readonly LetterLink[];
  /** The providers marked `self_hosted`, shared by every page. */
  readonly selfHosted: readonly PageLink[];
  private readonly links: readonly PageLink[];
  private readonly position = new Map<string, number>();

  constructor(
    providers: readonly Provider[],
    private readonly site: Pick<SiteConfig, "url">,
    private readonly listsAllUpTo: number = SIDEBAR_LISTS_ALL_UP_TO,
    private readonly neighbours: number = SIDEBAR_NEIGHBOURS,
    matrixPageSize: number = MATRIX_PAGE_SIZE,
  ) {
    this.links = providers.map((p) => ({ name: p.name, url: providerPageUrl(p) }));
    const letters: LetterLink[] = [];
    const selfHosted: PageLink[] = [];
    const seen = new Set<string>();
    providers.forEach((provider, i) => {
      this.position.set(provider.slug, i);
      if (provider.selfHosted) selfHosted.push(this.links[i]!);
      const letter = indexLetter(provider.name);
      if (seen.has(letter)) return;
      seen.add(letter);
      letters.push({ letter, url: pageUrl(MATRIX_URL, Math.floor(i / matrixPageSize) + 1) });
    });
    this.letters = providers.length > listsAllUpTo ? letters : [];
    this.selfHosted = selfHosted;
  }

  /** The navigation of one provider's page; throws for a provider not in the registry. */
  forProvider(provider: Pick<Provider, "slug">): ProviderNavigation {
    const index = this.position.get(provider.slug);
    if (index === undefined) throw new Error(`No provider has the slug "${provider.slug}" in this build.`);
    const total = this.links.length;
    const complete = total <= this.listsAllUpTo;
    // Past the limit, a window of neighbours that keeps its width at either end of the list.
    const width = 2 * this.neighbours + 1;
    const start = complete ? 0 : Math.max(0, Math.min(index - this.neighbours, total - width));
    const end = complete ? total : Math.min(total, start + width);
    const entries: SidebarEntry[] = [];
    for (let i = start; i < end; i++) entries.push({ ...this.links[i]!, current: i === index });
    const own = this.links[index]!;
    const breadcrumbs = [...BREADCRUMB_TRAIL, own];
    return {
      sidebar: { entries, complete, total, position: index + 1, letters: this.letters },
      previous: this.links[index - 1],
      next: this.links[index + 1],
      breadcrumbs,
      breadcrumbList: breadcrumbList(breadcrumbs, this.site),
      selfHosted: this.selfHosted,
    };
  }
}
