// The benchmark's words and numbers: Markdown tables, printed and (with --write) put into BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ProfileSummary } from "./cpu-profile.ts";
import type { MeasuredRun } from "./process-tree.ts";

/** The middle value (the upper middle of an even number). */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const seconds = (n: number) => `${n.toFixed(2)} s`;
export const milliseconds = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
export const thousands = (n: number) => n.toLocaleString("en");

/** `0.85 × (1.70 s against 2.00 s)`. */
export function ratio(measured: number, reference: number, unit: (n: number) => string): string {
  const digits = measured < reference / 4 ? 3 : 2;
  return `${(measured / reference).toFixed(digits)} × (${unit(measured)} against ${unit(reference)})`;
}

/** The largest process of a run (the goal is per process, not a sum): `612 MiB (node .bin/eleventy)`. */
export function largestProcess(run: MeasuredRun): string {
  const top = run.processes[0];
  return top ? `${Math.round(top.peakMiB)} MiB (\`${top.label}\`)` : "n/a";
}

/** One goal: what was measured, the bound, and whether it held; `met` is undefined when not measured. */
export interface GoalRow {
  goal: string;
  measured: string;
  target: string;
  met?: boolean;
}

/** A Markdown table; Biome pads it when BENCHMARKS.md is written. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function goalTable(goals: GoalRow[]): string {
  const verdict = (met?: boolean) => (met === undefined ? "not measured" : met ? "met" : "**missed**");
  return table(
    ["goal", "measured", "at most", "result"],
    goals.map((g) => [g.goal, g.measured, g.target, verdict(g.met)]),
  );
}

/** Where a profiled build spent its CPU time: two tables, by package or project file and by function. */
export function profileTables(profile: ProfileSummary): string {
  const share = (ms: number) =>
    `${Math.round(ms).toLocaleString("en")} ms (${((100 * ms) / profile.totalMs).toFixed(0)} %)`;
  return [
    table(
      ["package or file", "self time"],
      profile.byPackage.map((p) => [`\`${p.name}\``, share(p.ms)]),
    ),
    "",
    table(
      ["function", "self time"],
      profile.byFunction.map((f) => [`\`${f.name}\``, share(f.ms)]),
    ),
  ].join("\n");
}

/** Replaces the text between `<!-- bench:begin -->` and `<!-- bench:end -->` in `file`, formatted by Biome. */
export function writeResults(file: string, text: string): void {
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const old = readFileSync(file, "utf8");
  if (!old.includes(begin) || !old.includes(end)) throw new Error(`${file}: no ${begin} … ${end} to replace`);
  writeFileSync(file, `${old.slice(0, old.indexOf(begin) + begin.length)}\n${text}\n${old.slice(old.indexOf(end))}`);
  // `npm run lint` checks Markdown too: the tables padded as Biome pads them.
  const biome = path.join(path.dirname(file), "node_modules/.bin/biome");
  const formatted = spawnSync(biome, ["format", "--write", file], { encoding: "utf8" });
  if (formatted.status !== 0) throw new Error(`biome format ${file} failed:\n${formatted.stderr}`);
}
