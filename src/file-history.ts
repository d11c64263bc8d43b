import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

/** When each data file last changed, from git; what is not known is undefined, never guessed. */
export interface FileHistory {
  /** False outside a git checkout or in a shallow clone, where a missing date does not mean "never committed". */
  readonly available: boolean;
  /** The last commit that changed `file` (ISO 8601); undefined if not known (uncommitted, or past a shallow clone). */
  lastCommitted(file: string): string | undefined;
  /** One line for the build log when some of `files` have no date, saying why; undefined when all have one. */
  note(files: readonly string[]): string | undefined;
}

const SEPARATOR = "\x1e";

/** Reads `git log --format=<separator><date> <hash> --name-only` output into each file's newest date. */
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
      const file = path.resolve(dir, name);
      if (name && !dates.has(file)) dates.set(file, { date: date!, commit });
    }
  }
  return dates;
}

/** A git command's output; undefined when it failed or could not start (no git, no such folder: it throws then). */
async function git(dir: string, args: string[]): Promise<string | undefined> {
  const options = { cwd: dir, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 } as const;
  try {
    return (await promisify(execFile)("git", ["-c", "core.quotePath=false", ...args], options)).stdout;
  } catch {
    return undefined;
  }
}

const unknown = (why: string): FileHistory => ({
  available: false,
  lastCommitted: () => undefined,
  note: (files) => (files.length ? `Last updated is not shown on any page: ${why}.` : undefined),
});

/** The history of every file under `dir` from one `git log` and one `git status`, run beside the build. */
export async function readFileHistoryAsync(dir: string): Promise<FileHistory> {
  const where = await git(dir, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow"]);
  if (where === undefined) return unknown("the data folder is not in a git checkout");
  const [top = dir, shallowFlag, shallowFile] = where.trim().split("\n");
  // A shallow clone's oldest commits stand for all history before them; the `shallow` file lists them.
  const boundary = new Set<string>();
  if (shallowFlag === "true" && shallowFile) {
    try {
      for (const line of (await readFile(path.resolve(dir, shallowFile), "utf8")).split("\n"))
        if (line.trim()) boundary.add(line.trim());
    } catch {
      return unknown("the git history is shallow (a clone with --depth); fetch it whole with `git fetch --unshallow`");
    }
  }
  const [log, status] = await Promise.all([
    git(dir, ["log", `--format=${SEPARATOR}%cI %H`, "--name-only", "--relative", "--", "."]),
    git(dir, ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."]),
  ]);
  if (log === undefined) return unknown("git could not read the data folder's history");
  return historyOf(dir, parseGitLogCommits(log, dir), changedFiles(status ?? "", top), boundary);
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
  const entries = status.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    // Porcelain paths are relative to the repository's top; a rename is followed by its old path.
    changed.add(path.resolve(top, entry.slice(3)));
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return changed;
}
