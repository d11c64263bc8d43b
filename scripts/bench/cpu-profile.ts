// Where a build's time goes: the build run once with V8's sampling profiler (`node --cpu-prof`), and the
// busiest process's profile summed up by package (or project file) and by function, on its own CPU time.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** The parts of a `.cpuprofile` this summary reads (V8's Profile, as the inspector protocol defines it). */
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one package or function, in milliseconds. */
export interface Spent {
  name: string;
  ms: number;
}

/** What a profile says: its whole sampled time, and the largest parts, largest first. */
export interface ProfileSummary {
  totalMs: number;
  byPackage: Spent[];
  byFunction: Spent[];
}

/** The package a script belongs to: `liquidjs`, `@11ty/eleventy`, `src/render/markup.ts`, `node:internal`. */
function packageOf({ url, functionName }: CallFrame, project: string): string {
  // V8's own entries have no script: "(garbage collector)", "(program)" (compiling, native code), "(idle)".
  if (url === "") return functionName.startsWith("(") ? functionName : "(code without a file)";
  if (url.startsWith("node:")) return "node:internal";
  const short = shortUrl(url, project);
  if (!url.includes("node_modules/")) return short;
  const parts = short.split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** A script's path from its package or the project: `liquidjs/dist/liquid.node.js`, `src/urls.ts`. */
function shortUrl(url: string, project: string): string {
  // tsx marks the modules it loads with a query (`?tsx-namespace=…`): not part of the file's name.
  const file = url.replace(/^file:\/\//, "").replace(/\?.*$/, "");
  const inModules = file.lastIndexOf("node_modules/");
  if (inModules >= 0) return file.slice(inModules + "node_modules/".length);
  return file.startsWith(project) ? path.relative(project, file) : file;
}

const largestFirst = (totals: Map<string, number>, count: number): Spent[] =>
  [...totals]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);

/**
 * Reads the largest `.cpuprofile` in `dir` (the build's Node process, the largest) and sums each
 * sample's time into its function and package. `project` is the checkout the build ran in.
 */
export function summariseProfiles(dir: string, project: string, count = 6): ProfileSummary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const profile = JSON.parse(readFileSync(largest, "utf8")) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = frames.get(profile.samples[i]!)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const pkg = packageOf(frame, project);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const where = frame.url ? ` (${shortUrl(frame.url, project)}:${frame.lineNumber + 1})` : "";
    const fn = `${frame.functionName || "(anonymous)"}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { totalMs, byPackage: largestFirst(byPackage, count), byFunction: largestFirst(byFunction, count) };
}
