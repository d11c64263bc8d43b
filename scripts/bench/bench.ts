/**
 * `npm run bench`: measures what the speed goals of issue 8 ("Templates own the page") ask for,
 * as ratios taken in one run, each build cold in a new process with its output on tmpfs:
 *
 * - the shipped registry against an empty Eleventy site, both built with `npm run build`;
 * - ~1,000 providers against Jekyll rendering the seed template over the same data;
 * - ~10,000 providers against the floor (`plain-build.ts`: parse the provider files, write the
 *   build's own output files), and the peak memory of the busiest single process;
 * - a dev-server rebuild after one data-file edit, and `npm run check` on every hostile case;
 * - the shipped registry's first build after an install (no `.cache/`). Every other build of ours uses
 *   what `npm run build` keeps in `.cache/` between builds, as on any machine that builds twice: its
 *   bundle and V8's code cache (scripts/build.mjs).
 *
 * `npm run bench -- --sizes 20,1000` builds only those synthetic sizes (default 20,1000,10000), each
 * `--rounds N` times (default 3: the medians are compared). `npm run bench -- --write` also replaces
 * the results in BENCHMARKS.md.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedTemplateFile } from "../../test/helpers/seed-data.ts";
import { jekyllVersion, writeJekyllSite } from "./jekyll-site.ts";
import { type MeasuredRun, measureTree, type ProcessPeak } from "./process-tree.ts";

import { writeSyntheticRegistry } from "./synthetic-registry.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shippedDir = path.join(root, "_data/providers");
const hostileDir = path.join(root, "test/fixtures/hostile");
const args = process.argv.slice(2);
const sizeList = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1]! : "20,1000,10000";
const sizes = sizeList.split(",").map(Number);
// Jekyll's seed looks its provider up with `where` on every page: quadratic, so it stops at 1,000.
const jekyllMaxSize = 1000;
const hostileCaseLimitSeconds = 30;
const smallBuildRounds = 3;
// A build of 1,000 providers moves by a tenth from one run to the next here, and Jekyll's 30 s by
// a sixth: each synthetic size is built this many times (`--rounds N`), each round its build, floor
// and Jekyll in turn, and the goals compare the medians (memory: the largest peak of any round).
const syntheticRounds = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : 3;

// This disk's write speed swings tenfold from one minute to the next: every output goes to tmpfs.
const tmpfs = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
const work = mkdtempSync(path.join(tmpfs, "provider-bench-"));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});

/** One synthetic registry's measurements: the median round's (by wall time) of each. */
interface SizeResult {
  size: number;
  pages: number;
  build: MeasuredRun;
  /** The round whose largest process peaked highest: the memory goal is a peak. */
  heaviest: MeasuredRun;
  floor: FloorRun;
  /** Undefined when Jekyll was not run at this size; `jekyllSkipped` says why. */
  jekyll?: { seconds: number; pages: number };
  jekyllSkipped?: string;
}

/** What `plain-build.ts` reports: its whole time, the parsing part, and what it wrote. */
interface FloorRun {
  seconds: number;
  parseSeconds: number;
  files: number;
  bytes: number;
}

/** A registry of `count` providers: the shipped files, copied round-robin with numbered names. */
function syntheticRegistry(count: number): string {
  const dir = path.join(work, `registry-${count}`);
  writeSyntheticRegistry(shippedDir, dir, count);
  return dir;
}

const npmBuild = (cwd: string, env?: NodeJS.ProcessEnv) =>
  // --quiet: Eleventy's line per written file is not part of the work measured.
  measureTree("npm", ["run", "--silent", "build", "--", "--quiet"], { cwd, env });

/**
 * The shipped registry built as the first build after an install or a code change: with no `.cache/`, so
 * `npm run build` compiles its bundle and makes V8's code cache (scripts/build.mjs). The project's `.cache/`
 * is set aside meanwhile, and put back.
 */
async function firstBuildAfterInstall(out: string): Promise<MeasuredRun> {
  const cache = path.join(root, ".cache");
  const aside = path.join(root, ".cache-bench-aside");
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(cache)) renameSync(cache, aside);
  try {
    return await siteBuild(shippedDir, out);
  } finally {
    if (existsSync(aside)) {
      rmSync(cache, { recursive: true, force: true });
      renameSync(aside, cache);
    }
    rmSync(out, { recursive: true, force: true });
  }
}

/** An empty Eleventy site (one template, no config), built cold with `npm run build` like ours. */
function emptySiteBuild(): Promise<MeasuredRun> {
  const dir = path.join(work, "empty-site");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "empty", private: true, type: "module", scripts: { build: "eleventy" } }),
  );
  writeFileSync(path.join(dir, "index.liquid"), "<p>Hello</p>\n");
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return npmBuild(dir);
}

