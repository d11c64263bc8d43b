import providerReferencePlugin from "./src/eleventy/plugin.ts";

/** Eleventy configuration: the provider-reference plugin and the folders. */
export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(providerReferencePlugin, {
    // A fixture registry for tests and benchmarks; the shipped data otherwise.
    providersDir: process.env.PROVIDERS_DIR ?? "_data/providers",
    siteFile: process.env.SITE_FILE ?? "_data/site.yaml",
  });
  // Read per build, not once per process: tests and the benchmark build many sites in one run.
  eleventyConfig.setOutputDirectory(process.env.ELEVENTY_OUTPUT ?? "_site");
  // Eleventy waits for a changed file to stay the same size for 150 ms before rebuilding; a
  // provider file is small and saved at once, so the preview need not wait that long.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } });
  // Escape every {{ output }} by default: data text is never markup unless a template says so.
  eleventyConfig.setLiquidOptions({ cache: true, outputEscape: "escape" });
  eleventyConfig.ignores.add("pages/assets/**");
}

export const config = {
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["liquid", "11ty.js"],
};
