/**
 * The floor the benchmark compares a large build against: parse the same provider files with
 * the `yaml` package (the project's own parser), then write the build's own output files (the
 * same bytes, read beforehand from the real build's output folder) with a plain loop. No
 * validation, no rendering, no framework: the work no build of this site can skip. Prints
 * `{"seconds", "parseSeconds", "providers", "files", "bytes"}` as JSON.
 * Usage: node --import tsx scripts/bench/plain-build.ts <registry folder> <built site> <output folder>
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const [registryDir, builtDir, outputDir] = process.argv.slice(2);
if (!registryDir || !builtDir || !outputDir)
  throw new Error("usage: plain-build.ts <registry folder> <built site> <output folder>");

// Read before the clock starts: reading the built site is how the floor knows what to write.
const outputs = readdirSync(builtDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return { target: path.join(outputDir, path.relative(builtDir, file)), bytes: readFileSync(file) };
  });
const folders = [...new Set(outputs.map((output) => path.dirname(output.target)))];

const start = process.hrtime.bigint();
const providerFiles = readdirSync(registryDir).filter((name) => /\.ya?ml$/.test(name));
let parsed = 0;
for (const name of providerFiles) {
  if (parse(readFileSync(path.join(registryDir, name), "utf8")) !== undefined) parsed++;
}
const parsedAt = process.hrtime.bigint();
for (const folder of folders) mkdirSync(folder, { recursive: true });
for (const output of outputs) writeFileSync(output.target, output.bytes);
const end = process.hrtime.bigint();
const seconds = Number(end - start) / 1e9;
const parseSeconds = Number(parsedAt - start) / 1e9;

const bytes = outputs.reduce((sum, output) => sum + output.bytes.length, 0);
console.log(JSON.stringify({ seconds, parseSeconds, providers: parsed, files: outputs.length, bytes }));
