import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** When each data file last changed, from git; what is not known is undefined, never guessed. */
export interface FileHistory {
  /**
   * False when nothing can be said about a file with no date: outside a git checkout, or in a
   * shallow clone (where a missing date does not mean "never committed"). True in a full checkout.
   */
  readonly available: boolean;
  /**
   * The last commit that changed the file (ISO 8601), or undefined when that is not known: a
   * file never committed or changed since its last commit, or one whose last change lies beyond
   * a shallow clone's history. `file` is absolute or relative to the folder read.
   */
  lastCommitted(file: string): string | undefined;
  /** One line for the build log when some of `files` have no date, saying why; undefined when all have one. */
  note(files: readonly string[]): string | undefined;
}

const SEPARATOR = "\x1e";

/**
 * Reads `git log --format=<separator><date> <hash> --name-only` output (newest first) into each
 * file's newest date and commit. Names are relative to `dir`; keys are absolute paths.
 */
export function parseGitLog(output: string, dir: string): Map<string, string> {
  return new Map([...parseGitLogCommits(output, dir)].map(([file, { date }]) => [file, date]));
}

function parseGitLogCommits(output: string, dir: string): Map<string, { date: string; commit: string }> {
  const dates = new Map<string, { date: string; commit: string }>();
  for (const record of output.split(SEPARATOR)) {
    const [header, ...names] = record.split("\n");
    if (!header) continue;
    const [date, commit = ""] = header.trim().split(" ");
    for (const name of names) {
      if (!name) continue;
      const file = path.resolve(dir, name);
      if (!dates.has(file)) dates.set(file, { date: date!, commit });
    }
  }
  return dates;
}

/** What one git command gave: its exit status and output (`error` when it could not run). */
interface GitOutput {
  status: number | null;
  stdout: string;
  error?: Error;
}

const GIT_OPTIONS = { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 } as const;

const git = (dir: string, args: string[]): GitOutput =>
  spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd: dir,
    ...GIT_OPTIONS,
    stdio: ["ignore", "pipe", "ignore"],
  });

const gitAsync = (dir: string, args: string[]): Promise<GitOutput> =>
  new Promise((resolve) => {
    const child = execFile(
      "git",
      ["-c", "core.quotePath=false", ...args],
      { cwd: dir, ...GIT_OPTIONS },
      (error, stdout) =>
        resolve({
          status: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout: stdout ?? "",
          error: error && typeof error.code !== "number" ? error : undefined,
        }),
    );
    child.stdin?.end();
  });

const unknown = (why: string): FileHistory => ({
  available: false,
  lastCommitted: () => undefined,
  note: (files) => (files.length ? `Last updated is not shown on any page: ${why}.` : undefined),
});

/**
 * The steps of reading the history, as the git commands each needs (those of one step can run
 * at once), so that the same steps run blocking (`readFileHistory`) or beside the build (`readFileHistoryAsync`).
 */
function* historySteps(dir: string): Generator<string[][], FileHistory, GitOutput[]> {
  const [where] = yield [["rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow"]];
  if (where!.status !== 0 || where!.error) return unknown("the data folder is not in a git checkout");
  const [top = dir, shallowFlag, shallowFile] = where!.stdout.trim().split("\n");
  // A shallow clone's oldest commits stand for all history before them: a file last changed
  // there may have changed long before. Those commits are listed in the `shallow` file.
  const boundary = new Set<string>();
  if (shallowFlag === "true" && shallowFile) {
    try {
      for (const line of readFileSync(path.resolve(dir, shallowFile), "utf8").split("\n"))
        if (line.trim()) boundary.add(line.trim());
    } catch {
      return unknown("the git history is shallow (a clone with --depth); fetch it whole with `git fetch --unshallow`");
    }
  }
  const [log, status] = yield [
    ["log", `--format=${SEPARATOR}%cI %H`, "--name-only", "--relative", "--", "."],
    ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."],
  ];
  if (log!.status !== 0 || log!.error) return unknown("git could not read the data folder's history");
  return historyOf(dir, parseGitLogCommits(log!.stdout, dir), changedFiles(status!.stdout, top), boundary);
}

/**
 * The history of every file under `dir` from one `git log`, whatever the number of files (plus
 * one `git status` for files changed since, and a look at the shallow-clone boundary). Outside
 * a git checkout, or where git is missing, nothing is known and no error is raised.
 */
export function readFileHistory(dir: string): FileHistory {
  const steps = historySteps(dir);
  let step = steps.next([]);
  while (!step.done) step = steps.next(step.value.map((args) => git(dir, args)));
  return step.value;
}

/** `readFileHistory` without blocking: git runs while the build goes on (`git log` and `git status` at once). */
export async function readFileHistoryAsync(dir: string): Promise<FileHistory> {
  const steps = historySteps(dir);
  let step = steps.next([]);
  while (!step.done) step = steps.next(await Promise.all(step.value.map((args) => gitAsync(dir, args))));
  return step.value;
}

function historyOf(
  dir: string,
  commits: Map<string, { date: string; commit: string }>,
  changed: Set<string>,
  boundary: Set<string>,
): FileHistory {
  const beyondBoundary = (file: string) => boundary.has(commits.get(file)?.commit ?? "");
  const lastCommitted = (file: string) => {
    const absolute = path.resolve(dir, file);
    if (changed.has(absolute) || beyondBoundary(absolute)) return undefined;
    return commits.get(absolute)?.date;
  };
  return {
    available: boundary.size === 0,
    lastCommitted,
    note(files) {
      const undated = files.filter((file) => lastCommitted(file) === undefined).map((file) => path.resolve(dir, file));
      if (undated.length === 0) return undefined;
      const shallow = undated.filter((file) => beyondBoundary(file) || (boundary.size > 0 && !commits.has(file)));
      const named = (list: string[]) =>
        `${list
          .slice(0, 3)
          .map((f) => path.relative(process.cwd(), f).split(path.sep).join("/"))
          .join(", ")}${list.length > 3 ? ` and ${list.length - 3} more` : ""}`;
      if (shallow.length)
        return (
          `Last updated is not shown for ${named(shallow)}: the git history is shallow (a clone with --depth) ` +
          `and ends before their last change; fetch it whole with \`git fetch --unshallow\`.`
        );
      return (
        `Last updated is not shown for ${named(undated)}: not committed yet (new, or changed since the last ` +
        `commit).`
      );
    },
  };
}

/** The files `git status --porcelain -z` lists (new, changed, renamed), as absolute paths. */
function changedFiles(status: string, top: string): Set<string> {
  const changed = new Set<string>();
  const entries = (status ?? "").split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    // Paths in porcelain output are relative to the repository's top; a rename is followed by its old path.
    changed.add(path.resolve(top, entry.slice(3)));
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return changed;
}
