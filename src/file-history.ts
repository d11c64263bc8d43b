import { spawnSync } from "node:child_process";
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

const git = (dir: string, args: string[]) =>
  spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });

const unknown = (why: string): FileHistory => ({
  available: false,
  lastCommitted: () => undefined,
  note: (files) => (files.length ? `Last updated is not shown on any page: ${why}.` : undefined),
});

/**
 * The history of every file under `dir` from one `git log`, whatever the number of files (plus
 * one `git status` for files changed since, and a look at the shallow-clone boundary). Outside
 * a git checkout, or where git is missing, nothing is known and no error is raised.
 */
export function readFileHistory(dir: string): FileHistory {
  const where = git(dir, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow"]);
  if (where.status !== 0 || where.error) return unknown("the data folder is not in a git checkout");
  const [top = dir, shallowFlag, shallowFile] = where.stdout.trim().split("\n");
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
  const log = git(dir, ["log", `--format=${SEPARATOR}%cI %H`, "--name-only", "--relative", "--", "."]);
  if (log.status !== 0 || log.error) return unknown("git could not read the data folder's history");
  const commits = parseGitLogCommits(log.stdout, dir);
  const changed = changedFiles(dir, top);
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
        return `Last updated is not shown for ${named(shallow)}: the git history is shallow (a clone with --depth) and ends before their last change; fetch it whole with \`git fetch --unshallow\`.`;
      return `Last updated is not shown for ${named(undated)}: not committed yet (new, or changed since the last commit).`;
    },
  };
}

/** Files under `dir` that differ from the last commit (new, changed, renamed), as absolute paths. */
function changedFiles(dir: string, top: string): Set<string> {
  const status = git(dir, ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."]);
  const changed = new Set<string>();
  const entries = (status.stdout ?? "").split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    // Paths in porcelain output are relative to the repository's top; a rename is followed by its old path.
    changed.add(path.resolve(top, entry.slice(3)));
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return changed;
}
