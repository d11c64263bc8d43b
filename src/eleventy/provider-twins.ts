import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ProviderMarkdownRenderer } from "../outputs/provider-markdown.ts";
import { providerJsonUrl, providerMarkdownUrl } from "../urls.ts";
import type { Provider } from "../registry/model.ts";
import type { BuildFacts } from "./build-facts.ts";

/**
 * Writes the Markdown and JSON twin of each of `providers` into `outputDir`, a few files at a time; returns
 * the paths written. Written from TypeScript, not as paginated Eleventy templates: those would
 * cost a template pass per file, 20,000 at 10,000 providers. The Markdown comes from the
 * `provider-markdown/` templates, rendered by a liquidjs engine of its own.
 */
export async function writeProviderTwins(
  facts: BuildFacts,
  providers: readonly Provider[],
  outputDir: string,
  includesDir: string,
): Promise<string[]> {
  await facts.historyReady();
  const markdown = new ProviderMarkdownRenderer(includesDir);
  const written: string[] = [];
  const jobs = providers.map((provider) => async () => {
    const twin = path.join(outputDir, providerMarkdownUrl(provider));
    await mkdir(path.dirname(twin), { recursive: true });
    await writeFile(twin, markdown.render(provider, facts.site, facts.lastUpdated(provider)));
    const json = path.join(outputDir, providerJsonUrl(provider));
    await writeFile(json, `${facts.providerJson(provider)}\n`);
    written.push(twin, json);
  });
  await mkdir(path.join(outputDir, path.dirname(providerJsonUrl({ slug: "x" }))), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return written;
}