function siteBuild(registry: string, out: string): Promise<MeasuredRun> {
  rmSync(out, { recursive: true, force: true });
  return npmBuild(root, { PROVIDERS_DIR: registry, ELEVENTY_OUTPUT: out });
}

/** The floor: its own clock, which starts after it has read the built site into memory. */
function floorBuild(registry: string, built: string, out: string): FloorRun {
  const script = path.join(root, "scripts/bench/plain-build.ts");
  const result = spawnSync("node", ["--import", "tsx", script, registry, built, out], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`plain-build.ts failed (${result.status}):\n${result.stderr}`);
  const report = JSON.parse(result.stdout.trim().split("\n").pop()!) as FloorRun;
  rmSync(out, { recursive: true, force: true });
  return report;
}

/** Jekyll, cold (a fresh site folder: no `.jekyll-cache`, no output), rendering the seed over `registry`. */
async function jekyllBuild(registry: string, size: number): Promise<{ seconds: number; pages: number }> {
  const site = path.join(work, `jekyll-${size}`);
  const out = path.join(work, `jekyll-out-${size}`);
  const providers = writeJekyllSite(site, registry, seedTemplateFile);
  const run = await measureTree("jekyll", ["build", "--quiet", "--source", site, "--destination", out], { cwd: site });
  const pages = readdirSync(path.join(out, "providers")).filter((f) => f.endsWith(".html")).length;
  if (pages !== providers) throw new Error(`Jekyll wrote ${pages} provider pages for ${providers} providers`);
  rmSync(site, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return { seconds: run.wallSeconds, pages };
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

/** `npm run check` on every hostile case: the slowest one, or the case still running past the limit. */
interface HostileRun {
  cases: number;
  /** Cases where the check threw instead of answering with a message. */
  internalErrors: number;
  slowest?: { name: string; ms: number };
  /** The case still running when the per-case limit ran out. */
  hung?: string;
}

function checkHostileCases(): Promise<HostileRun> {
  const script = path.join(root, "scripts/bench/check-hostile.ts");
  const child = spawn("node", ["--import", "tsx", script, hostileDir], { cwd: root });
  let cases = 0;
  let internalErrors = 0;
  let running: string | undefined;
  let slowest: { name: string; ms: number } | undefined;
  let pending = "";
  let errors = "";
  let timer: NodeJS.Timeout | undefined;
  let hung: string | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      hung = running ?? "(loading)";
      child.kill("SIGKILL");
    }, hostileCaseLimitSeconds * 1000);
  };
  watch();
  child.stderr.on("data", (chunk) => (errors += chunk));
  child.stdout.on("data", (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const event = JSON.parse(line) as { starting?: string; case?: string; ms?: number; verdict?: string };
      if (event.starting !== undefined) running = event.starting;
      else if (event.case !== undefined) {
        cases++;
        if (event.verdict === "internal error") internalErrors++;
        running = undefined;
        if (!slowest || event.ms! > slowest.ms) slowest = { name: event.case, ms: event.ms! };
      }
      watch();
    }
  });
  return new Promise((resolve, reject) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      if (hung === undefined && code !== 0) reject(new Error(`check-hostile.ts failed (${code}):\n${errors}`));
      else resolve({ cases, internalErrors, slowest, hung });
    }),
  );
}

/** The middle run by its time (the upper middle of an even number). */
const median = <T extends { wallSeconds: number } | { seconds: number }>(runs: T[]): T => {
  const seconds = (run: T) => ("wallSeconds" in run ? run.wallSeconds : run.seconds);
  return [...runs].sort((a, b) => seconds(a) - seconds(b))[Math.floor(runs.length / 2)]!;
};
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ratio = (n: number) => fmt(n, n < 1 ? 3 : 2);
const mib = (p: ProcessPeak | undefined) => (p ? `${fmt(p.peakMiB, 0)} MiB (\`${p.label}\`)` : "n/a");
const pagefindPeak = (run: MeasuredRun) => run.processes.find((p) => /pagefind/i.test(p.label));
const thousands = (n: number) => n.toLocaleString("en");

