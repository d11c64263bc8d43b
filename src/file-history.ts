import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/** When each data file last changed, from git; what is not known is undefined, never guessed. */
export interface FileHistory {
  /** False outside a git checkout or in a shallow clone, where a missing date does not mean "never committed". */
  readonly available: boolean;
  /** The last commit that changed `file` (ISO 8601); undefined if not known (uncommitted, or past a shallow clone). */
  lastCommitted(file: string): string | undefined;
}

const SEPARATOR = "\x1e";

/** Reads `git log --format=<sep>%cI %H %P --name-only`: each file's newest change, and if its commit is a root. */
export function parseGitLog(output: string, dir: string): Map<string, { date: string; rootCommit: boolean }> {
  const newest = new Map<string, { date: string; rootCommit: boolean }>();
  for (const record of output.split(SEPARATOR)) {
    const [header = "", ...names] = record.split("\n");
    const [date = "", , ...parents] = header.trim().split(" ");
    for (const name of names) {
      const file = path.resolve(dir, name);
      if (name && !newest.has(file)) newest.set(file, { date, rootCommit: parents.length === 0 });
    }
  }
  return newest;
}

async function git(dir: string, args: string[]): Promise<string | undefined> {
  const options = { cwd: dir, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 } as const;
  try {
    return (await promisify(execFile)("git", ["-c", "core.quotePath=false", ...args], options)).stdout;
  } catch {
    return undefined;
  }
}

const unknown: FileHistory = { available: false, lastCommitted: () => undefined };

// Each folder's parsed `git log`, and the commit (and shallowness) it was read at: read again after a commit.
const logs = new Map<string, { at: string; log: ReturnType<typeof readLog> }>();
async function readLog(dir: string) {
  const output = await git(dir, ["log", `--format=${SEPARATOR}%cI %H %P`, "--name-only", "--relative", "--", "."]);
  return output === undefined ? undefined : parseGitLog(output, dir);
}

/** The history of every file under `dir`: one `git log` a commit (a preview save reads only the status again). */
export async function readFileHistoryAsync(dir: string): Promise<FileHistory> {
  const where = await git(dir, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"]);
  if (where === undefined) return unknown;
  const [top = dir, shallowFlag, head] = where.trim().split("\n");
  const status = git(dir, ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."]);
  const [folder, at] = [path.resolve(dir), `${shallowFlag} ${head}`];
  if (logs.get(folder)?.at !== at) logs.set(folder, { at, log: readLog(dir) });
  const commits = await logs.get(folder)!.log;
  if (commits === undefined) return unknown;
  // Porcelain paths are relative to the repository's top; a rename or copy is followed by its old path.
  const changed = new Set<string>();
  const entries = ((await status) ?? "").split("\0");
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.length >= 4) changed.add(path.resolve(top, entries[i]!.slice(3)));
    if (/^[RC]/.test(entries[i]!)) i++;
  }
  // In a shallow clone a commit without parents is where the history was cut: it stands for all before it.
  const shallow = shallowFlag === "true";
  const beyondCut = (file: string) => shallow && commits.get(file)?.rootCommit === true;
  return {
    available: !shallow,
    lastCommitted(file: string) {
      const absolute = path.resolve(dir, file);
      return changed.has(absolute) || beyondCut(absolute) ? undefined : commits.get(absolute)?.date;
    },
  };
}
