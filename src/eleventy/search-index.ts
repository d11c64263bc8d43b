import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../outputs/search-records.ts";

/** The search index's folder in the site. */
export const SEARCH_INDEX_DIR = "pagefind";

/**
 * Site search with Pagefind: one record a provider page, in plain text from the registry (not parsed
 * back out of the HTML), written with Pagefind's search UI into `<outputDir>/pagefind/`. A failure of
 * Pagefind (it could not start, index or write) throws, and the build fails with it.
 */
export async function writeSearchIndex(records: Iterable<SearchRecord>, language: string, outputDir: string) {
  const created = await pagefind.createIndex({ forceLanguage: language });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const { index } = created;
  try {
    for (const record of records) {
      const { errors } = await index.addCustomRecord(record);
      if (errors.length) throw new Error(`Pagefind could not index ${record.url}: ${errors.join("; ")}`);
    }
    const { errors } = await index.writeFiles({ outputPath: path.join(outputDir, SEARCH_INDEX_DIR) });
    if (errors.length) throw new Error(`Pagefind could not write the index: ${errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}
