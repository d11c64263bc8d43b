// One provider page of a generated registry, rendered by Eleventy with the real layout, includes and
// filters, and nothing else: see oneProviderPage. Run as a script (`node --import tsx
// test/helpers/one-provider-page.ts <count> <index>`), it generates `count` providers and prints the
// page of the one at `index` (0-based): page-size-budget.test.ts renders one over 10,000 providers in
// a process of its own, beside the other suites.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectEleventy, projectRoot, withBuildFolders } from "./build-site.ts";
import { manyProvidersDir } from "./many-providers.ts";

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
export async function oneProviderPage(providersDir: string, index: number): Promise<string> {
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [count, index] = process.argv.slice(2).map(Number);
  process.stdout.write(await oneProviderPage(manyProvidersDir(count!), index!));
}
