// `npm run build`: Eleventy's command line (node_modules/@11ty/eleventy/cmd.cjs, unchanged) with this
// site's configuration, compiled by esbuild into one CommonJS file in `.cache/` and run from V8's code
// cache. Starting Eleventy from its ~500 modules took about 0.33 s a build, most of it compiling them,
// and every function compiled again when first called; from the bundle and its code cache (the
// functions a build compiled, kept by the build that made the bundle's cache) about 0.1 s, and the
// functions are compiled already. BENCHMARKS.md has the measurements.
//
// - The bundle is compiled again when any file it was compiled from changes (scripts/compiled-file.mjs);
//   the code cache is made by the first build that succeeds without one, and again whenever V8
//   rejects it (another Node, other flags).
// - A dynamic `import()` of a computed name (Eleventy importing eleventy.config.js) cannot run inside
//   code from V8's cache on Node 20 (its callback is lost), so each is compiled to a call of `__import`,
//   a function of this module; `import.meta` becomes the original file's URL, folder and name.
// - When the bundle cannot be compiled, Eleventy runs from its own modules as `npx @11ty/eleventy` does.
//
// Eleventy's resolver, which re-imports edited JavaScript in watch mode (this site has none: YAML data,
// Liquid templates), routed every import through a loader thread: skipped.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { eleventyBundle, runBundle } from "./eleventy-bundle.mjs";

process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

const root = path.dirname(import.meta.dirname);
const bundle = await eleventyBundle(root);
if (bundle) runBundle(bundle);
else await import(pathToFileURL(path.join(root, "node_modules/@11ty/eleventy/cmd.cjs")).href);
