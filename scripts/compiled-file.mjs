// A file compiled with esbuild into `.cache/`, named after a hash of the files it was compiled from
// (their names and contents), and reused while they read the same: hashing them costs a few
// milliseconds, compiling a tenth of a second to a second. Used by `eleventy.config.js` (the
// configuration, for every way Eleventy is run) and `scripts/build.mjs` (`npm run build`'s bundle).
// Plain JavaScript: it runs before anything that could compile TypeScript.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A hash of these files' names and contents, or undefined when one cannot be read. An installed package's
 * file stands for its contents by its size and time of change (reading ~600 files took 14 ms, looking at
 * them 5 ms): installing or editing it changes them.
 */
function hashOf(root, files) {
  // The folder too: what is compiled may name files by their absolute paths.
  const hash = createHash("sha256").update(`${root}\0`);
  try {
    for (const file of files) {
      hash.update(`${file}\0`);
      if (file.startsWith("node_modules/")) {
        const { size, mtimeMs } = statSync(path.join(root, file));
        hash.update(`${size} ${mtimeMs}\0`);
      } else hash.update(readFileSync(path.join(root, file)));
    }
  } catch {
    return undefined;
  }
  return hash.digest("hex").slice(0, 16);
}

/** This file: how a file is compiled is part of what it is compiled from. */
const SELF = fileURLToPath(import.meta.url);

/** Writes `data` to `file` through a file of this process's own, renamed into place (or removed when that fails). */
export function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The path of `.cache/<name>.<hash>.<extension>`: compiled by esbuild from `esbuild` (its entry point
 * relative to `root`), then passed through `finish` (text to text) when given, unless the files it was
 * last compiled from, and the files that say how (`compiledBy`, relative to `root`), read the same.
 * Other files of the form `.cache/<name>.<hash>.*` (earlier compilations, and what was kept beside
 * them) are removed.
 */
export async function compiledFile(root, { name, extension, esbuild, finish, compiledBy }) {
  const cacheDir = path.join(root, ".cache");
  const inputsFile = path.join(cacheDir, `${name}.inputs.json`);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {}
  const cached = Array.isArray(inputs) ? hashOf(root, inputs) : undefined;
  const cachedFile = cached && path.join(cacheDir, `${name}.${cached}.${extension}`);
  if (cachedFile && existsSync(cachedFile)) return cachedFile;

  // Loaded only when compiling: importing esbuild costs time too.
  const { build } = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const temporary = path.join(cacheDir, `${name}.${process.pid}.${extension}`);
  const result = await build({ ...esbuild, absWorkingDir: root, outfile: temporary, metafile: true, write: false });
  const { text } = result.outputFiles.find((output) => output.path === temporary);
  writeFileSync(temporary, finish ? finish(text) : text);
  const sources = [
    ...new Set([...Object.keys(result.metafile.inputs), path.relative(root, SELF), ...compiledBy]),
  ].sort();
  const hash = hashOf(root, sources);
  // A source that cannot be read again just after compiling: this compilation serves this process only.
  if (!hash) return temporary;
  const outfile = path.join(cacheDir, `${name}.${hash}.${extension}`);
  // Renamed into place, so a build running beside this one never reads a half-written file.
  renameSync(temporary, outfile);
  const earlier = new RegExp(`^${name.replaceAll(".", "\\.")}\\.[0-9a-f]{16}\\.`);
  for (const file of readdirSync(cacheDir)) {
    if (earlier.test(file) && !file.startsWith(`${name}.${hash}.`)) rmSync(path.join(cacheDir, file), { force: true });
  }
  writeAtomically(inputsFile, JSON.stringify(sources));
  return outfile;
}
