import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const leftovers = new Set<string>();
let cleanupRegistered = false;

/**
 * The output folder readers get, and where a build writes before it gets there. A command-line
 * or programmatic build writes into a staging folder beside it (`_site.building`), swapped in
 * when the whole build succeeded: a failed build leaves the output folder as it was, and a good
 * one leaves nothing stale. The dev server serves the output folder itself, so it writes there
 * and, after each good build, removes the files that build did not write.
 */
export class OutputFolder {
  /** The folder Eleventy writes into. */
  readonly buildDir: string;

  constructor(
    /** The folder readers get (`_site`). */
    readonly target: string,
    /** Whether to build beside it and swap it in (builds), or write in place and prune (the dev server). */
    readonly staged: boolean,
  ) {
    this.buildDir = staged ? `${target}.building` : target;
  }

  /**
   * Clears what a failed build left in the staging folder; a build that fails again is cleared when the process exits.
   */
  prepare(): void {
    if (!this.staged) return;
    rmSync(this.buildDir, { recursive: true, force: true });
    leftovers.add(this.buildDir);
    if (!cleanupRegistered) {
      cleanupRegistered = true;
      process.once("exit", () => {
        for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
      });
    }
  }

  /**
   * After a good build: the staging folder becomes the output folder (the old one removed), or,
   * in place, every file the build did not write is removed (`keep` says which folders, such as a
   * search index the dev server writes only once, stay). `written`: absolute paths of the files written.
   */
  publish(written: ReadonlySet<string>, keep: readonly string[] = []): void {
    if (this.staged) {
      replaceFolder(this.target, this.buildDir);
      leftovers.delete(this.buildDir);
    } else {
      prune(this.target, written, new Set(keep.map((dir) => path.join(this.target, dir))));
    }
  }
}

/**
 * The output folder for this run: staged for a build (command line or programmatic), in place for
 * the dev server, which serves the folder it writes, for an incremental build, and for a folder
 * given with `--output` (there Eleventy writes its pages, whatever the configuration sets).
 * Otherwise Eleventy's output directory is its `buildDir`.
 */
export function outputFolderFor(target: string, argv: readonly string[] = process.argv): OutputFolder {
  const mode = process.env.ELEVENTY_RUN_MODE;
  // An incremental build (`--incremental`) writes only what changed, so it must write in place.
  // Eleventy writes where `--output` says whatever the configuration asks, so that one is in place too.
  const given = outputArgument(argv);
  const inPlace = mode === "serve" || mode === "watch" || argv.includes("--incremental") || given !== undefined;
  return new OutputFolder(path.resolve(given ?? target), !inPlace);
}

/** The folder given on Eleventy's command line (`--output=dist` or `--output dist`), if any. */
export function outputArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i]!.startsWith("--output=")) return argv[i]!.slice("--output=".length);
    if (argv[i] === "--output" && argv[i + 1] !== undefined) return argv[i + 1];
  }
  return undefined;
}

/** Puts `staging` where `target` is: renamed in one step, or entry by entry when the folder itself cannot move. */
function replaceFolder(target: string, staging: string): void {
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  try {
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
  } catch {
    // A mount point or a folder in use cannot be renamed: replace what it holds instead.
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    for (const entry of readdirSync(target)) rmSync(path.join(target, entry), { recursive: true, force: true });
    for (const entry of readdirSync(staging)) renameSync(path.join(staging, entry), path.join(target, entry));
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Removes every file under `dir` not in `written` (and folders left empty), except under `keep`. */
function prune(dir: string, written: ReadonlySet<string>, keep: ReadonlySet<string>): boolean {
  if (!existsSync(dir)) return true;
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (keep.has(file)) {
      empty = false;
    } else if (entry.isDirectory()) {
      if (prune(file, written, keep)) rmSync(file, { recursive: true, force: true });
      else empty = false;
    } else if (written.has(file)) {
      empty = false;
    } else {
      rmSync(file, { force: true });
    }
  }
  return empty;
}
