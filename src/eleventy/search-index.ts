import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../outputs/search-records.ts";

/** Records sent to Pagefind at a time: its process holds what it was sent until it has indexed it. */
const BATCH = 250;

/**
 * Site search with Pagefind, inside the build: the index is fed plain-text records from the
 * registry, a batch at a time, when the build starts, so Pagefind's own process indexes on the
 * second core while Eleventy writes the pages; the index is written into the site when they are out.
 */
export class SearchIndexBuild {
  private readonly indexing: Promise<pagefind.PagefindIndex>;

  constructor(records: () => Iterable<SearchRecord>, language: string) {
    this.indexing = (async () => {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: 1000 });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      let batch: SearchRecord[] = [];
      const send = async () => {
        const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
        const failed = added.flatMap((result) => result.errors);
        if (failed.length) throw new Error(`Pagefind could not index a page: ${failed.join("; ")}`);
        batch = [];
      };
      for (const record of records()) {
        batch.push(record);
        if (batch.length === BATCH) await send();
      }
      await send();
      return index;
    })();
    // Reported when written; keep an early failure from counting as unhandled meanwhile.
    this.indexing.catch(() => {});
  }

  /**
   * Writes the index and Pagefind's search UI into `<outputDir>/pagefind/`, then drops the
   * index from Pagefind's process. The process itself is shared by every index in this Node
   * process (a test run, a dev server) and never holds it open, so it is not closed here:
   * closing it would cut off another build's index still in progress.
   */
  async write(outputDir: string): Promise<void> {
    const index = await this.indexing;
    try {
      const { errors } = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
      if (errors.length) throw new Error(`Pagefind could not write the index: ${errors.join("; ")}`);
    } finally {
      await index.deleteIndex();
    }
  }

  /** Drops the index without writing it (the build failed). */
  async discard(): Promise<void> {
    await (await this.indexing).deleteIndex();
  }
}
