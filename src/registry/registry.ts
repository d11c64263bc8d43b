import { closestMatches, type DataProblem, UnknownProviderError } from "./errors.ts";
import type { Provider } from "./model.ts";
import { slugify } from "./slug.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";

// One collator for every comparison: `localeCompare` with options builds one per call.
const nameCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** A Netlify redirect from an alias's address to the provider's. */
export interface Redirect {
  from: string;
  to: string;
}

const addressesOf = (slug: string) => [
  providerPageUrl({ slug }),
  providerMarkdownUrl({ slug }),
  providerJsonUrl({ slug }),
];

/** The providers, loaded once, in name order, with lookups by name, slug and alias. */
export class Registry {
  readonly providers: readonly Provider[];
  /** Warnings found while loading (errors stop the load instead). */
  readonly warnings: readonly DataProblem[];
  /** Per alias, in provider order, three redirects: its page, Markdown twin and JSON to the provider's. */
  readonly redirects: readonly Redirect[];
  private readonly byName = new Map<string, Provider>();
  private readonly bySlug = new Map<string, Provider>();
  private readonly byAlias = new Map<string, Provider>();

  constructor(providers: Provider[], warnings: DataProblem[] = []) {
    this.providers = [...providers].sort(
      (a, b) => nameCollator.compare(a.name, b.name) || nameCollator.compare(a.slug, b.slug),
    );
    this.warnings = warnings;
    this.redirects = this.providers.flatMap((provider) =>
      provider.aliases.flatMap((alias) => {
        const to = addressesOf(provider.slug);
        return addressesOf(slugify(alias)).map((from, i) => ({ from, to: to[i]! }));
      }),
    );
    for (const provider of this.providers) {
      this.byName.set(provider.name, provider);
      this.bySlug.set(provider.slug, provider);
      for (const alias of provider.aliases) {
        this.byAlias.set(alias, provider);
        this.byAlias.set(slugify(alias), provider);
      }
    }
  }

  /** The provider with this exact name or slug, or an alias (an old name or slug) of it. */
  get(nameOrSlug: string): Provider {
    if (typeof nameOrSlug !== "string" || nameOrSlug.trim() === "") {
      throw new UnknownProviderError(
        `No provider name was given (found ` +
          `${nameOrSlug === undefined ? "nothing" : JSON.stringify(nameOrSlug)}), expected a provider's name, ` +
          `slug or alias, e.g. "${this.providers[0]?.name ?? "OpenAI"}".`,
      );
    }
    const found = this.byName.get(nameOrSlug) ?? this.bySlug.get(nameOrSlug) ?? this.byAlias.get(nameOrSlug);
    if (found) return found;
    const close = closestMatches(nameOrSlug, this.byName.keys());
    const hint = close.length
      ? ` Did you mean ${close.map((n) => `"${n}"`).join(" or ")}?`
      : ` Known providers: ${[...this.byName.keys()].map((n) => `"${n}"`).join(", ")}.`;
    throw new UnknownProviderError(`No provider is named "${nameOrSlug}".${hint}`);
  }

  /** True when `get` would find a provider by this name, slug or alias. */
  has(nameOrSlug: string): boolean {
    return this.byName.has(nameOrSlug) || this.bySlug.has(nameOrSlug) || this.byAlias.has(nameOrSlug);
  }
}
