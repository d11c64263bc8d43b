import path from "node:path";
import { providerSearchRecord } from "../outputs/search-records.ts";
import type { BuildState } from "./build-state.ts";
import { stopCliBuild } from "./check-before-build.ts";
import type { OutputFolder } from "./output-folder.ts";
import { ProvidersJsonWriter, writeProvidersJson } from "./providers-json-file.ts";
import { writeProviderTwins } from "./provider-twins.ts";
import { SEARCH_INDEX_DIR, SearchIndexBuild } from "./search-index.ts";
import type { HelperProcesses } from "./split-build.ts";

/**
 * The work of one build beyond Eleventy's pages, start to end: the Markdown and JSON twins and the
 * search index, then the output folder published. Started by `eleventy.before`, finished by
 * `eleventy.after`, one method each, so nothing depends on the order in which handlers were added.
 */
export class BuildRun {
  private twins?: Promise<string[]>;
  /** `/api/providers.json`, written with the twins when this process writes all of them (a build not split). */
  private providersJson?: ProvidersJsonWriter;
  private search?: SearchIndexBuild;
  private indexedOnce = false;
  private includesDir = "_includes";

  /**
   * `schemaUrl`: the data files' JSON Schema's address, when the site publishes it (named in `/api/providers.json`).
   * `split`: a command-line build split over two processes. The first (`first`: its helper, which it
   * waits for) prepared the staging folder before starting it, indexes for search and publishes; the
   * helper (`helper`: it reports the files it wrote) writes its pages and twins only.
   */
  constructor(
    private readonly state: BuildState,
    private readonly output: OutputFolder,
    private readonly schemaUrl: string | undefined,
    private readonly split?: { first: HelperProcesses } | { helper: (written: string[]) => void },
  ) {}

  /**
   * A build starts: the data is loaded afresh, and the work that needs no page starts beside
   * Eleventy's. Into a staging folder the twins are written at once (a failed build's folder is
   * thrown away); in place (the dev server), only when the pages are out. The dev server indexes
   * for search on its first build only: a preview after an edit is wanted at once.
   */
  start(run: { runMode?: string; outputMode?: string; directories?: { includes?: string } }): void {
    this.state.startBuild();
    if (run.directories?.includes) this.includesDir = run.directories.includes;
    this.twins = undefined;
    this.providersJson?.close();
    this.providersJson = undefined;
    this.search = undefined;
    if (run.outputMode && run.outputMode !== "fs") return;
    if (this.split && "helper" in this.split) {
      this.twins = this.writeTwins();
      this.twins.catch(() => {});
      return;
    }
    if (!this.split) this.output.prepare();
    const facts = this.state.current;
    // One line when "last updated" is left off some pages (shallow clone, uncommitted files).
    void facts.historyReady().then((history) => {
      const note = history.note(facts.registry.providers.map((p) => path.resolve(facts.paths.root, p.file)));
      if (note) console.log(note);
    });
    if (run.runMode === "build" || !this.indexedOnce) {
      this.indexedOnce = true;
      this.search = new SearchIndexBuild(
        function* () {
          // One at a time: Pagefind is sent a batch, and the records of 10,000 pages need not wait in memory.
          for (const provider of facts.registry.providers) yield providerSearchRecord(provider, facts.site);
        },
        facts.site.language,
        this.output.buildDir,
      );
    }
    if (this.output.staged) this.twins = this.writeTwins();
    // Awaited by `finish`; a build that fails before then must not leave it unhandled.
    this.twins?.catch(() => {});
  }

  /**
   * The pages are out: the twins and the index are finished, `/api/providers.json` is joined from the
   * twins (the helpers' too), then the output folder is published.
   */
  async finish(run: {
    outputMode?: string;
    incremental?: boolean;
    results?: { outputPath?: string | false }[];
  }): Promise<void> {
    if (run.outputMode && run.outputMode !== "fs") return;
    const twins = await (this.twins ?? this.writeTwins());
    await this.search?.written();
    const written = new Set<string>(twins);
    for (const file of this.state.copiedFiles) written.add(path.resolve(this.output.buildDir, file));
    for (const result of run.results ?? []) {
      if (result.outputPath) written.add(path.resolve(result.outputPath));
    }
    if (this.split && "helper" in this.split) return this.split.helper([...written]);
    if (this.split) {
      const helpers = await this.split.first.written();
      if (!helpers) {
        stopCliBuild("A helper process of the build stopped (its message is above).");
        throw new Error("A helper process of the build stopped (its message is above).");
      }
      for (const file of helpers) written.add(file);
    }
    const facts = this.state.current;
    const providersJson = this.providersJson;
    this.providersJson = undefined;
    written.add(
      providersJson
        ? providersJson.finish()
        : writeProvidersJson(this.output.buildDir, facts.registry.providers, facts.site, this.schemaUrl),
    );
    // An incremental rebuild writes only what changed: nothing else may be taken for stale.
    if (!run.incremental) this.output.publish(written, [SEARCH_INDEX_DIR]);
  }

  private writeTwins(): Promise<string[]> {
    const facts = this.state.current;
    const providers = this.state.pages(facts.registry.providers);
    // One process writes every twin, in registry order: `/api/providers.json` is written alongside.
    const providersJson =
      !this.split && providers === facts.registry.providers
        ? new ProvidersJsonWriter(this.output.buildDir, providers.length, facts.site, this.schemaUrl)
        : undefined;
    this.providersJson = providersJson;
    const twins = writeProviderTwins(facts, providers, this.output.buildDir, this.includesDir, providersJson);
    // A build whose twins fail stops: its `/api/providers.json` is left unfinished, and closed.
    twins.catch(() => providersJson?.close());
    return twins;
  }
}
