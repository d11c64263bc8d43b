import path from "node:path";
import * as pagefind from "pagefind";

/** The search index's folder in the site. */
export const SEARCH_INDEX_DIR = "pagefind";

/** Pagefind's index of one record a provider page (from the registry, not the HTML); a failure fails the build. */
export async function writeSearchIndex(records: Iterable<pagefind.CustomRecord>, language: string, outputDir: string) {
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
