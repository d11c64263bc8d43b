import { createRegistryLoader, type Registry } from "../registry/load.ts";
import { formatProblem } from "../registry/errors.ts";
import { loadSiteConfig, type SiteConfig } from "../site-config.ts";
import { readFileHistoryAsync, type FileHistory } from "../file-history.ts";
import { BuildFacts } from "./build-facts.ts";
import { allMatrixPages, allPages, type MatrixShare, type PageShare } from "./split-build.ts";

/** Where the plugin reads from and writes to, resolved to absolute paths. */
export interface ProjectPaths {
  root: string;
  providersDir: string;
  siteFile: string;
  assetsDir: string;
  schemaFile: string;
}

/**
 * The data of the build in progress. Loaded on first use in each build, whichever handler,
 * data function or filter asks first, so no handler depends on running after another; the
 * shortcodes and filters read the same instance, so a page never mixes two versions of the data.
 */
export class BuildState {
  private providers: { load(): Registry; invalidate(files?: readonly string[]): void };
  private facts?: BuildFacts;
  private history?: Promise<FileHistory>;
  /** The providers whose pages and twins this process writes: all of them unless the build is split. */
  pages: PageShare = allPages;
  /** The matrix's pages this process writes: all of them unless the build is split. */
  matrixPages: MatrixShare = allMatrixPages;
  /** The files Eleventy copies (passthrough), as paths in the output folder. */
  copiedFiles: readonly string[] = [];

  /** `registry`: one already loaded and checked (a split build's helper process), instead of the data folder. */
  constructor(
    readonly paths: ProjectPaths,
    registry?: Registry,
  ) {
    this.providers = registry
      ? { load: () => registry, invalidate: () => {} }
      : createRegistryLoader(paths.providersDir, { root: paths.root });
  }

  /**
   * Checks the data (a command-line build, before Eleventy starts); the registry is kept for its one
   * build. The loader's per-file results, kept for the dev server's rebuilds, are let go: ~100 MB at 10,000 files.
   */
  check(): Registry {
    loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
    const registry = this.providers.load();
    this.providers = { load: () => registry, invalidate: () => {} };
    return registry;
  }

  /** Forgets the last build's data; the watcher's changed files are parsed again, the rest reused. */
  startBuild(changedFiles?: readonly string[]): void {
    if (changedFiles) this.providers.invalidate([...changedFiles]);
    // The last build's history is stale; one read ahead for the first build (`readHistory`) is kept.
    if (this.facts) this.history = undefined;
    this.facts = undefined;
  }

  /** Starts reading the data files' git history, so the build's first page need not wait for git. */
  readHistory(): void {
    this.history ??= readFileHistoryAsync(this.paths.providersDir);
    this.history.catch(() => {});
  }

  /** This build's registry, site and shared facts; loaded (and its warnings printed) on first use. */
  get current(): BuildFacts {
    if (!this.facts) {
      const site: SiteConfig = loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
      const registry: Registry = this.providers.load();
      for (const warning of registry.warnings) console.warn(formatProblem(warning));
      this.readHistory();
      this.facts = new BuildFacts(registry, site, this.paths, this.history);
    }
    return this.facts;
  }
}
