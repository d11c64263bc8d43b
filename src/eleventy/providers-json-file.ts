import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { providersJsonFrame } from "../outputs/provider-json.ts";
import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { PROVIDERS_JSON_URL, providerJsonUrl } from "../urls.ts";

/**
 * Writes `/api/providers.json` into `outputDir` from the providers' own JSON files, already there
 * (written by this process or a split build's helpers), one at a time in registry order; returns its
 * path. Not a template: at 10,000 providers the file is 150 MB, which a page's content would hold in
 * memory (with every provider's JSON besides) until the build ends.
 */
export async function writeProvidersJson(
  outputDir: string,
  providers: readonly Provider[],
  site: SiteConfig,
  schemaUrl?: string,
): Promise<string> {
  const file = path.join(outputDir, PROVIDERS_JSON_URL);
  const { head, tail } = providersJsonFrame(site, providers.length, schemaUrl);
  const out = await open(file, "w");
  try {
    await out.write(head);
    for (const [i, provider] of providers.entries()) {
      const own = await readFile(path.join(outputDir, providerJsonUrl(provider)));
      // Each file ends in a newline; the list puts `,\n` between providers instead.
      if (i > 0) await out.write(",\n");
      await out.write(own.subarray(0, -1));
    }
    await out.write(tail);
  } finally {
    await out.close();
  }
  return file;
}
