import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ProviderMarkdownRenderer } from "../outputs/provider-markdown.ts";
import { providerJsonUrl, providerMarkdownUrl } from "../urls.ts";
import type { Provider } from "../registry/model.ts";
import type { BuildFacts } from "./build-facts.ts";
import type { ProvidersJsonWriter } from "./providers-json-file.ts";

/** Providers whose twins are written between two turns of the event loop. */
const BATCH = 16;

/**
 * Writes the Markdown and JSON twin of each of `providers` into `outputDir`; returns the paths written.
 * Written from TypeScript, not as paginated Eleventy templates: those would cost a template pass per
 * file, 20,000 at 10,000 providers. The Markdown comes from the `provider-markdown/` templates, rendered
 * by a liquidjs engine of its own. A batch of providers at a time, written synchronously (a file
 * written through `fs/promises` cost the build's thread 60 µs, a synchronous write under 40 µs with the
 * copy itself), then a turn of the event loop, so Eleventy's own work goes on between batches. With
 * `providersJson`, each provider's JSON is added to `/api/providers.json` as it is written.
 */
export async function writeProviderTwins(
  facts: BuildFacts,
  providers: readonly Provider[],
  outputDir: string,
  includesDir: string,
  providersJson?: ProvidersJsonWriter,
): Promise<string[]> {
  await facts.historyReady();
  const markdown = new ProviderMarkdownRenderer(includesDir);
  const written: string[] = [];
  mkdirSync(path.join(outputDir, path.dirname(providerJsonUrl({ slug: "x" }))), { recursive: true });
  for (let start = 0; start < providers.length; start += BATCH) {
    for (const provider of providers.slice(start, start + BATCH)) {
      const twin = path.join(outputDir, providerMarkdownUrl(provider));
      mkdirSync(path.dirname(twin), { recursive: true });
      writeFileSync(twin, markdown.render(provider, facts.site, facts.lastUpdated(provider)));
      const json = path.join(outputDir, providerJsonUrl(provider));
      const text = facts.providerJson(provider);
      writeFileSync(json, `${text}\n`);
      providersJson?.add(text);
      written.push(twin, json);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return written;
}
