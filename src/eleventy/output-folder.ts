import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds of this process so far: each stages in a folder of its own (tests run several builds at once). */
let builds = 0;
/** Staging folders of this process not published yet: a build that fails (the process ends) leaves none. */
const unpublished = new Set<string>();
process.once("exit", () => {
  for (const dir of unpublished) rmSync(dir, { recursive: true, force: true });
});

/** The process that made a `<target>.building-<pid>-<n>` or `<target>.old-<pid>-<n>` folder. */
const ownerOf = (dir: string) => Number(/-(\d+)-\d+$/.exec(dir)?.[1]);

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The output folder: a build stages beside it and swaps in only a whole site; in place, stale files are pruned. */
export class OutputFolder {
  /** The folder Eleventy writes into. */
  readonly buildDir: string;
  /** Where the site this build replaces waits while the new one is moved in. */
  private readonly previous: string;

  constructor(
    readonly target: string,
    readonly staged: boolean,
  ) {
    const build = `${process.pid}-${++builds}`;
    this.buildDir = staged ? `${target}.building-${build}` : target;
    this.previous = `${target}.old-${build}`;
  }

  /** Before anything else: an output folder a killed build left missing is put back. */
  recover(): void {
    if (this.staged) withLock(this.target, () => restoreIfMissing(this.target));
  }

  /** Before a build writes: the staging folders of builds that are gone are removed, and this one's made empty. */
  prepare(): void {
    if (!this.staged) return;
    // Gone builds' staging folders and old sites; an old site stays while there is no output folder (`recover`).
    const olds = existsSync(this.target) ? siblings(this.target, ".old-") : [];
    for (const leftover of [...siblings(this.target, ".building-"), ...olds]) {
      if (isRunning(ownerOf(leftover))) continue;
      try {
        rmSync(leftover, { recursive: true, force: true });
      } catch {}
    }
    rmSync(this.buildDir, { recursive: true, force: true });
    unpublished.add(this.buildDir);
  }

  /** A failed build: its staging folder goes, the output folder stays as it was. */
  discard(): void {
    if (this.staged) rmSync(this.buildDir, { recursive: true, force: true });
  }

  /** After a good build the staging folder goes in; in place, unwritten files go (folders stay for the dev server). */
  publish(written: ReadonlySet<string>, keep: readonly string[] = []): void {
    if (!this.staged) {
      pruneFiles(this.target, written, new Set(keep.map((dir) => path.join(this.target, dir))));
      return;
    }
    const { previous } = this;
    withLock(this.target, () => {
      restoreIfMissing(this.target);
      if (existsSync(this.target)) renameSync(this.target, previous);
      renameSync(this.buildDir, this.target);
    });
    unpublished.delete(this.buildDir);
    try {
      rmSync(previous, { recursive: true, force: true });
    } catch (error) {
      console.warn(`The new site is published; the old one is left at ${previous}: ${(error as Error).message}`);
    }
  }
}

/** The folders beside `target` named `<target><infix>…`. */
function siblings(target: string, infix: string): string[] {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}${infix}`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(dir, name));
}

/** A build killed between its two renames left no output folder: the site it was replacing goes back. */
function restoreIfMissing(target: string): void {
  if (existsSync(target)) return;
  const previous = siblings(target, ".old-").find((dir) => !isRunning(ownerOf(dir)));
  if (previous) renameSync(previous, target);
}

/** Runs `work` holding `<target>.lock` (a folder: made in one step or not at all); a dead build's lock is taken. */
function withLock(target: string, work: () => void): void {
  const lock = `${target}.lock`;
  const owner = path.join(lock, "pid");
  const deadline = Date.now() + 60_000;
  mkdirSync(path.dirname(target), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(existsSync(owner) ? readFileSync(owner, "utf8") : Number.NaN);
      if (Number.isInteger(pid) && !isRunning(pid)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Another build has held ${lock} for a minute; try again.`);
      else sleep(20);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes every file under `dir` not in `written`, except under `keep`. */
function pruneFiles(dir: string, written: ReadonlySet<string>, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (keep.has(file)) continue;
    if (entry.isDirectory()) pruneFiles(file, written, keep);
    else if (!written.has(file)) rmSync(file, { force: true });
  }
}

/** Staged for a build; in place for `--output` (Eleventy writes there anyway), `--incremental` and the dev server. */
export function outputFolderFor(target: string, mode = process.env.ELEVENTY_RUN_MODE): OutputFolder {
  const args = { args: process.argv.slice(2), options: { output: { type: "string" } }, strict: false } as const;
  const { output } = parseArgs({ ...args, allowPositionals: true }).values;
  if (typeof output === "string") return new OutputFolder(path.resolve(output), false);
  // The dev server's own folder: a build beside it never swaps it out from under the server.
  if (mode === "serve" || mode === "watch") return new OutputFolder(path.resolve(`${target}.preview`), false);
  return new OutputFolder(path.resolve(target), !process.argv.includes("--incremental"));
}
