/**
 * `npm run bench`: the speed goals of issue 20, measured in one run. Every build is cold (a new process, a fresh
 * clone or no previous output, no cache) and writes on tmpfs; each is made `--rounds` times and medians compared.
 *
 * - a deploy: the shipped registry built in a fresh clone, against an empty Eleventy site built the same way;
 * - 1,000 providers against Jekyll rendering the seed template over the same data;
 * - 10,000 providers: the largest process's peak memory, and the time per provider against 1,000's;
 * - the writer's loop: `npm start` running, one data file edited, until its page is rewritten;
 * - where the CPU time of a deploy and of a 1,000-provider build goes (`--cpu-prof`);
 * - the slowest hostile case of `npm run check` (`scripts/hostile-corpus.ts`).
 *
 * Options: `--sizes 1000,10000` (the synthetic registries), `--rounds 3`, `--write` (results into BENCHMARKS.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedTemplateFile } from "../../test/helpers/seed-data.ts";
import type { HostileTiming } from "../hostile-corpus.ts";
import { type Built, emptySite, freshClone, jekyllBuild, npmBuild, profiledBuild, projectRoot } from "./builds.ts";
import { type ProfileSummary, summariseProfiles } from "./cpu-profile.ts";
import { jekyllVersion } from "./jekyll-site.ts";
import * as report from "./report.ts";
import { resultsText, type SizeRounds } from "./results.ts";
import { writerLoop } from "./writer-loop.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const sizes = option("--sizes", "1000,10000").split(",").map(Number);
const rounds = Number(option("--rounds", "3"));
const editsPerServer = 5;
// The seed looks its provider up with `where` on every page: Jekyll's time grows with the square of the registry.
const jekyllMaxSize = 1000;
const hostileLimitSeconds = 120;

// This disk's write speed swings tenfold from one minute to the next: every folder of the bench is on tmpfs.
const tmpfs = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
const work = mkdtempSync(path.join(tmpfs, "provider-bench-"));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});

/** The deploy goal: in each round an empty Eleventy site, then the shipped registry in a fresh clone. */
async function deployRounds(): Promise<{ empty: Built[]; shipped: Built[] }> {
  const empty: Built[] = [];
  const shipped: Built[] = [];
  for (let round = 0; round < rounds; round++) {
    const site = emptySite(work);
    empty.push(await npmBuild(site, work));
    const clone = freshClone(work);
    shipped.push(await npmBuild(clone, work));
    rmSync(site, { recursive: true, force: true });
    rmSync(clone, { recursive: true, force: true });
  }
  return { empty, shipped };
}

/** One synthetic size: a clone holding that many providers, built each round, with Jekyll after it when it runs. */
async function sizeRounds(size: number, runJekyll: boolean): Promise<SizeRounds> {
  const clone = freshClone(work, size);
  const ours: Built[] = [];
  const jekyll: Built[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(await npmBuild(clone, work));
    if (runJekyll) jekyll.push(await jekyllBuild(path.join(clone, "_data/providers"), work));
  }
  return { size, clone, ours, jekyll };
}

/** One build of `clone` under V8's sampling profiler, summed up. */
async function profileBuild(clone: string): Promise<ProfileSummary> {
  const dir = mkdtempSync(path.join(work, "profile-"));
  await profiledBuild(clone, work, dir);
  return summariseProfiles(dir, clone);
}

/** `scripts/hostile-corpus.ts` in a process of its own, stopped if a case hangs: the slowest case. */
function slowestHostileCase(): string {
  const result = spawnSync("node", ["--import", "tsx", "scripts/hostile-corpus.ts"], {
    cwd: projectRoot,
    encoding: "utf8",
    timeout: hostileLimitSeconds * 1000,
  });
  if (result.signal) return `not finished after ${hostileLimitSeconds} s (stopped)`;
  if (result.status !== 0) return `failed: ${result.stderr.trim().split("\n")[0]}`;
  const timings = JSON.parse(result.stdout) as HostileTiming[];
  const slowest = timings[0];
  if (!slowest) return "no case in `test/fixtures/hostile/`";
  const unexpected = timings.filter((t) => !t.asExpected).length;
  const time = report.milliseconds(slowest.milliseconds);
  return `\`${slowest.name}\`, ${time} (slowest of ${timings.length}; ${unexpected} not as in its expected.txt)`;
}

async function main() {
  const cpus = os.cpus();
  const eleventy = JSON.parse(readFileSync(path.join(projectRoot, "node_modules/@11ty/eleventy/package.json"), "utf8"));
  const jekyll = jekyllVersion();
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" });
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? "CPU"}), ${memory}`;
  console.log(`Benchmark in ${work}: ${machine}, Node ${process.version}, ${rounds} rounds\n`);
  const seconds = (builds: Built[]) => builds.map((b) => b.run.wallSeconds.toFixed(2)).join(", ");

  const deploy = await deployRounds();
  console.log(`empty Eleventy site: ${seconds(deploy.empty)} s; shipped, fresh clone: ${seconds(deploy.shipped)} s`);

  let jekyllSkipped: string | undefined;
  if (!jekyll) jekyllSkipped = "`jekyll` is not installed";
  else if (!existsSync(seedTemplateFile)) jekyllSkipped = `no seed template at \`${seedTemplateFile}\``;
  const sized: SizeRounds[] = [];
  for (const size of sizes) {
    const result = await sizeRounds(size, !jekyllSkipped && size <= jekyllMaxSize);
    console.log(`${size} providers: ${seconds(result.ours)} s; Jekyll: ${seconds(result.jekyll) || "not run"}`);
    sized.push(result);
  }
  const r1k = sized.find((r) => r.size === 1000);

  const shippedClone = freshClone(work);
  const profiles = [{ name: "the shipped registry in a fresh clone", summary: await profileBuild(shippedClone) }];
  if (r1k) profiles.push({ name: "1,000 providers", summary: await profileBuild(r1k.clone) });
  const loops = { shipped: await writerLoop(shippedClone, editsPerServer) };
  console.log(`writer's loop, shipped: ${loops.shipped.map(Math.round).join(", ")} ms`);
  const loops1k = r1k ? await writerLoop(r1k.clone, editsPerServer) : undefined;
  if (loops1k) console.log(`writer's loop, 1,000 providers: ${loops1k.map(Math.round).join(", ")} ms`);

  const text = resultsText({
    heading:
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${commit.stdout.trim()} ` +
      `on ${machine}, shared; Node ${process.version}, Eleventy ${eleventy.version}, ${jekyll ?? "no Jekyll"}; ` +
      `every output on tmpfs; rounds: ${rounds}.`,
    deploy,
    sized,
    jekyllSkipped,
    loops: { ...loops, thousand: loops1k },
    hostile: slowestHostileCase(),
    profiles,
  });
  console.log(`\n${text}\n`);
  if (args.includes("--write")) {
    report.writeResults(path.join(projectRoot, "BENCHMARKS.md"), text);
    console.log("BENCHMARKS.md updated.");
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
