import { spawnSync } from "node:child_process";
import path from "node:path";

/** When each data file last changed, from git. */
export interface FileHistory {
  /** False outside a git checkout (or without git): then nothing is known, and pages say nothing. */
  readonly available: boolean;
  /** The last commit that changed the file (ISO 8601), or undefined for a file never committed. `file` is absolute or relative to the folder read. */
  lastCommitted(file: string): string | undefined;
}

const SEPARATOR = "\x1e";

/**
 * Reads `git log --format=<separator><date> --name-only` output (newest first) into each
 * file's newest date. Names are relative to `dir`; keys are absolute paths.
 */
export function parseGitLog(output: string, dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const record of output.split(SEPARATOR)) {
    const [date, ...names] = record.split("\n");
    if (!date) continue;
    for (const name of names) {
      if (!name) continue;
      const file = path.resolve(dir, name);
      if (!dates.has(file)) dates.set(file, date.trim());
    }
  }
  return dates;
}

/**
 * The history of every file under `dir` from ONE git command, whatever the number of files:
 * each file's newest commit date. Outside a git checkout, or where git is missing, nothing
 * is known and no error is raised.
 */
export function readFileHistory(dir: string): FileHistory {
  const result = spawnSync(
    "git",
    ["-c", "core.quotePath=false", "log", `--format=${SEPARATOR}%cI`, "--name-only", "--relative", "--", "."],
    { cwd: dir, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] },
  );
  if (result.status !== 0 || result.error) return { available: false, lastCommitted: () => undefined };
  const dates = parseGitLog(result.stdout, dir);
  return { available: true, lastCommitted: (file) => dates.get(path.resolve(dir, file)) };
}
