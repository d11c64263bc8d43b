import providerReferencePlugin from "./src/eleventy/plugin.ts";
import { outputFolderFor } from "./src/eleventy/output-folder.ts";
import { LIQUID_OPTIONS } from "./src/render/markup.ts";

/** Eleventy configuration: the provider-reference plugin, the folders, and Liquid as the site uses it. */
export default function (eleventyConfig: any) {
  // A build writes into a staging folder of its own and swaps it in when it succeeds (`ELEVENTY_OUTPUT`: another).
  const output = outputFolderFor(process.env.ELEVENTY_OUTPUT ?? "_site");
  eleventyConfig.setOutputDirectory(output.buildDir);
  eleventyConfig.addPlugin(providerReferencePlugin, {
    // A fixture registry for tests and benchmarks; the shipped data otherwise.
    providersDir: process.env.PROVIDERS_DIR ?? "_data/providers",
    siteFile: process.env.SITE_FILE ?? "_data/site.yaml",
    output,
  });
  // Every `{{ value }}` is escaped for its output (HTML, or Markdown text in the twins): data is never markup.
  eleventyConfig.setLiquidOptions(LIQUID_OPTIONS);
  eleventyConfig.ignores.add("pages/assets/**");
}

export const config = {
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["liquid"],
};
