// Eleventy 3.1 only looks for eleventy.config.{js,mjs,cjs}. This file compiles the TypeScript
// configuration, with the src/ modules it imports, into one ES module with esbuild (which tsx
// is built on) and loads that. Unlike registering tsx's loader hooks, it leaves Node loading
// every other module, Eleventy's own included, directly: a build starts about a second sooner.
// `npm start`, `npx @11ty/eleventy`, the tests' builds and Netlify all come through here.
//
// The compiled module is kept in `.cache/`, named after a hash of the files it was compiled from,
// and reused while they read the same: compiling costs ~0.1 s a build, hashing them ~2 ms.
//
// `npm run build` (`scripts/build.mjs`) runs Eleventy with this configuration already compiled into
// the same bundle, and hands it over here under BUNDLED_CONFIG.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiledFile } from "./scripts/compiled-file.mjs";

const BUNDLED_CONFIG = Symbol.for("ai-provider-reference.eleventy-config");

const root = import.meta.dirname;

/** Packages compiled into the module: loading markdown-it's ~60 files took ~40 ms a build. */
const BUNDLED = new Set(["markdown-it"]);

/** An esbuild plugin: every package import is external, except `bundled` ones and their own imports. */
function bundleOnly(bundled) {
  return {
    name: "bundle-only",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const fromPackage = args.importer.split(path.sep).includes("node_modules");
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        if (fromPackage || bundled.has(name)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** The compiled module, reused when the files it was compiled from are unchanged. */
async function compiledConfig() {
  const file = await compiledFile(root, {
    name: "eleventy.config",
    extension: "mjs",
    compiledBy: ["eleventy.config.js"],
    esbuild: {
      entryPoints: ["eleventy.config.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Packages stay external (Eleventy and this configuration share liquidjs), except those in
      // BUNDLED and what they import: markdown-it is some sixty small modules, each resolved and read.
      plugins: [bundleOnly(BUNDLED)],
      logLevel: "warning",
    },
  });
  return import(pathToFileURL(file).href);
}

const compiled = globalThis[BUNDLED_CONFIG] ?? (await compiledConfig());

export default compiled.default;
export const config = compiled.config;
