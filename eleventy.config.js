// Eleventy 3.1 only looks for eleventy.config.{js,mjs,cjs}. This file compiles the TypeScript
// configuration, with the src/ modules it imports, into one ES module with esbuild (which tsx
// is built on) and loads that. Unlike registering tsx's loader hooks, it leaves Node loading
// every other module, Eleventy's own included, directly: a build starts about a second sooner.
// `npm run build`, `npm start`, `npx @11ty/eleventy` and Netlify all come through here.
//
// The compiled module is kept in `.cache/`, named after a hash of the files it was compiled from,
// and reused while they read the same: compiling costs ~0.1 s a build, hashing them ~2 ms.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = import.meta.dirname;
const cacheDir = path.join(root, ".cache");
const inputsFile = path.join(cacheDir, "eleventy.config.inputs.json");

/** A hash of these files' contents (and of their names), or undefined when one cannot be read. */
function hashOf(files) {
  const hash = createHash("sha256");
  try {
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file)));
  } catch {
    return undefined;
  }
  return hash.digest("hex").slice(0, 16);
}

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
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {}
  const cached = Array.isArray(inputs) ? hashOf(inputs) : undefined;
  if (cached) {
    try {
      return await import(`./.cache/eleventy.config.${cached}.mjs`);
    } catch (error) {
      if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    }
  }
  // Loaded only when compiling: importing esbuild costs time too.
  const { build } = await import("esbuild");
  const temporary = path.join(cacheDir, `eleventy.config.${process.pid}.mjs`);
  const result = await build({
    entryPoints: ["eleventy.config.ts"],
    absWorkingDir: root,
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Packages stay external (Eleventy and this configuration share liquidjs), except those in
    // BUNDLED and what they import: markdown-it is some sixty small modules, each resolved and read.
    plugins: [bundleOnly(BUNDLED)],
    logLevel: "warning",
    metafile: true,
  });
  const sources = Object.keys(result.metafile.inputs).sort();
  const hash = hashOf(sources);
  const outfile = path.join(cacheDir, `eleventy.config.${hash}.mjs`);
  // Renamed into place, so a build running beside this one never imports a half-written file.
  renameSync(temporary, outfile);
  for (const name of readdirSync(cacheDir)) {
    if (/^eleventy\.config\.[0-9a-f]{16}\.mjs$/.test(name) && name !== path.basename(outfile))
      rmSync(path.join(cacheDir, name), { force: true });
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(sources));
  renameSync(`${inputsFile}.${process.pid}`, inputsFile);
  return import(`./.cache/${path.basename(outfile)}`);
}

const compiled = await compiledConfig();

export default compiled.default;
export const config = compiled.config;
