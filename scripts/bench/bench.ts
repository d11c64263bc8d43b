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

const wall = (builds: Built[]) => builds.map((b) => b.run.wallSeconds);
const heaviest = (builds: Built[]) =>
  [...builds].sort((a, b) => (b.run.processes[0]?.peakMiB ?? 0) - (a.run.processes[0]?.peakMiB ?? 0))[0]!;

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
async function sizeRounds(size: number, runJekyll: boolean) {
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

  const deploy = await deployRounds();
  const list = (values: number[]) => values.map((n) => n.toFixed(2)).join(", ");
  console.log(
    `empty Eleventy site: ${list(wall(deploy.empty))} s; shipped, fresh clone: ${list(wall(deploy.shipped))} s`,
  );

  let jekyllSkipped: string | undefined;
  if (!jekyll) jekyllSkipped = "`jekyll` is not installed";
  else if (!existsSync(seedTemplateFile)) jekyllSkipped = `no seed template at \`${seedTemplateFile}\``;
  const sized: Awaited<ReturnType<typeof sizeRounds>>[] = [];
  for (const size of sizes) {
    const result = await sizeRounds(size, !jekyllSkipped && size <= jekyllMaxSize);
    console.log(`${size} providers: ${list(wall(result.ours))} s; Jekyll: ${list(wall(result.jekyll)) || "not run"}`);
    sized.push(result);
  }
  const at = (size: number) => sized.find((r) => r.size === size);
  const r1k = at(1000);
  const r10k = at(10000);

  const shippedClone = freshClone(work);
  const profiles = [{ name: "the shipped registry in a fresh clone", summary: await profileBuild(shippedClone) }];
  if (r1k) profiles.push({ name: "1,000 providers", summary: await profileBuild(r1k.clone) });
  const loopShipped = await writerLoop(shippedClone, editsPerServer);
  console.log(`writer's loop, shipped: ${loopShipped.map(report.milliseconds).join(", ")}`);
  const loop1k = r1k ? await writerLoop(r1k.clone, editsPerServer) : undefined;
  if (loop1k) console.log(`writer's loop, 1,000 providers: ${loop1k.map(report.milliseconds).join(", ")}`);
  const hostile = slowestHostileCase();

  const { median, seconds, milliseconds } = report;
  const emptyMedian = median(wall(deploy.empty));
  const shippedMedian = median(wall(deploy.shipped));
  const notRun = (size: number) => `not measured: run with \`--sizes\` including ${size}`;
  const goals: report.GoalRow[] = [
    {
      goal: "Deploy: the shipped registry, fresh clone, no cache, against an empty Eleventy site",
      measured: report.ratio(shippedMedian, emptyMedian, seconds),
      target: "1.3 ×",
      met: shippedMedian / emptyMedian <= 1.3,
    },
  ];
  const ours1k = r1k ? median(wall(r1k.ours)) : Number.NaN;
  const jekyll1k = r1k?.jekyll.length ? median(wall(r1k.jekyll)) : undefined;
  goals.push({
    goal: "1,000 providers, against Jekyll rendering the seed on the same data",
    measured: !r1k
      ? notRun(1000)
      : jekyll1k === undefined
        ? `not measured: ${jekyllSkipped}`
        : report.ratio(ours1k, jekyll1k, seconds),
    target: "0.25 ×",
    met: jekyll1k === undefined ? undefined : ours1k / jekyll1k <= 0.25,
  });
  const peak = r10k ? heaviest(r10k.ours).run : undefined;
  goals.push({
    goal: "10,000 providers: peak RSS of any one process",
    measured: peak ? report.largestProcess(peak) : notRun(10000),
    target: "1 GiB",
    met: peak ? (peak.processes[0]?.peakMiB ?? 0) <= 1024 : undefined,
  });
  const perProvider1k = (ours1k / 1000) * 1000;
  const perProvider10k = r10k ? (median(wall(r10k.ours)) / 10000) * 1000 : Number.NaN;
  goals.push({
    goal: "10,000 providers: time per provider, against 1,000 providers'",
    measured:
      r1k && r10k
        ? report.ratio(perProvider10k, perProvider1k, (ms) => `${ms.toFixed(2)} ms`)
        : notRun(r1k ? 10000 : 1000),
    target: "1.2 ×",
    met: r1k && r10k ? perProvider10k / perProvider1k <= 1.2 : undefined,
  });
  const loopGoal = (registry: string, times: number[] | undefined, bound: number): report.GoalRow => ({
    goal: `Writer's loop, ${registry}: a data file edited until its page is rewritten (\`npm start\`)`,
    measured: times ? `${milliseconds(median(times))} (median of ${times.length} edits)` : notRun(1000),
    target: `${bound} ms`,
    met: times ? median(times) <= bound : undefined,
  });
  goals.push(loopGoal("shipped registry", loopShipped, 150), loopGoal("1,000 providers", loop1k, 300));

  const buildRow = (name: string, builds: Built[]) => [
    name,
    list(wall(builds)),
    seconds(median(wall(builds))),
    report.thousands(builds[0]!.pages),
    report.largestProcess(heaviest(builds).run),
  ];
  const buildRows = [
    buildRow("empty Eleventy site", deploy.empty),
    buildRow("shipped registry, fresh clone", deploy.shipped),
  ];
  for (const r of sized) {
    buildRows.push(buildRow(`${report.thousands(r.size)} providers`, r.ours));
    if (r.jekyll.length) buildRows.push(buildRow(`Jekyll + seed, ${report.thousands(r.size)} providers`, r.jekyll));
  }
  const loopRow = (registry: string, times: number[]) => [
    `\`npm start\`, ${registry}: edit to page`,
    times.map((t) => Math.round(t)).join(", "),
    milliseconds(median(times)),
  ];
  const text = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${commit.stdout.trim()} on ` +
      `${machine}, shared; Node ${process.version}, Eleventy ${eleventy.version}, ${jekyll ?? "no Jekyll"}; ` +
      `every output on tmpfs; rounds: ${rounds}.`,
    "",
    report.goalTable(goals),
    "",
    report.table(["build", "each round (s)", "median", "HTML pages", "largest process (peak RSS)"], buildRows),
    "",
    report.table(
      ["writer's loop", "each edit (ms)", "median"],
      [loopRow("shipped registry", loopShipped), ...(loop1k ? [loopRow("1,000 providers", loop1k)] : [])],
    ),
    "",
    `Slowest hostile case of \`npm run check\` (\`scripts/hostile-corpus.ts\`): ${hostile}.`,
    ...profiles.flatMap(({ name, summary }) => [
      "",
      `One build of ${name} under \`node --cpu-prof\`: ${seconds(summary.totalMs / 1000)} of samples in ` +
        "the build's Node process, by self time.",
      "",
      report.profileTables(summary),
    ]),
  ].join("\n");
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
