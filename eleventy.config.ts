import path from "node:path";
import { registerFastLiquid } from "./src/eleventy/fast-liquid-library.ts";
import providerReferencePlugin, { outputFolderFor } from "./src/eleventy/plugin.ts";
import { escapeHtmlOutput } from "./src/render/template-engine.ts";

/** Eleventy configuration: the provider-reference plugin and the folders. */
export default function (eleventyConfig: any) {
  // Read per build, not once per process: tests and the benchmark build many sites in one run.
  // A build writes beside the output folder and swaps it in when it succeeds.
  // With `--output <dir>`, Eleventy writes its pages there, so the build writes everything there, in place.
  const output = outputFolderFor(process.env.ELEVENTY_OUTPUT ?? "_site");
  eleventyConfig.setOutputDirectory(path.relative(process.cwd(), output.buildDir) || ".");
  eleventyConfig.addPlugin(providerReferencePlugin, {
    // A fixture registry for tests and benchmarks; the shipped data otherwise.
    providersDir: process.env.PROVIDERS_DIR ?? "_data/providers",
    siteFile: process.env.SITE_FILE ?? "_data/site.yaml",
    output,
  });
  // Eleventy waits for a changed file to stay the same size for 150 ms before rebuilding; a
  // provider file is small and saved at once, so the preview need not wait that long.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } });
  // Escape every {{ output }} by default: data text is never markup unless a template says so.
  // (`escapeHtml`'s rule, as the Markdown twins' engine and the inline renderer use.)
  // Rendered by the fast path: liquidjs' parsed templates without its generators, byte for byte the same.
  registerFastLiquid(eleventyConfig, escapeHtmlOutput);
  eleventyConfig.ignores.add("pages/assets/**");
}

export const config = {
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["liquid"],
};
