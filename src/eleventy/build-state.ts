import { createRegistryLoader, type Registry } from "../registry/load.ts";
import { formatProblem } from "../registry/errors.ts";
import { loadSiteConfig, type SiteConfig } from "../site-config.ts";
import { BuildFacts } from "./build-facts.ts";

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
  private readonly providers;
  private facts?: BuildFacts;

  constructor(readonly paths: ProjectPaths) {
    this.providers = createRegistryLoader(paths.providersDir, { root: paths.root });
  }

  /** Checks the data without keeping it (a CLI build, before Eleventy starts). */
  check(): void {
    loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
    this.providers.load();
  }

  /** Forgets the last build's data; the watcher's changed files are parsed again, the rest reused. */
  startBuild(changedFiles?: readonly string[]): void {
    if (changedFiles) this.providers.invalidate([...changedFiles]);
    this.facts = undefined;
  }

  /** This build's registry, site and shared facts; loaded (and its warnings printed) on first use. */
  get current(): BuildFacts {
    if (!this.facts) {
      const site: SiteConfig = loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
      const registry: Registry = this.providers.load();
      for (const warning of registry.warnings) console.warn(formatProblem(warning));
      this.facts = new BuildFacts(registry, site, this.paths);
    }
    return this.facts;
  }
}
