// The site-wide text files: llms.txt, the sitemap, fingerprinted asset names.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assetManifest, fingerprint } from "../../src/outputs/assets.ts";
import { Registry } from "../../src/registry/registry.ts";
import { renderLlmsTxt, renderPage, useFacts } from "../helpers/templates.ts";
import { capabilityYaml, providerFrom, testSite } from "../helpers/providers.ts";

const openish = providerFrom(
  `name: 'Openish [beta]'\nurl_patterns: ['https://o.example.com']\n${capabilityYaml("chat")}`,
);

test("llms.txt: the site, every provider's Markdown twin with its page, then the data", () => {
  const text = renderLlmsTxt([openish], testSite);
  assert.match(text, /^# AI provider reference\n\n> Which AI providers the gateway can proxy.\n\n/);
  assert.match(
    text,
    "\n## Providers\n\n- [Openish \\[beta\\]](https://site.example.com/ai-providers/openish-beta/index.md): " +
      "the Openish \\[beta\\] reference in Markdown; web page: " +
      "https://site.example.com/ai-providers/openish-beta/\n\n## Data\n",
  );
  assert.match(text, "- [All providers as JSON](https://site.example.com/api/providers.json)");
  assert.match(text, "- [Data file schema](https://site.example.com/schema/provider.schema.json)");
  assert.not.match(renderLlmsTxt([openish], testSite, false), "schema");
});

test("the sitemap: every page absolute, the matrix's pages, providers with lastmod where known", () => {
  const history = { available: true, lastCommitted: () => "2026-01-02T03:04:05Z" };
  useFacts([openish], testSite, history);
  const xml = renderPage("sitemap.liquid", {
    collections: { all: [{ url: "/" }, { url: "/feed.xml" }] },
    capabilityMatrix: { pages: [{ url: "/ai-providers/" }] },
    registry: new Registry([openish]),
    site: testSite,
  });
  assert.is(
    xml,
    '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<url><loc>https://site.example.com/</loc></url>\n" +
      "<url><loc>https://site.example.com/ai-providers/</loc></url>\n" +
      "<url><loc>https://site.example.com/ai-providers/openish-beta/</loc>" +
      "<lastmod>2026-01-02T03:04:05Z</lastmod></url>\n</urlset>\n",
  );
});

test("assets get a name from a hash of their content, which changes when the content does", () => {
  assert.match(fingerprint("site.css", "a{}"), /^site\.[0-9a-f]{10}\.css$/);
  assert.is(fingerprint("site.css", "a{}"), fingerprint("site.css", "a{}"));
  assert.is.not(fingerprint("site.css", "a{}"), fingerprint("site.css", "b{}"));
  const dir = mkdtempSync(path.join(os.tmpdir(), "assets-"));
  try {
    writeFileSync(path.join(dir, "search.js"), "1");
    assert.equal([...assetManifest(dir)], [["search.js", fingerprint("search.js", "1")]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
