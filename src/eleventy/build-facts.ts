import path from "node:path";
import { readFileHistory, type FileHistory } from "../file-history.ts";
import { renderProviderJson } from "../outputs/provider-json.ts";
import type { Registry } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";
import { providerSummary, type ProviderSummary } from "../provider-summary.ts";
import { CapabilityMatrix } from "../render/matrix.ts";
import { siteStats, type SiteStats } from "../site-stats.ts";
import type { SiteConfig } from "../site-config.ts";

/** What one build works out once and every page of that build shares: the matrix, file history, JSON. */
export class BuildFacts {
  private matrixCache?: CapabilityMatrix;
  private historyCache?: FileHistory;
  private statsCache?: SiteStats;
  private readonly json = new Map<Provider, string>();

  constructor(
    readonly registry: Registry,
    readonly site: SiteConfig,
    readonly paths: { root: string; providersDir: string },
  ) {}

  get matrix(): CapabilityMatrix {
    return (this.matrixCache ??= new CapabilityMatrix(this.registry.providers, this.site.product));
  }

  /** The home page's counts, coverage and news, from one pass over the registry. */
  get stats(): SiteStats {
    return (this.statsCache ??= siteStats(this.registry.providers));
  }

  /** The summary box of a provider's page. */
  summary(provider: Provider): ProviderSummary {
    return providerSummary(provider, this.site, this.lastUpdated(provider));
  }

  /** One git command for all data files, run the first time a page asks. */
  get history(): FileHistory {
    return (this.historyCache ??= readFileHistory(this.paths.providersDir));
  }

  /** When the provider's data file was last committed (ISO 8601); undefined when never, or without history. */
  lastUpdated(provider: Provider): string | undefined {
    return this.history.lastCommitted(path.resolve(this.paths.root, provider.file));
  }

  /** The provider's JSON, made once for its own file and for `/api/providers.json`. */
  providerJson(provider: Provider): string {
    let json = this.json.get(provider);
    if (json === undefined) {
      json = renderProviderJson(provider, this.site, this.lastUpdated(provider) ?? null);
      this.json.set(provider, json);
    }
    return json;
  }
}
