import type { Provider } from "./registry/model.ts";
import { MATRIX_PAGE_SIZE, pageUrl } from "./render/matrix-pagination.ts";
import type { SiteConfig } from "./site-config.ts";
import { absoluteUrl, HOME_URL, MATRIX_URL, providerPageUrl } from "./urls.ts";

type PageLink = { name: string; url: string };

/** Breadcrumbs as a schema.org `BreadcrumbList`, ready to serialise as JSON-LD, each address made absolute. */
export function breadcrumbList(crumbs: readonly PageLink[], site: Pick<SiteConfig, "url">) {
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

/** The letter a name is filed under in the index: its first letter, accents dropped, upper case; else `#`. */
export function indexLetter(name: string): string {
  const first = [...name.trim().normalize("NFD").replace(/\p{M}/gu, "")][0] ?? "";
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase("en") : "#";
}

/** The way-finding of every provider page of one build: each page's costs its sidebar's size, not the registry's. */
export class SiteNavigation {
  /** The letter index (when the sidebar is not complete): each letter's first provider's page of the matrix. */
  readonly letters: readonly { letter: string; url: string }[];
  /** The providers marked `self_hosted`, in registry order, shared by every page: the self-hosted note names them. */
  readonly selfHosted: readonly PageLink[];
  private readonly links: readonly PageLink[];
  private readonly position = new Map<string, number>();

  constructor(
    providers: readonly Provider[],
    private readonly site: Pick<SiteConfig, "url">,
    // Up to 300 providers the sidebar lists them all (some 60 bytes of HTML each); past it, 5 either side, letters.
    private readonly listsAllUpTo = 300,
    private readonly neighbours = 5,
    matrixPageSize: number = MATRIX_PAGE_SIZE,
  ) {
    this.links = providers.map((p) => ({ name: p.name, url: providerPageUrl(p) }));
    const letters = new Map<string, string>();
    providers.forEach((provider, i) => {
      this.position.set(provider.slug, i);
      const letter = indexLetter(provider.name);
      if (!letters.has(letter)) letters.set(letter, pageUrl(MATRIX_URL, Math.floor(i / matrixPageSize) + 1));
    });
    this.letters = providers.length > listsAllUpTo ? [...letters].map(([letter, url]) => ({ letter, url })) : [];
    this.selfHosted = this.links.filter((_, i) => providers[i]!.selfHosted);
  }

  /** One provider page's sidebar, previous and next provider, and breadcrumbs; throws for one not in the registry. */
  forProvider(provider: Pick<Provider, "slug">) {
    const index = this.position.get(provider.slug);
    if (index === undefined) throw new Error(`No provider has the slug "${provider.slug}" in this build.`);
    const total = this.links.length;
    const complete = total <= this.listsAllUpTo;
    // Past the limit, a window of neighbours that keeps its width at either end of the list.
    const width = 2 * this.neighbours + 1;
    const start = complete ? 0 : Math.max(0, Math.min(index - this.neighbours, total - width));
    const end = complete ? total : Math.min(total, start + width);
    const entries = this.links.slice(start, end).map((link, i) => ({ ...link, current: start + i === index }));
    const breadcrumbs = [
      { name: "Home", url: HOME_URL },
      { name: "AI providers", url: MATRIX_URL },
      this.links[index]!,
    ];
    return {
      // Every provider (`complete`) or a window of them; `position` counts from 1.
      sidebar: { entries, complete, total, position: index + 1, letters: this.letters },
      previous: this.links[index - 1] as PageLink | undefined,
      next: this.links[index + 1] as PageLink | undefined,
      breadcrumbs,
      breadcrumbList: breadcrumbList(breadcrumbs, this.site),
    };
  }
}