async function main() {
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? "CPU"}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB`;
  console.log(`Benchmark in ${work} (outputs on ${tmpfs})\n${machine}, Node ${process.version}\n`);
  const jekyll = jekyllVersion();
  const seedFound = existsSync(seedTemplateFile);

  // Builds of about a second swing with the machine's load: goal 1 compares the medians of
  // three cold builds each, taken in turn so that both see the same moments.
  const emptyRuns: MeasuredRun[] = [];
  const shippedRuns: MeasuredRun[] = [];
  const shippedOut = path.join(work, "out-shipped");
  for (let round = 0; round < smallBuildRounds; round++) {
    emptyRuns.push(await emptySiteBuild());
    shippedRuns.push(await siteBuild(shippedDir, shippedOut));
  }
  const empty = median(emptyRuns);
  const shipped = median(shippedRuns);
  const shippedCount = readdirSync(shippedDir).filter((f) => f.endsWith(".yaml")).length;
  const shippedPages = countPages(shippedOut);
  rmSync(shippedOut, { recursive: true, force: true });
  const firstBuild = await firstBuildAfterInstall(path.join(work, "out-first"));
  const walls = (runs: MeasuredRun[]) => runs.map((run) => fmt(run.wallSeconds)).join(", ");
  console.log(
    `empty Eleventy site: ${walls(emptyRuns)} s; shipped registry (${shippedCount}): ${walls(shippedRuns)} s`,
  );

  const results: SizeResult[] = [];
  for (const size of sizes) {
    const registry = syntheticRegistry(size);
    const out = path.join(work, `out-${size}`);
    let jekyllSkipped: string | undefined;
    if (!jekyll) jekyllSkipped = "`jekyll` is not installed";
    else if (!seedFound) jekyllSkipped = `no seed template at \`${seedTemplateFile}\``;
    else if (size > jekyllMaxSize) jekyllSkipped = `not run above ${thousands(jekyllMaxSize)} providers`;
    const builds: MeasuredRun[] = [];
    const floors: FloorRun[] = [];
    const jekylls: { seconds: number; pages: number }[] = [];
    let pages = 0;
    for (let round = 0; round < syntheticRounds; round++) {
      builds.push(await siteBuild(registry, out));
      if (round === 0) pages = countPages(out);
      floors.push(floorBuild(registry, out, path.join(work, `floor-${size}`)));
      rmSync(out, { recursive: true, force: true });
      if (!jekyllSkipped) jekylls.push(await jekyllBuild(registry, size));
    }
    const result: SizeResult = {
      size,
      pages,
      build: median(builds),
      heaviest: [...builds].sort((a, b) => (b.processes[0]?.peakMiB ?? 0) - (a.processes[0]?.peakMiB ?? 0))[0]!,
      floor: median(floors),
    };
    if (jekyllSkipped) result.jekyllSkipped = jekyllSkipped;
    else result.jekyll = median(jekylls);
    results.push(result);
    const each = (seconds: number[]) => seconds.map((n) => fmt(n)).join(", ");
    console.log(
      `${thousands(size)} providers: build ${each(builds.map((b) => b.wallSeconds))} s, ` +
        `floor ${each(floors.map((f) => f.seconds))} s, ` +
        `Jekyll ${jekylls.length ? `${each(jekylls.map((j) => j.seconds))} s` : jekyllSkipped}, ` +
        `largest process ${mib(result.heaviest.processes[0])}`,
    );
  }

  const shippedCopy = path.join(work, "registry-shipped");
  cpSync(shippedDir, shippedCopy, { recursive: true });
  const devShipped = await devRebuild(shippedCopy, path.join(work, "dev-shipped"));
  const dev1000 = sizes.includes(1000)
    ? await devRebuild(path.join(work, "registry-1000"), path.join(work, "dev-1000"))
    : undefined;
  const hostile = existsSync(hostileDir) ? await checkHostileCases() : undefined;

  const at = (size: number) => results.find((r) => r.size === size);
  const r1k = at(1000);
  const r10k = at(10000);
  const notRun = (size: number) => `not measured: run with \`--sizes\` including ${size}`;
  const goalRows: [string, string, string][] = [
    [
      "shipped registry, cold: at most 1.4 × an empty Eleventy site, both via `npm run build`",
      `${ratio(shipped.wallSeconds / empty.wallSeconds)} × (${fmt(shipped.wallSeconds)} s against ` +
        `${fmt(empty.wallSeconds)} s)`,
      shipped.wallSeconds / empty.wallSeconds <= 1.4 ? "yes" : "no",
    ],
    r1k?.jekyll
      ? [
          "1,000 providers: at most 0.10 × Jekyll rendering the seed template on the same data",
          `${ratio(r1k.build.wallSeconds / r1k.jekyll.seconds)} × (${fmt(r1k.build.wallSeconds)} s against ` +
            `${fmt(r1k.jekyll.seconds)} s)`,
          r1k.build.wallSeconds / r1k.jekyll.seconds <= 0.1 ? "yes" : "no",
        ]
      : [
          "1,000 providers: at most 0.10 × Jekyll rendering the seed template on the same data",
          r1k ? `not measured: ${r1k.jekyllSkipped}` : notRun(1000),
          "–",
        ],
    r10k
      ? [
          "10,000 providers: at most 8 × the floor",
          `${ratio(r10k.build.wallSeconds / r10k.floor.seconds)} × (${fmt(r10k.build.wallSeconds)} s against ` +
            `${fmt(r10k.floor.seconds)} s)`,
          r10k.build.wallSeconds / r10k.floor.seconds <= 8 ? "yes" : "no",
        ]
      : ["10,000 providers: at most 8 × the floor", notRun(10000), "–"],
    r10k
      ? [
          "10,000 providers: at most 500 MiB peak in any one process",
          `${mib(r10k.heaviest.processes[0])}; Pagefind's process ${mib(pagefindPeak(r10k.heaviest))}`,
          r10k.heaviest.processes[0]!.peakMiB <= 500 ? "yes" : "no",
        ]
      : ["10,000 providers: at most 500 MiB peak in any one process", notRun(10000), "–"],
  ];

  const sizeRow = (
    name: string,
    pages: number,
    run: MeasuredRun,
    floor: string,
    jekyllCell: string,
    memory: MeasuredRun = run,
  ) =>
    `| ${name} | ${pages} | ${fmt(run.wallSeconds)} | ${mib(memory.processes[0])} | ` +
    `${mib(pagefindPeak(memory))} | ${floor} | ${jekyllCell} |`;
  const devRow = (registry: string, seconds: number) =>
    `| dev server, ${registry}: one data file edited to its page rewritten | ${fmt(seconds * 1000, 0)} ms |`;
  const hostileCell = !hostile
    ? "not measured: no `test/fixtures/hostile/` in this checkout"
    : hostile.hung
      ? `\`${hostile.hung}\` still running after ${hostileCaseLimitSeconds} s (stopped there)`
      : hostile.slowest
        ? `slowest of ${hostile.cases}: \`${hostile.slowest.name}\`, ${fmt(hostile.slowest.ms, 1)} ms; ` +
          `${hostile.internalErrors} internal errors`
        : "no YAML case found";

  const text = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, Node ${process.version}, ` +
      `${jekyll ?? "no Jekyll"}; outputs on tmpfs.`,
    "",
    "| goal | measured | met? |",
    "| --- | --- | --- |",
    ...goalRows.map((cells) => `| ${cells.join(" | ")} |`),
    "",
    "| registry | pages | build (s) | largest process | Pagefind's process | floor (s) | Jekyll + seed (s) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    sizeRow(`empty Eleventy site (median of ${smallBuildRounds})`, 1, empty, "–", "–"),
    sizeRow(`shipped (${shippedCount}), cold (median of ${smallBuildRounds})`, shippedPages, shipped, "–", "–"),
    ...results.map((r) =>
      sizeRow(
        `${thousands(r.size)} providers (median of ${syntheticRounds})`,
        r.pages,
        r.build,
        `${fmt(r.floor.seconds)} (parse ${fmt(r.floor.parseSeconds)}; ${thousands(r.floor.files)} files, ` +
          `${fmt(r.floor.bytes / 2 ** 20, 0)} MiB)`,
        r.jekyll ? fmt(r.jekyll.seconds) : (r.jekyllSkipped ?? "–"),
        r.heaviest,
      ),
    ),
    "",
    "| also measured | result |",
    "| --- | --- |",
    `| shipped (${shippedCount}), the first build after an install or a code change (no \`.cache/\`: the bundle ` +
      `compiled, V8's code cache made) | ${fmt(firstBuild.wallSeconds)} s |`,
    devRow(`shipped (${shippedCount})`, devShipped),
    ...(dev1000 === undefined ? [] : [devRow("1,000 providers", dev1000)]),
    `| \`npm run check\` on each file of \`test/fixtures/hostile/\` | ${hostileCell} |`,
  ].join("\n");
  console.log(`\n${text}\n`);

  if (args.includes("--write")) {
    const file = path.join(root, "BENCHMARKS.md");
    const old = readFileSync(file, "utf8");
    const begin = "<!-- bench:begin -->";
    const end = "<!-- bench:end -->";
    writeFileSync(file, `${old.slice(0, old.indexOf(begin) + begin.length)}\n${text}\n${old.slice(old.indexOf(end))}`);
    // Biome formats Markdown too (`npm run lint`): pad the new tables as it would.
    const biome = spawnSync(path.join(root, "node_modules/.bin/biome"), ["format", "--write", file], { cwd: root });
    if (biome.status !== 0) throw new Error(`biome format BENCHMARKS.md failed:\n${biome.stderr}`);
    console.log("BENCHMARKS.md updated.");
  }
  cleanUp();
}

main().catch((error) => {
  console.error(error);
  cleanUp();
  process.exitCode = 1;
});
