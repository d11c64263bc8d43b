import { writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../outputs/search-records.ts";

/** Records sent to Pagefind at a time: its process holds what it was sent until it has indexed it. */
const BATCH = 250;
/**
 * At most this many pages an index (`PROVIDER_SEARCH_BUNDLE_SIZE` changes it): Pagefind's process
 * holds an index until it is written, about 45 MiB a thousand pages when it writes one. Past it the
 * pages are indexed as several bundles, one after another (the process reuses the memory of the
 * last), which the search box merges. At 10,000 providers, one index peaked at 468 MiB, two at 300.
 */
const PAGES_PER_BUNDLE = 5000;
/** The search index's folder in the site; the first bundle is written there, the others inside it. */
export const SEARCH_INDEX_DIR = "pagefind";
/** The list of the other bundles' addresses, read by the search box (`pages/assets/search.js`). */
const MERGED_BUNDLES_FILE = "merged-bundles.json";

/** How many pages one bundle of the search index holds. */
export function pagesPerBundle(): number {
  const size = Number(process.env.PROVIDER_SEARCH_BUNDLE_SIZE || PAGES_PER_BUNDLE);
  return Number.isInteger(size) && size > 0 ? size : PAGES_PER_BUNDLE;
}

/**
 * Site search with Pagefind, inside the build: the index is fed plain-text records from the
 * registry, a batch at a time, when the build starts, so Pagefind's own process indexes on the
 * second core while Eleventy writes the pages. Each bundle (`pagesPerBundle` pages) is written into
 * the site as soon as it is indexed, and dropped from Pagefind's process before the next is fed.
 */
export class SearchIndexBuild {
  private readonly indexing: Promise<string[]>;

  /** `records`: the pages, in order; `outputDir`: the site's folder, where the index is written. */
  constructor(records: () => Iterable<SearchRecord>, language: string, outputDir: string) {
    const size = pagesPerBundle();
    this.indexing = (async () => {
      const bundles: string[] = [];
      let index: pagefind.PagefindIndex | undefined;
      const open = async () => {
        const created = await pagefind.createIndex({ forceLanguage: language, maxFragments: 1000 });
        if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
        return created.index;
      };
      let inBundle = 0;
      let batch: SearchRecord[] = [];
      const send = async () => {
        const added = await Promise.all(batch.map((record) => index!.addCustomRecord(record)));
        const failed = added.flatMap((result) => result.errors);
        if (failed.length) throw new Error(`Pagefind could not index a page: ${failed.join("; ")}`);
        batch = [];
      };
      const write = async () => {
        await send();
        const dir = bundles.length === 0 ? SEARCH_INDEX_DIR : `${SEARCH_INDEX_DIR}/part-${bundles.length + 1}`;
        try {
          const { errors } = await index!.writeFiles({ outputPath: path.join(outputDir, dir) });
          if (errors.length) throw new Error(`Pagefind could not write the index: ${errors.join("; ")}`);
        } finally {
          await index!.deleteIndex();
          index = undefined;
        }
        bundles.push(`/${dir}/`);
      };
      try {
        for (const record of records()) {
          if (!index) {
            index = await open();
            inBundle = 0;
          }
          batch.push(record);
          inBundle++;
          if (batch.length === BATCH) await send();
          if (inBundle === size) await write();
        }
        // The last bundle; an empty registry still gets an index (and the search box its files).
        if (index || bundles.length === 0) {
          index ??= await open();
          await write();
        }
      } finally {
        await index?.deleteIndex();
      }
      const merged = path.join(outputDir, SEARCH_INDEX_DIR, MERGED_BUNDLES_FILE);
      writeFileSync(merged, `${JSON.stringify(bundles.slice(1))}\n`);
      return bundles;
    })();
    // Reported when awaited; keep an early failure from counting as unhandled meanwhile.
    this.indexing.catch(() => {});
  }

  /**
   * Waits until every bundle of the index is written into the site (`<outputDir>/pagefind/`), with
   * Pagefind's search UI; returns the bundles' addresses. Pagefind's process is shared by every index
   * in this Node process (a test run, a dev server) and never holds it open, so it is not closed here.
   */
  written(): Promise<string[]> {
    return this.indexing;
  }
}
