/**
 * The practical limit the benchmark compares against: the same provider pages and their
 * Markdown and JSON twins, rendered by the same TypeScript functions and written by a plain
 * loop, with no framework. Usage: node --import tsx scripts/bench/plain-build.ts <registry> <out>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readFileHistory } from "../../src/file-history.ts";
import { assetManifest, assetUrlOf } from "../../src/outputs/assets.ts";
import { renderProviderJson } from "../../src/outputs/provider-json.ts";
import { renderProviderMarkdown } from "../../src/outputs/provider-markdown.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { renderProviderPage } from "../../src/render/provider-page.ts";
import { loadSiteConfig } from "../../src/site-config.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../../src/urls.ts";

const [registryDir, outputDir] = process.argv.slice(2);
if (!registryDir || !outputDir) throw new Error("usage: plain-build.ts <registry folder> <output folder>");

const site = loadSiteConfig("_data/site.yaml");
const registry = loadRegistry(registryDir);
const history = readFileHistory(registryDir);
const assetUrl = assetUrlOf(assetManifest("pages/assets"), "pages/assets");

mkdirSync(path.join(outputDir, "api/providers"), { recursive: true });
for (const provider of registry.providers) {
  const lastUpdated = history.lastCommitted(path.resolve(provider.file));
  const page = path.join(outputDir, providerPageUrl(provider), "index.html");
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(
    page,
    renderProviderPage(provider, site, { history: { available: history.available, lastUpdated }, assetUrl }),
  );
  writeFileSync(
    path.join(outputDir, providerMarkdownUrl(provider)),
    renderProviderMarkdown(provider, site, lastUpdated),
  );
  writeFileSync(
    path.join(outputDir, providerJsonUrl(provider)),
    `${renderProviderJson(provider, site, lastUpdated ?? null)}\n`,
  );
}
