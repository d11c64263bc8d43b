import path from "node:path";
import { providerSearchRecord } from "../outputs/search-records.ts";
import type { BuildState } from "./build-state.ts";
import type { OutputFolder } from "./output-folder.ts";
import { writeProviderTwins } from "./provider-twins.ts";
import { SearchIndexBuild } from "./search-index.ts";

/** The search index's folder in the site. */
const SEARCH_INDEX_DIR = "pagefind";

/**
 * The work of one build beyond Eleventy's pages, start to end: the Markdown and JSON twins and the
 * search index, then the output folder published. Started by `eleventy.before`, finished by
 * `eleventy.after`, one method each, so nothing depends on the order in which handlers were added.
 */
export class BuildRun {
  private twins?: Promise<string[]>;
  private search?: SearchIndexBuild;
  private indexedOnce = false;
  private includesDir = "_includes";

  constructor(
    private readonly state: BuildState,
    private readonly output: OutputFolder,
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
    this.search = undefined;
    if (run.outputMode && run.outputMode !== "fs") return;
    this.output.prepare();
    const facts = this.state.current;
    // One line when "last updated" is left off some pages (shallow clone, uncommitted files).
    const note = facts.history.note(facts.registry.providers.map((p) => path.resolve(facts.paths.root, p.file)));
    if (note) console.log(note);
    if (run.runMode === "build" || !this.indexedOnce) {
      this.indexedOnce = true;
      this.search = new SearchIndexBuild(
        () => facts.registry.providers.map((provider) => providerSearchRecord(provider, facts.site)),
        facts.site.language,
      );
    }
    if (this.output.staged) this.twins = this.writeTwins();
    // Awaited by `finish`; a build that fails before then must not leave it unhandled.
    this.twins?.catch(() => {});
  }

  /** The pages are out: the twins and the index are finished, then the output folder is published. */
  async finish(run: {
    outputMode?: string;
    incremental?: boolean;
    results?: { outputPath?: string | false }[];
  }): Promise<void> {
    if (run.outputMode && run.outputMode !== "fs") return;
    const twins = await (this.twins ?? this.writeTwins());
    await this.search?.write(this.output.buildDir);
    const written = new Set<string>(twins);
    for (const result of run.results ?? []) {
      if (result.outputPath) written.add(path.resolve(result.outputPath));
    }
    // An incremental rebuild writes only what changed: nothing else may be taken for stale.
    if (!run.incremental) this.output.publish(written, [SEARCH_INDEX_DIR]);
  }

  private writeTwins(): Promise<string[]> {
    return writeProviderTwins(this.state.current, this.output.buildDir, this.includesDir);
  }
}
