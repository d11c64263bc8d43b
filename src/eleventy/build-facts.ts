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

  /** `history`: the data files' git history, when already being read beside the build. */
  constructor(
    readonly registry: Registry,
    readonly site: SiteConfig,
    readonly paths: { root: string; providersDir: string },
    private readonly historyRead?: Promise<FileHistory>,
  ) {
    this.historyRead?.then((history) => (this.historyCache ??= history)).catch(() => {});
  }

  /** The history, once read beside the build: what the build awaits before any page asks (`history`). */
  async historyReady(): Promise<FileHistory> {
    if (this.historyRead) this.historyCache ??= await this.historyRead;
    return this.history;
  }

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

  /** One git command for all data files: read beside the build, or run the first time a page asks. */
  get history(): FileHistory {
    return (this.historyCache ??= readFileHistory(this.paths.providersDir));
  }

  /** When the provider's data file was last committed (ISO 8601); undefined when never, or without history. */
  lastUpdated(provider: Provider): string | undefined {
    return this.history.lastCommitted(path.resolve(this.paths.root, provider.file));
  }

  /**
   * The provider's JSON, for its own file (`/api/providers.json` is joined from those files): not kept,
   * 15 KB a provider.
   */
  providerJson(provider: Provider): string {
    return renderProviderJson(provider, this.site, this.lastUpdated(provider) ?? null);
  }
}
