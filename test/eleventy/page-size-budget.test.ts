// A provider page's HTML stays small however large the registry: under 60 KB at 1,000
// providers, under 80 KB at 10,000 (issues 11 and 12). Past a few hundred providers its sidebar
// lists the page's neighbours and a letter index, not every provider. The generated registries
// give every provider a `gateway` block (a configuration under each capability), and one in 50
// is larger than the shipped data's largest page (`largestProviderYaml`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { builtSiteOfMany, isLargest, MANY_PROVIDERS } from "../helpers/many-providers.ts";
import { nodeOutput } from "../helpers/run-node.ts";

const KB = 1024;
// The shared build of the generated registry starts now, beside the suites that run before this one.
builtSiteOfMany();
// So does provider 5,007's page over 10,000 generated providers (0-based: 5,006), in a process of its own:
// loading 10,000 files takes seconds. See oneProviderPage in test/helpers/one-provider-page.ts.
const page5007 = nodeOutput(["--import", "tsx", "test/helpers/one-provider-page.ts", "10000", "5006"]);

test("1,000 providers: every provider page of a real build is under 60 KB", async () => {
  // The build the site and browser suites share.
  const dir = await builtSiteOfMany();
  assert.ok(MANY_PROVIDERS >= 1000, `${MANY_PROVIDERS} providers`);
  let largest = { size: 0, n: 0 };
  for (let n = 1; n <= MANY_PROVIDERS; n++) {
    const slug = `provider-${String(n).padStart(3, "0")}`;
    const size = readFileSync(path.join(dir, "ai-providers", slug, "index.html")).length;
    if (size > largest.size) largest = { size, n };
  }
  assert.ok(isLargest(largest.n), `the largest page is a largest provider's, not provider ${largest.n}'s`);
  assert.ok(largest.size < 60 * KB, `provider ${largest.n}: ${largest.size} bytes`);
  // Its configurations are there: one "Configure" per capability.
  const largestHtml = readFileSync(path.join(dir, `ai-providers/provider-${largest.n}/index.html`), "utf8");
  assert.is((largestHtml.match(/<details id="[a-z-]+-config">/g) ?? []).length, 15);
  // The sidebar lists neighbours, not the thousand.
  const html = readFileSync(path.join(dir, "ai-providers/provider-500/index.html"), "utf8");
  assert.ok((html.match(/<li><a href="\/ai-providers\/provider-\d+\/"/g) ?? []).length < 20);
});

test(
  "10,000 providers: a provider page, rendered by the real " + "templates over the whole registry, is under 80 KB",
  async () => {
    // Provider 5007: one of the largest.
    assert.ok(isLargest(5007));
    const html = await page5007;
    assert.match(html, /<h1>Provider 5007<\/h1>/);
    assert.match(html, 'aria-current="page">Provider 5007</a>');
    assert.match(html, "5,007 of 10,000");
    assert.is((html.match(/<details id="[a-z-]+-config">/g) ?? []).length, 15);
    assert.ok(html.length < 80 * KB, `${html.length} bytes`);
  },
);

test.run();
