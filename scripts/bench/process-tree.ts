// Runs a command and watches its whole process tree, so the benchmark can say how much memory
// the busiest single process (the Node build, or Pagefind's own process) used, not a sum.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One process of the tree, with the largest resident set it reached. */
export interface ProcessPeak {
  pid: number;
  /** The program and its first argument, shortened: `node @11ty/eleventy/cmd.cjs`, `pagefind_extended`. */
  label: string;
  peakMiB: number;
}

/** What a measured command did. */
export interface MeasuredRun {
  wallSeconds: number;
  /** Every process seen in the tree, largest peak first. */
  processes: ProcessPeak[];
  output: string;
}

const samplingMs = 50;

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // the process ended between listing and reading
  }
};

/** The parent pid from `/proc/<pid>/stat` (the name in brackets may hold spaces and brackets). */
const parentOf = (pid: number): number | undefined => {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
};

/** VmHWM is the resident high-water mark, so a peak between two samples is not missed. */
const peakKiBOf = (pid: number): number | undefined => {
  const status = readText(`/proc/${pid}/status`);
  const match = status && (/^VmHWM:\s+(\d+) kB/m.exec(status) ?? /^VmRSS:\s+(\d+) kB/m.exec(status));
  return match ? Number(match[1]) : undefined;
};

const labelOf = (pid: number): string => {
  const argv = (readText(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean);
  const short = (arg: string) =>
    arg
      .split(path.sep)
      .slice(-3)
      .join("/")
      .replace(/^.*node_modules\//, "");
  const program = path.basename(argv[0] ?? "?");
  const script = argv.slice(1).find((arg) => !arg.startsWith("-"));
  return (script ? `${program} ${short(script)}` : program).slice(0, 60);
};

/**
 * Runs `command` and samples its process tree every ~50 ms: every descendant's peak resident
 * set (VmHWM, else VmRSS) from `/proc`. Rejects when the command fails.
 */
export function measureTree(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<MeasuredRun> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
  const rootPid = child.pid!;
  const tree = new Map<number, ProcessPeak>([[rootPid, { pid: rootPid, label: labelOf(rootPid), peakMiB: 0 }]]);
  // A pid found outside the tree stays outside: each tick reads only pids it has not seen.
  const outside = new Set<number>();
  const sample = () => {
    for (const name of readdirSync("/proc")) {
      const pid = Number(name);
      if (!Number.isInteger(pid) || tree.has(pid) || outside.has(pid)) continue;
      const parent = parentOf(pid);
      if (parent === undefined) continue;
      if (tree.has(parent)) tree.set(pid, { pid, label: labelOf(pid), peakMiB: 0 });
      else if (pid < rootPid) outside.add(pid); // older than the command: never its descendant
    }
    for (const entry of tree.values()) {
      const kib = peakKiBOf(entry.pid);
      if (kib === undefined) continue;
      entry.peakMiB = Math.max(entry.peakMiB, kib / 1024);
      // Read again while it runs: a forked child shows its parent's command line until it execs.
      entry.label = labelOf(entry.pid);
    }
  };
  const timer = setInterval(sample, samplingMs);
  sample();
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`));
      const processes = [...tree.values()].filter((p) => p.peakMiB > 0).sort((a, b) => b.peakMiB - a.peakMiB);
      resolve({ wallSeconds, processes, output });
    });
  });
}
