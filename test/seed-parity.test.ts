// Each shipped provider page shows exactly the seed template's rows, values, footnote numbers
// and notes for the same data. The seed (../shared/seed/provider-reference.liquid, beside the
// repository) is rendered with liquidjs as the oracle, over the provider files and over the
// file `npm run export` writes for Kong's site (which must render there as it does here).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry } from "../src/registry/load.ts";
import { plainText } from "../src/render/inline.ts";
import { projectRoot, tableRows, text } from "./helpers/build-site.ts";
import { builtPages, builtSite } from "./helpers/built-site.ts";
import {
  exportedSeedProviders,
  type SeedProvider,
  seedProviders,
  seedTemplateFile as seedFile,
} from "./helpers/seed-data.ts";

const providersDir = path.join(projectRoot, "_data/providers");

if (!existsSync(seedFile)) {
  if (process.env.CI === "true")
    throw new Error(`The seed template is missing at ${seedFile}; CI runs with shared/ beside the repository.`);
  console.warn(`\n!!! SKIPPED seed parity: no seed template at ${seedFile}\n`);
} else {
  const liquid = new Liquid();
  liquid.registerFilter("to_check", (value: unknown) => (value ? "Supported" : "Not supported"));
  const template = liquid.parse(readFileSync(seedFile, "utf8"));
  const sources: [string, SeedProvider[]][] = [
    ["the provider files", seedProviders(providersDir)],
    ["npm run export's file", exportedSeedProviders(providersDir, projectRoot)],
  ];
  // The build of the shipped data the site and browser suites share.
  let built: ReturnType<typeof builtPages> | undefined;

  // The seed's cells hold raw values: drop the <code> it wraps around values, then compare as text.
  const seedCell = (html: string) => plainText(html.trim().replace(/^<code>([\s\S]*)<\/code>$/, "$1"));
  const seedRows = (html: string) =>
    [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((m) => [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!))
      .filter((cells) => cells.length > 0)
      .map((cells) => cells.map((cell) => seedCell(cell.replace(/<sup>(\d+)<\/sup>/, " Note $1"))));

  for (const [source, raw] of sources)
    test(`every shipped page matches the seed's rows, values, footnote numbers and notes, from ${source}`, async () => {
      const pages = (built ??= builtPages(await builtSite()));
      assert.ok(raw.length > 0, "the shipped data has providers");
      const registry = loadRegistry(providersDir);
      let compared = 0;
      for (const provider of raw) {
        const seedHtml = await liquid.render(template, {
          include: { providers: { providers: raw }, provider_name: provider.name },
        });
        const page = [...pages.values()].find((p) => text(p.dom.querySelector("h1")) === provider.name);
        assert.ok(page, `a page for ${provider.name}`);
        const ours = page!.dom.querySelectorAll("main table").map((t) => tableRows(t));
        const seed = seedHtml
          .split("<tbody>")
          .slice(1)
          .map((body: string) => seedRows(body.split("</tbody>")[0]!));
        assert.equal(ours, seed, `${provider.name}: tables`);
        const seedNotes = [...seedHtml.matchAll(/^<sup>(\d+)<\/sup> (.*)$/gm)].map(
          (m) => `${m[1]} ${plainText(m[2]!)}`,
        );
        const ourNotes = page!.dom
          .querySelectorAll(".notes li")
          .map((li) => `${li.getAttribute("value")} ${text(li).replace(/ Back to note reference \d+$/, "")}`);
        assert.equal(ourNotes, seedNotes, `${provider.name}: notes`);
        const firstUrl = registry.providers.find((p) => p.name === provider.name)!.urlPatterns[0];
        assert.ok(seedHtml.includes(`is \`${firstUrl}\`, where`), `${provider.name}: the seed's base URL`);
        compared += seed.flat().length + seedNotes.length;
      }
      // Every supported capability stands in at least one row: the oracle was really read.
      const capabilities = registry.providers.reduce((sum, p) => sum + p.capabilities.length, 0);
      assert.ok(compared >= capabilities, `compared ${compared} rows and notes for ${capabilities} capabilities`);
    });

  test.run();
}
