/**
 * `npm run bench`: builds synthetic registries of 20, 1,000 and 10,000 providers with the
 * README's build command into fresh output folders and prints wall time, time per page, peak
 * memory, and ratios to an empty Eleventy site and to a plain loop that renders the same pages
 * with no framework. Then times a dev-server rebuild after one data-file edit.
 *
 * `npm run bench -- --write` also replaces the results table in BENCHMARKS.md.
 * `npm run bench -- --sizes 20,1000` builds only those sizes.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { writeSyntheticRegistry } from "./synthetic-registry.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shippedDir = path.join(root, "_data/providers");
const args = process.argv.slice(2);
const sizes = (args.includes("--sizes") ? args[args.indexOf("--sizes") + 1]! : "20,1000,10000").split(",").map(Number);
const work = mkdtempSync(path.join(os.tmpdir(), "provider-bench-"));
const timeBinary = "/usr/bin/time";

interface Run {
  wallSeconds: number;
  peakMiB: number;
  output: string;
}

/** Runs a command, returning its wall time and the peak resident memory of its largest process. */
function measure(command: string, commandArgs: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const useTime = existsSync(timeBinary);
  const start = process.hrtime.bigint();
  const result = useTime
    ? spawnSync(timeBinary, ["-f", "PEAK_KB=%M", command, ...commandArgs], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        encoding: "utf8",
        maxBuffer: 256 * 2 ** 20,
      })
    : spawnSync(command, commandArgs, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        encoding: "utf8",
        maxBuffer: 256 * 2 ** 20,
      });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed (${result.status}):\n${output}`);
  const peak = /PEAK_KB=(\d+)/.exec(output);
  return { wallSeconds, peakMiB: peak ? Number(peak[1]) / 1024 : NaN, output };
}

/** A registry of `count` providers: the shipped files, copied round-robin with numbered names. */
function syntheticRegistry(count: number): string {
  const dir = path.join(work, `registry-${count}`);
  writeSyntheticRegistry(shippedDir, dir, count);
  return dir;
}

/** An empty Eleventy site (one template, no config), built with `npm run build` like ours. */
function emptySiteBuild(): Run {
  const dir = path.join(work, "empty-site");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "empty", private: true, type: "module", scripts: { build: "eleventy" } }),
  );
  writeFileSync(path.join(dir, "index.liquid"), "<p>Hello</p>\n");
  if (!existsSync(path.join(dir, "node_modules")))
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  rmSync(path.join(dir, "_site"), { recursive: true, force: true });
  return measure("npm", ["run", "--silent", "build", "--", "--quiet"], { cwd: dir });
}

function siteBuild(registry: string, out: string): Run {
  rmSync(out, { recursive: true, force: true });
  // --quiet: Eleventy's line per written file is not part of the work measured.
  return measure("npm", ["run", "--silent", "build", "--", "--quiet"], {
    cwd: root,
    env: { PROVIDERS_DIR: registry, ELEVENTY_OUTPUT: out },
  });
}

function plainBuild(registry: string, out: string): Run {
  rmSync(out, { recursive: true, force: true });
  return measure("node", ["--import", "tsx", path.join(root, "scripts/bench/plain-build.ts"), registry, out], {
    cwd: root,
  });
}

const countPages = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html"))
    .length;

/** Starts the dev server on a registry, edits one provider file, and times until its page is rewritten. */
async function devRebuild(registry: string, out: string): Promise<number> {
  rmSync(out, { recursive: true, force: true });
  const port = String(18000 + Math.floor(Math.random() * 1000));
  const child = spawn("npm", ["run", "--silent", "start", "--", "--port", port], {
    cwd: root,
    env: { ...process.env, PROVIDERS_DIR: registry, ELEVENTY_OUTPUT: out },
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const until = async (test: () => boolean, seconds: number, what: string) => {
    const deadline = Date.now() + seconds * 1000;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`dev server: timed out waiting for ${what}\n${log}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  try {
    await until(() => log.includes("Watching"), 120, "the first build");
    await new Promise((r) => setTimeout(r, 500));
    const file = readdirSync(registry)
      .filter((f) => f.endsWith(".yaml"))
      .sort()[0]!;
    const source = readFileSync(path.join(registry, file), "utf8");
    const marker = `bench-edit-${Date.now()}`;
    const edited = source.replace(/model_example: (['"]).*?\1$/m, `model_example: '${marker}'`);
    // Each copy is named after its slug.
    const slug = path.basename(file, ".yaml");
    const page = path.join(out, "ai-providers", slug, "index.html");
    const start = process.hrtime.bigint();
    writeFileSync(path.join(registry, file), edited);
    await until(
      () => existsSync(page) && readFileSync(page, "utf8").includes(marker),
      60,
      `the edit to show in ${page}`,
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    writeFileSync(path.join(registry, file), source);
    return seconds;
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
  }
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

async function main() {
  console.log(
    `Benchmark in ${work}\n${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  const empty = emptySiteBuild();
  const rows: string[] = [];
  const results = new Map<number, Run>();
  const shippedCount = readdirSync(shippedDir).filter((f) => f.endsWith(".yaml")).length;
  const shipped = siteBuild(shippedDir, path.join(work, "out-shipped"));
  const shippedPages = countPages(path.join(work, "out-shipped"));
  rows.push(
    `| shipped (${shippedCount}), cold | ${shippedPages} | ${fmt(shipped.wallSeconds)} | ${fmt((shipped.wallSeconds / shippedPages) * 1000)} | ${fmt(shipped.peakMiB, 0)} | ${fmt(shipped.wallSeconds / empty.wallSeconds)} | – |`,
  );
  for (const size of sizes) {
    const registry = syntheticRegistry(size);
    const out = path.join(work, `out-${size}`);
    const run = siteBuild(registry, out);
    const pages = countPages(out);
    const plain = plainBuild(registry, path.join(work, `plain-${size}`));
    results.set(size, run);
    rows.push(
      `| ${size.toLocaleString("en")} providers | ${pages} | ${fmt(run.wallSeconds)} | ${fmt((run.wallSeconds / pages) * 1000)} | ${fmt(run.peakMiB, 0)} | ${fmt(run.wallSeconds / empty.wallSeconds)} | ${fmt(run.wallSeconds / plain.wallSeconds)} (plain loop ${fmt(plain.wallSeconds)} s) |`,
    );
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(work, `plain-${size}`), { recursive: true, force: true });
    console.log(rows[rows.length - 1]);
  }
  const growth =
    results.has(1000) && results.has(10000) ? results.get(10000)!.wallSeconds / results.get(1000)!.wallSeconds : NaN;

  const devRows: string[] = [];
  const shippedCopy = path.join(work, "registry-shipped");
  cpSync(shippedDir, shippedCopy, { recursive: true });
  devRows.push(
    `| shipped (${shippedCount}) | ${fmt((await devRebuild(shippedCopy, path.join(work, "dev-shipped"))) * 1000, 0)} ms |`,
  );
  if (sizes.includes(1000))
    devRows.push(
      `| 1,000 | ${fmt((await devRebuild(path.join(work, "registry-1000"), path.join(work, "dev-1000"))) * 1000, 0)} ms |`,
    );

  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, one run each.`,
    "",
    `Empty Eleventy site (\`npm run build\`, one template, no config): ${fmt(empty.wallSeconds)} s.`,
    "",
    "| registry | pages | wall (s) | per page (ms) | peak memory (MiB) | × empty Eleventy | × plain loop |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Growth, 10,000 / 1,000 providers: ${fmt(growth)} ×.`,
    "",
    "| dev server, one data file edited | edit to page rewritten |",
    "| --- | --- |",
    ...devRows,
  ].join("\n");
  console.log(`\n${table}\n`);
  if (args.includes("--write")) {
    const file = path.join(root, "BENCHMARKS.md");
    const text = readFileSync(file, "utf8");
    const begin = "<!-- bench:begin -->";
    const end = "<!-- bench:end -->";
    writeFileSync(
      file,
      `${text.slice(0, text.indexOf(begin) + begin.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
    );
    console.log("BENCHMARKS.md updated.");
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
