import { closestMatches, type DataProblem, UnknownProviderError } from "./errors.ts";
import type { Provider } from "./model.ts";
import { slugify } from "./slug.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";

// One collator for every comparison: `localeCompare` with options builds one per call.
const nameCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

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
  /** Netlify redirects: per alias, in provider order, its page, Markdown twin and JSON to the provider's. */
  readonly redirects: readonly { from: string; to: string }[];
  // Names, slugs, aliases and aliases' slugs, each to its provider: a look-up in one map.
  private readonly byKey = new Map<string, Provider>();

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
    // Set in turn, so that a name wins over a slug and a slug over an alias.
    for (const provider of this.providers)
      for (const alias of provider.aliases) this.byKey.set(alias, provider).set(slugify(alias), provider);
    for (const provider of this.providers) this.byKey.set(provider.slug, provider);
    for (const provider of this.providers) this.byKey.set(provider.name, provider);
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
    const found = this.byKey.get(nameOrSlug);
    if (found) return found;
    const names = this.providers.map((p) => p.name);
    const close = closestMatches(nameOrSlug, names);
    const hint = close.length
      ? ` Did you mean ${close.map((n) => `"${n}"`).join(" or ")}?`
      : ` Known providers: ${names.map((n) => `"${n}"`).join(", ")}.`;
    throw new UnknownProviderError(`No provider is named "${nameOrSlug}".${hint}`);
  }
}
