import path from "node:path";
import { readFileHistoryAsync, type FileHistory } from "../file-history.ts";
import { SiteNavigation } from "../navigation.ts";
import { providerSummary, type ProviderSummary } from "../provider-summary.ts";
import { dataErrorMessage } from "../registry/check.ts";
import { formatProblem, type DataProblem } from "../registry/errors.ts";
import { createRegistryLoader, Registry, type RegistryLoader } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";
import { CapabilityMatrix } from "../render/matrix.ts";
import { loadSiteConfig, type SiteConfig } from "../site-config.ts";
import { siteStats, type SiteStats } from "../site-stats.ts";

/** Where the plugin reads from, resolved to absolute paths. */
export interface ProjectPaths {
  root: string;
  providersDir: string;
  siteFile: string;
}

/**
 * What one build knows: the registry and site settings, the data files' history, and what pages
 * share (the matrix, the home page's counts, the way-finding index), each worked out once a build.
 */
export class BuildFacts {
  private matrixCache?: CapabilityMatrix;
  private statsCache?: SiteStats;
  private navigationCache?: SiteNavigation;

  constructor(
    readonly registry: Registry,
    readonly site: SiteConfig,
    readonly history: FileHistory,
    private readonly root: string,
  ) {}

  get matrix(): CapabilityMatrix {
    return (this.matrixCache ??= new CapabilityMatrix(this.registry.providers, this.site.product));
  }

  get stats(): SiteStats {
    return (this.statsCache ??= siteStats(this.registry.providers));
  }

  get navigation(): SiteNavigation {
    return (this.navigationCache ??= new SiteNavigation(this.registry.providers, this.site));
  }

  /** When the provider's data file was last committed (ISO 8601); undefined when not known. */
  lastUpdated(provider: Provider): string | undefined {
    return this.history.lastCommitted(path.resolve(this.root, provider.file));
  }

  summary(provider: Provider): ProviderSummary {
    return providerSummary(provider, this.site, this.lastUpdated(provider));
  }
}

/**
 * The data of the build in progress, read when a build starts (`eleventy.before`). The loader keeps
 * each file's parsed result, so a dev-server rebuild after one edit parses the files that changed.
 * In the dev server a data mistake keeps the last good data and is listed in `problems`, which every
 * page shows as a banner until the next good save; a command-line build has stopped before then (the plugin's check).
 */
export class BuildData {
  private readonly loader: RegistryLoader;
  private facts?: BuildFacts;
  /** The data mistakes of the last load, formatted as `npm run check` prints them; empty when none. */
  problems: string[] = [];
  /**
   * The providers whose page, twin and JSON this build writes: all of them, or in the preview, after a save
   * that changed only the saved providers' own facts, those (every other page of theirs is as it was).
   */
  providerPages: readonly Provider[] = [];

  constructor(readonly paths: ProjectPaths) {
    this.loader = createRegistryLoader(paths.providersDir, { root: paths.root });
  }

  /** Loads the registry and the site settings, throwing the data mistake that stops a build. */
  check(): { registry: Registry; site: SiteConfig } {
    const site = loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
    return { registry: this.loader.load(), site };
  }

  /** The message for a data mistake (or a bug of ours met on the way): located, never a stack trace. */
  messageOf(error: unknown): string {
    return dataErrorMessage(error, path.relative(this.paths.root, this.paths.providersDir) || ".");
  }

  /**
   * A build starts: the files that changed (all when not said) are read again. `keepLastGood`: in the
   * dev server a mistake keeps the last good data (an empty registry before the first) and is listed.
   */
  async start(changedFiles: readonly string[] | undefined, keepLastGood: boolean): Promise<void> {
    this.loader.invalidate(changedFiles?.map((file) => path.resolve(this.paths.root, file)));
    const history = readFileHistoryAsync(this.paths.providersDir);
    try {
      const { registry, site } = this.check();
      const previous = this.problems.length === 0 ? this.facts : undefined;
      this.problems = [];
      for (const warning of registry.warnings) console.warn(formatProblem(warning));
      this.facts = new BuildFacts(registry, site, await history, this.paths.root);
      this.providerPages = keepLastGood ? this.changedPages(previous, changedFiles) : registry.providers;
    } catch (error) {
      if (!keepLastGood) throw error;
      // One line a mistake, located, as `npm run check` lists them.
      const listed = (error as { problems?: DataProblem[] }).problems;
      this.problems = listed ? listed.map(formatProblem) : [this.messageOf(error)];
      console.error(this.messageOf(error));
      this.facts ??= new BuildFacts(new Registry([]), this.fallbackSite(), await history, this.paths.root);
      // Every page shows the mistakes' banner.
      this.providerPages = this.facts.registry.providers;
    }
  }

  /** This build's facts; `start` has run (Eleventy runs `eleventy.before` before any data or page). */
  get current(): BuildFacts {
    if (!this.facts) throw new Error("The build's data was asked for before the build started.");
    return this.facts;
  }

  /**
   * The providers whose pages a preview rebuild writes: only the saved providers when nothing another page shows
   * of them changed (the list of providers, their names, slugs and aliases, what the self-hosted callout lists),
   * else all of them.
   */
  private changedPages(previous: BuildFacts | undefined, changedFiles: readonly string[] | undefined) {
    const { providers } = this.current.registry;
    if (!previous || !changedFiles) return providers;
    const changed = new Set(changedFiles.map((file) => path.resolve(this.paths.root, file)));
    const index = (list: readonly Provider[]) =>
      JSON.stringify(list.map((p) => [p.file, p.slug, p.name, p.aliases, p.selfHosted]));
    if (changed.has(this.paths.siteFile) || index(previous.registry.providers) !== index(providers)) return providers;
    return providers.filter((provider) => changed.has(path.resolve(this.paths.root, provider.file)));
  }

  /** Site settings for a dev server whose first load failed: the file's own when they are good. */
  private fallbackSite(): SiteConfig {
    try {
      return loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
    } catch {
      return {
        title: "AI provider reference",
        product: "Kong AI Gateway",
        pluginDocsUrl: "https://developer.konghq.com",
        repositoryUrl: "https://example.com",
        repositoryBranch: "main",
        url: "http://localhost:8080",
        language: "en",
        description: "The site settings have mistakes: see the banner.",
      };
    }
  }
}
