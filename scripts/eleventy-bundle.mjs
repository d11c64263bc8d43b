// `npm run build`'s bundle (see scripts/build.mjs): compiling it, and running it from V8's code cache.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { compiledFile, writeAtomically } from "./compiled-file.mjs";

const require = createRequire(import.meta.url);

/** Every node of a parsed program under `node`, visited depth first. */
function visit(node, each) {
  each(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === "string") visit(item, each);
    } else if (value && typeof value.type === "string") visit(value, each);
  }
}

/**
 * `source` (the module at `file`) with each `import(<computed name>)` made `__import(<name>, <file's URL>)`, and
 * `import.meta.url`, `.dirname` and `.filename` made the module's own, as text; undefined when it has
 * none. Found by parsing (acorn), so text in strings and comments stays as it is; any other use of
 * `import.meta` throws.
 */
export function rewriteImports(source, file) {
  if (!/\bimport\s*(\(|\.\s*meta)/.test(source)) return undefined;
  const acorn = require("acorn");
  const options = { ecmaVersion: "latest", allowHashBang: true, allowReturnOutsideFunction: true };
  let program;
  try {
    program = acorn.parse(source, { ...options, sourceType: "module", allowAwaitOutsideFunction: true });
  } catch {
    program = acorn.parse(source, { ...options, sourceType: "script" });
  }
  const meta = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
  const edits = [];
  const replaced = new Set();
  visit(program, (node) => {
    if (node.type === "ImportExpression" && node.source.type !== "Literal") {
      if (node.options) throw new Error(`${file}: import() with options`);
      edits.push({ start: node.start, end: node.start + "import".length, text: "__import" });
      edits.push({ start: node.source.end, end: node.source.end, text: `, ${JSON.stringify(meta.url)}` });
    } else if (node.type === "MemberExpression" && node.object.type === "MetaProperty") {
      const name = node.property.name;
      if (node.computed || !Object.hasOwn(meta, name)) throw new Error(`${file}: import.meta.${name}`);
      edits.push({ start: node.start, end: node.end, text: JSON.stringify(meta[name]) });
      replaced.add(node.object);
    } else if (node.type === "MetaProperty" && node.meta.name === "import" && !replaced.has(node)) {
      throw new Error(`${file}: import.meta on its own`);
    }
  });
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => b.start - a.start);
  let rewritten = source;
  for (const edit of edits) rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  return rewritten;
}

/** An esbuild plugin: each module's source through `rewriteImports`. */
const dynamicImports = {
  name: "dynamic-imports",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const contents = rewriteImports(await readFile(args.path, "utf8"), args.path);
      return contents === undefined ? undefined : { contents, loader: "js" };
    });
  },
};

/** esbuild's helper that makes a CommonJS module's exports an ES module's, as it writes it. */
const TO_ESM =
  "var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(";

/**
 * The bundle with the exports of a CommonJS module (liquidjs, @11ty/eleventy-utils) copied as values
 * when an ES module imports it, as Node itself does, not read through a getter on every use (`Drop`,
 * `TemplatePath`...: 80 ms of a 1,000-provider build). The helper that copies an ES module's exports
 * for `require` (`__toCommonJS`) keeps its getters: those follow `export let` bindings.
 */
export function exportsAsValues(bundle) {
  const at = bundle.indexOf(TO_ESM);
  if (at === -1 || bundle.indexOf(TO_ESM, at + 1) !== -1) throw new Error("esbuild's __toESM is not as expected");
  const copyValues = `var __copyValues = (to, from) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from)) {
      if (__hasOwnProp.call(to, key)) continue;
      const desc = __getOwnPropDesc(from, key);
      __defProp(to, key, { value: from[key], enumerable: !desc || desc.enumerable });
    }
  }
  return to;
};
`;
  return `${bundle.slice(0, at)}${copyValues}${TO_ESM.replace("__copyProps(", "__copyValues(")}${bundle.slice(at + TO_ESM.length)}`;
}

/**
 * `npm run build`'s bundle for the project at `root`, compiled when missing or out of date; undefined
 * (and a warning) when it cannot be.
 */
export async function eleventyBundle(root) {
  try {
    return await compiledFile(root, {
      name: "eleventy-build",
      extension: "cjs",
      compiledBy: ["scripts/eleventy-bundle.mjs"],
      finish: exportsAsValues,
      esbuild: {
        entryPoints: ["scripts/build-bundle.cjs"],
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        // Only the dev server needs them, and `npm run build` never starts it.
        external: ["esbuild", "morphdom"],
        plugins: [dynamicImports],
        logLevel: "silent",
      },
    });
  } catch (error) {
    console.warn(`Eleventy runs from its own modules: its bundle could not be compiled (${error.message}).`);
    return undefined;
  }
}

/**
 * `import(name)` as the module at the URL `from` would: a relative name from its folder; any other (an
 * absolute URL or path, a package) as it is, a package from the project's own node_modules.
 */
const importFrom = (name, from) => import(/^\.\.?\//.test(name) ? new URL(name, from).href : name);

/**
 * The bundle at `file` compiled as V8 compiles it for `runBundle`: with the code cache beside it
 * (`<file>.v8`) when there is one, which `cachedDataRejected` says V8 accepted or not.
 */
export function bundleScript(file) {
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.v8`);
  } catch {}
  const wrapper = "(function (exports, require, module, __filename, __dirname, __import) {";
  const script = new vm.Script(`${wrapper}${readFileSync(file, "utf8")}\n})`, { filename: file, cachedData });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Runs the bundle at `file` (Eleventy's command line), from its code cache when V8 accepts it; when
 * there is none, or V8 rejects it, a build that succeeds makes it as it ends, from every function it ran.
 */
export function runBundle(file) {
  const { script, cached } = bundleScript(file);
  if (!cached) {
    process.once("exit", (code) => {
      if (code !== 0) return;
      try {
        writeAtomically(`${file}.v8`, script.createCachedData());
      } catch {
        // A cache that cannot be written (a full disk, a read-only folder) is made by a later build.
      }
    });
  }
  const module = { exports: {} };
  const load = script.runInThisContext();
  load(module.exports, createRequire(file), module, file, path.dirname(file), importFrom);
}
