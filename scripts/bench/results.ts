// One run's measurements held against the goals of issue 20, and the Markdown that shows them.
import type { Built } from "./builds.ts";
import type { ProfileSummary } from "./cpu-profile.ts";
import * as report from "./report.ts";

/** One synthetic registry: its clone, our builds and Jekyll's (empty when Jekyll was not run), one per round. */
export interface SizeRounds {
  size: number;
  clone: string;
  ours: Built[];
  jekyll: Built[];
}

/** Everything one run measured. */
export interface Results {
  heading: string;
  deploy: { empty: Built[]; shipped: Built[] };
  sized: SizeRounds[];
  /** Why Jekyll did not run, when it did not. */
  jekyllSkipped?: string;
  /** Milliseconds from each edit to its page rewritten. */
  loops: { shipped: number[]; thousand?: number[] };
  hostile: string;
  profiles: { name: string; summary: ProfileSummary }[];
}

const { median, seconds, milliseconds, thousands } = report;
const wall = (builds: Built[]) => builds.map((b) => b.run.wallSeconds);
const peakOf = (build: Built) => build.run.processes[0]?.peakMiB ?? 0;
/** The round whose largest process peaked highest: the memory goal is a peak. */
const heaviest = (builds: Built[]) => [...builds].sort((a, b) => peakOf(b) - peakOf(a))[0]!;
const notRun = (size: number) => `not measured: run with \`--sizes\` including ${size}`;

/** The goals, each measured against its bound. */
export function goalRows(results: Results): report.GoalRow[] {
  const empty = median(wall(results.deploy.empty));
  const shipped = median(wall(results.deploy.shipped));
  const r1k = results.sized.find((r) => r.size === 1000);
  const r10k = results.sized.find((r) => r.size === 10000);
  const ours1k = r1k ? median(wall(r1k.ours)) : Number.NaN;
  const jekyll1k = r1k?.jekyll.length ? median(wall(r1k.jekyll)) : undefined;
  const peak = r10k ? heaviest(r10k.ours) : undefined;
  // Seconds for 1,000 providers are milliseconds for one.
  const perProvider1k = ours1k;
  const perProvider10k = r10k ? median(wall(r10k.ours)) / 10 : Number.NaN;
  const loop = (registry: string, times: number[] | undefined, bound: number): report.GoalRow => ({
    goal: `Writer's loop, ${registry}: a data file edited until its page is rewritten (\`npm start\`)`,
    measured: times ? `${milliseconds(median(times))} (median of ${times.length} edits)` : notRun(1000),
    target: `${bound} ms`,
    met: times ? median(times) <= bound : undefined,
  });
  return [
    {
      goal: "Deploy: the shipped registry, fresh clone, no cache, against an empty Eleventy site",
      measured: report.ratio(shipped, empty, seconds),
      target: "1.3 ×",
      met: shipped / empty <= 1.3,
    },
    {
      goal: "1,000 providers, against Jekyll rendering the seed on the same data",
      measured: !r1k
        ? notRun(1000)
        : jekyll1k === undefined
          ? `not measured: ${results.jekyllSkipped}`
          : report.ratio(ours1k, jekyll1k, seconds),
      target: "0.25 ×",
      met: jekyll1k === undefined ? undefined : ours1k / jekyll1k <= 0.25,
    },
    {
      goal: "10,000 providers: peak RSS of any one process",
      measured: peak ? report.largestProcess(peak.run) : notRun(10000),
      target: "1 GiB",
      met: peak ? peakOf(peak) <= 1024 : undefined,
    },
    {
      goal: "10,000 providers: time per provider, against 1,000 providers'",
      measured:
        r1k && r10k
          ? report.ratio(perProvider10k, perProvider1k, (ms) => `${ms.toFixed(2)} ms`)
          : notRun(r1k ? 10000 : 1000),
      target: "1.2 ×",
      met: r1k && r10k ? perProvider10k / perProvider1k <= 1.2 : undefined,
    },
    loop("shipped registry", results.loops.shipped, 150),
    loop("1,000 providers", results.loops.thousand, 300),
  ];
}

/** The run as Markdown: the goals, every build's rounds, the writer's loop, the hostile cases, the profiles. */
export function resultsText(results: Results): string {
  const buildRow = (name: string, builds: Built[]) => [
    name,
    wall(builds)
      .map((s) => s.toFixed(2))
      .join(", "),
    seconds(median(wall(builds))),
    thousands(builds[0]!.pages),
    report.largestProcess(heaviest(builds).run),
  ];
  const buildRows = [
    buildRow("empty Eleventy site", results.deploy.empty),
    buildRow("shipped registry, fresh clone", results.deploy.shipped),
  ];
  for (const r of results.sized) {
    buildRows.push(buildRow(`${thousands(r.size)} providers`, r.ours));
    if (r.jekyll.length) buildRows.push(buildRow(`Jekyll + seed, ${thousands(r.size)} providers`, r.jekyll));
  }
  const loopRow = (registry: string, times: number[]) => [
    `\`npm start\`, ${registry}: edit to page`,
    times.map((t) => Math.round(t)).join(", "),
    milliseconds(median(times)),
  ];
  const loopRows = [loopRow("shipped registry", results.loops.shipped)];
  if (results.loops.thousand) loopRows.push(loopRow("1,000 providers", results.loops.thousand));
  return [
    results.heading,
    "",
    report.goalTable(goalRows(results)),
    "",
    report.table(["build", "each round (s)", "median", "HTML pages", "largest process (peak RSS)"], buildRows),
    "",
    report.table(["writer's loop", "each edit (ms)", "median"], loopRows),
    "",
    `Slowest hostile case of \`npm run check\` (\`scripts/hostile-corpus.ts\`): ${results.hostile}.`,
    ...results.profiles.flatMap(({ name, summary }) => [
      "",
      `One build of ${name} under \`node --cpu-prof\`: ${seconds(summary.totalMs / 1000)} of samples in ` +
        "the build's Node process, by self time.",
      "",
      report.profileTables(summary),
    ]),
  ].join("\n");
}
