import path from "node:path";
import { readFileHistoryAsync, type FileHistory } from "../file-history.ts";
import { SiteNavigation } from "../navigation.ts";
import { listItemText, providerJsonObject } from "../outputs/provider-json.ts";
import { dataErrorMessage } from "../registry/check.ts";
import { formatProblem, type DataProblem } from "../registry/errors.ts";
import { createRegistryLoader, type RegistryLoader } from "../registry/load.ts";
import { Registry } from "../registry/registry.ts";
import type { Provider } from "../registry/model.ts";
import { CapabilityMatrix, type MatrixPage } from "../render/matrix.ts";
import { EXAMPLE_SITE, loadSiteConfig, type SiteConfig } from "../site-config.ts";
import { siteStats } from "../site-stats.ts";

/** What a build writes, as the templates paginate it (`indexPages`: llms.txt, sitemap, redirects); `complete`: all. */
interface RenderScope {
  complete: boolean;
  providerPages: readonly Provider[];
  matrixPages: readonly MatrixPage[];
  indexPages: readonly true[];
}

/** A provider's JSON, and as an item of the list; `key`: the date and site settings they were made with. */
type JsonTexts = { key: string; text: string; item: string };

/** What one build knows: registry, site, history, and what pages share, each worked out once a build. */
export class BuildFacts {
  private matrixCache?: CapabilityMatrix;
  private statsCache?: ReturnType<typeof siteStats>;
  private navigationCache?: SiteNavigation;
  private readonly siteKey: string;

  constructor(
    readonly registry: Registry,
    readonly site: SiteConfig,
    readonly history: FileHistory,
    private readonly root: string,
    /** Each provider's JSON texts, kept from build to build while its data, the site and its date are unchanged. */
    private readonly jsonTexts = new WeakMap<Provider, JsonTexts>(),
  ) {
    this.siteKey = JSON.stringify(site);
  }

  get matrix(): CapabilityMatrix {
    return (this.matrixCache ??= new CapabilityMatrix(this.registry.providers));
  }

  get stats() {
    return (this.statsCache ??= siteStats(this.registry.providers));
  }

  get navigation(): SiteNavigation {
    return (this.navigationCache ??= new SiteNavigation(this.registry.providers, this.site));
  }

  /** When the provider's data file was last committed (ISO 8601); undefined when not known. */
  lastUpdated(provider: Provider): string | undefined {
    return this.history.lastCommitted(path.resolve(this.root, provider.file));
  }

  /** The provider's JSON (`/api/providers/<slug>.json`), made once, and as set into `/api/providers.json`. */
  jsonTextsOf(provider: Provider): JsonTexts {
    const lastUpdated = this.lastUpdated(provider) ?? null;
    const key = `${lastUpdated} ${this.siteKey}`;
    const kept = this.jsonTexts.get(provider);
    if (kept?.key === key) return kept;
    const text = JSON.stringify(providerJsonObject(provider, this.site, lastUpdated), null, 2);
    const made = { key, text, item: listItemText(text) };
    this.jsonTexts.set(provider, made);
    return made;
  }
}

/** The data of the build in progress, read at `eleventy.before`; a rebuild parses only the files that changed. */
export class BuildData {
  private readonly loader: RegistryLoader;
  private facts?: BuildFacts;
  private readonly jsonTexts = new WeakMap<Provider, JsonTexts>();
  /** The last load's data mistakes as `npm run check` prints them: the dev server's banner on every page. */
  problems: string[] = [];
  /** What this build writes: everything, or in the preview after a save, the pages the save changed. */
  scope: RenderScope = { complete: false, providerPages: [], matrixPages: [], indexPages: [] };

  constructor(readonly paths: { root: string; providersDir: string; siteFile: string }) {
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

  /** A build starts: changed files (all when not said) are read again; `keepLastGood`: the dev server goes on. */
  async start(changedFiles: readonly string[] | undefined, keepLastGood: boolean): Promise<void> {
    this.loader.invalidate(changedFiles?.map((file) => path.resolve(this.paths.root, file)));
    const history = readFileHistoryAsync(this.paths.providersDir);
    try {
      const { registry, site } = this.check();
      const previous = this.problems.length === 0 ? this.facts : undefined;
      this.problems = [];
      for (const warning of registry.warnings) console.warn(formatProblem(warning));
      this.facts = new BuildFacts(registry, site, await history, this.paths.root, this.jsonTexts);
      this.scope = keepLastGood ? this.changedScope(previous, changedFiles) : this.fullScope();
    } catch (error) {
      if (!keepLastGood) throw error;
      const listed = (error as { problems?: DataProblem[] }).problems;
      this.problems = listed ? listed.map(formatProblem) : [this.messageOf(error)];
      console.error(this.messageOf(error));
      this.facts ??= new BuildFacts(new Registry([]), this.fallbackSite(), await history, this.paths.root);
      // Every page shows the mistakes' banner.
      this.scope = this.fullScope();
    }
  }

  /** This build's facts; `start` has run (Eleventy runs `eleventy.before` before any data or page). */
  get current(): BuildFacts {
    if (!this.facts) throw new Error("The build's data was asked for before the build started.");
    return this.facts;
  }

  private fullScope(): RenderScope {
    const { registry, matrix } = this.current;
    return { complete: true, providerPages: registry.providers, matrixPages: matrix.pages, indexPages: [true] };
  }

  /** A save that changed nothing every page lists: the saved providers, the matrix pages and lists it changed. */
  private changedScope(previous: BuildFacts | undefined, changedFiles: readonly string[] | undefined): RenderScope {
    const facts = this.current;
    if (!previous || !changedFiles) return this.fullScope();
    const changed = new Set(changedFiles.map((file) => path.resolve(this.paths.root, file)));
    const listed = (build: BuildFacts) =>
      JSON.stringify(build.registry.providers.map((p) => [p.file, p.slug, p.name, p.aliases, p.selfHosted]));
    if (changed.has(this.paths.siteFile) || listed(previous) !== listed(facts)) return this.fullScope();

    const isSaved = (provider: Provider) => changed.has(path.resolve(this.paths.root, provider.file));
    const saved = facts.registry.providers.filter(isSaved);
    const before = new Map(previous.registry.providers.map((p) => [p.file, p]));
    const redated = (provider: Provider) =>
      facts.lastUpdated(provider) !== previous.lastUpdated(before.get(provider.file)!);
    // A commit made while the preview runs dates other providers anew: their pages change too.
    if (facts.registry.providers.some((p) => !isSaved(p) && redated(p))) return this.fullScope();
    const matrixUrls = new Set<string>();
    for (const provider of saved) {
      const was = previous.matrix.placesOf(before.get(provider.file)!);
      const is = facts.matrix.placesOf(provider);
      if (was.map((place) => place.url).join() !== is.map((place) => place.url).join()) return this.fullScope();
      for (const [i, place] of is.entries()) if (place.row !== was[i]!.row) matrixUrls.add(place.url);
    }
    const matrixPages = facts.matrix.pages.filter((page) => matrixUrls.has(page.url));
    const listsChanged = saved.some(redated) || JSON.stringify(previous.stats) !== JSON.stringify(facts.stats);
    return { complete: false, providerPages: saved, matrixPages, indexPages: listsChanged ? [true] : [] };
  }

  /** Site settings for a dev server whose first load failed: the file's own when they are good. */
  private fallbackSite(): SiteConfig {
    try {
      return loadSiteConfig(this.paths.siteFile, { root: this.paths.root });
    } catch {
      return { ...EXAMPLE_SITE, repositoryBranch: "main", language: "en" };
    }
  }
}
