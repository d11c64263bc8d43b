// A provider page's HTML stays small however large the registry: under 60 KB at 1,000
// providers, under 80 KB at 10,000 (issues 11 and 12). Past a few hundred providers its sidebar
// lists the page's neighbours and a letter index, not every provider. The generated registries
// give every provider a `gateway` block (a configuration under each capability), and one in 50
// is larger than the shipped data's largest page (`largestProviderYaml`).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectEleventy, projectRoot, withBuildFolders } from "../helpers/build-site.ts";
import { builtSiteOfMany, isLargest, MANY_PROVIDERS, manyProvidersDir } from "../helpers/many-providers.ts";

/** The provider page template's own content, below its front matter. */
const providerTemplate = () => {
  const source = readFileSync(path.join(projectRoot, "pages/ai-providers/provider.liquid"), "utf8");
  return source.slice(source.indexOf("---", 3) + 3).trimStart();
};

/**
 * The page of the registry's provider number `index`, rendered by Eleventy with the real layout,
 * includes and filters, from the provider template's own content paginated over the real registry,
 * but only that one page: the other pages (10,000 of them, and the matrix's) are left out.
 */
async function oneProviderPage(providersDir: string, index: number): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "provider-page-budget-"));
  try {
    return await withBuildFolders(providersDir, out, async () => {
      const elev = projectEleventy(out, {}, (eleventyConfig: any) => {
        eleventyConfig.ignores.add("pages/ai-providers/**");
        eleventyConfig.ignores.add("pages/api/**");
        eleventyConfig.addTemplate("budget/provider.liquid", providerTemplate(), {
          pagination: {
            data: "registry.providers",
            size: 1,
            alias: "provider",
            before: (providers: unknown[]) => providers.slice(index, index + 1),
          },
          permalink: "/budget/",
          layout: "layouts/base.liquid",
        });
      });
      const pages = (await elev.toJSON().catch((error) => {
        // Eleventy wraps the cause ("Having trouble writing to …"): say what it was.
        let cause = error;
        while (cause?.originalError ?? cause?.cause) cause = cause.originalError ?? cause.cause;
        throw new Error(`${error.message}: ${cause?.stack ?? cause}`);
      })) as { url: string; content: string }[];
      const page = pages.find((p) => p.url === "/budget/");
      if (!page) throw new Error(`No page at /budget/ among ${pages.map((p) => p.url).join(", ")}`);
      return page.content;
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const KB = 1024;

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
    const dir = manyProvidersDir(10_000);
    // Provider 5007: one of the largest.
    assert.ok(isLargest(5007));
    const html = await oneProviderPage(dir, 5_006);
    assert.match(html, /<h1>Provider 5007<\/h1>/);
    assert.match(html, 'aria-current="page">Provider 5007</a>');
    assert.match(html, "5,007 of 10,000");
    assert.is((html.match(/<details id="[a-z-]+-config">/g) ?? []).length, 15);
    assert.ok(html.length < 80 * KB, `${html.length} bytes`);
  },
);

test.run();
