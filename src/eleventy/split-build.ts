import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { providerFiles, Registry } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";

/** Set in a helper process: the folder holding the registry it builds from and, at the end, what it wrote. */
const HELPER_ENV = "PROVIDER_BUILD_HELPER";
/**
 * About this many provider pages a process: Eleventy keeps each page (~80 KB with its data) until
 * the build ends, so a process's memory grows with its pages.
 */
const PAGES_PER_PROCESS = 2500;
/**
 * A registry this large (or `PROVIDER_BUILD_SPLIT_AT`) is split: only when one process would hold too many pages.
 * A second Eleventy on this 2-core machine costs more than it saves: helpers start Eleventy and warm up again,
 * and two busy processes each run about a quarter slower. Measured: 1,000 providers in 2.8 s in one process
 * against 3.0 s split; 2,000 in 4.7 s against 5.1 s (3.7 and 6.2 CPU-seconds against 4.8 and 7.9). One process
 * of 2,500 providers peaked at 379 MiB.
 */
const SPLIT_AT = PAGES_PER_PROCESS + 1;
/**
 * The first process's part of an even share of the provider pages: it also loads and validates the
 * registry before any page, builds the small pages and writes `/api/providers.json` (the matrix's
 * pages are the helpers'). At 10,000 providers, with 0.35 (875 pages; the helpers 3,042 each and a
 * third of the matrix's 1,400 pages, 398 to 442 MiB) it peaks at 404 to 429 MiB; 0.15 took as long, 0.6 longer.
 */
const FIRST_WEIGHT = 0.35;
/**
 * With one helper (2,501 to 5,000 providers), which writes every page of the matrix, the first writes more.
 * Measured when 1,000 providers were split: 3.5 s, not 4.
 */
const FIRST_WEIGHT_WITH_ONE_HELPER = 0.7;

/**
 * How a registry of `count` providers is shared out: the first process's pages (`0` to `first`), then
 * each helper's range (`from` to `to`, in registry order), together every page once.
 */
export function splitPlan(
  count: number,
  processes = processesFor(count),
): { first: number; helpers: { from: number; to: number }[] } {
  const first = Math.ceil((count / processes) * (processes === 2 ? FIRST_WEIGHT_WITH_ONE_HELPER : FIRST_WEIGHT));
  const per = Math.ceil((count - first) / (processes - 1));
  const helpers: { from: number; to: number }[] = [];
  for (let from = first; from < count; from += per) helpers.push({ from, to: Math.min(from + per, count) });
  return { first, helpers };
}

/**
 * Helper `helper` of `helpers`' share of the matrix's pages: every n-th page from the k-th (the
 * views differ in size, so each helper gets some of each); together, every page once.
 */
export const matrixShareOf =
  (helper: number, helpers: number): MatrixShare =>
  (pages) =>
    pages.filter((_, index) => index % helpers === helper);

/** How many processes build a registry of `count` providers, the first included. */
export const processesFor = (count: number) => Math.max(2, Math.ceil(count / PAGES_PER_PROCESS));

const REGISTRY_FILE = "registry.v8";
/** What a helper reads on its standard input once the registry is in the folder: then its range follows. */
const READY = "ready";
const writtenFile = (dir: string, from: number) => path.join(dir, `written-${from}.json`);

/** Which providers' pages (and twins) this process writes. */
export type PageShare = (providers: readonly Provider[]) => readonly Provider[];

export const allPages: PageShare = (providers) => providers;

/** Which of the matrix's pages (and its views') this process writes. */
export type MatrixShare = <T>(pages: readonly T[]) => readonly T[];

export const allMatrixPages: MatrixShare = (pages) => pages;

/**
 * V8's memory-saving mode, for the first process of a very large split build (set before the
 * registry is loaded): the heap is collected sooner rather than grown, so the process's peak stays
 * near what it holds. Measured at 10,000 providers: loading the registry peaked at 409 MB, 335 MB in this mode.
 */
const MEMORY_FLAG = "--optimize-for-size";
/**
 * From this many providers the first process loads the registry in V8's memory-saving mode. It
 * costs time: at 10,000 providers loading took 4.4 s in it against 2.7 s, and the build 28.4 s
 * against 22.8 s. Since the matrix's pages went to the helpers, the first process of a 10,000-provider
 * build peaks at 404-429 MiB without it; the registry it holds grows by about 32 MiB a thousand providers.
 */
const MEMORY_MODE_FROM = 12_000;

/**
 * In a command-line build of `providerCount` provider files, enough for several helpers (where the
 * first process's memory, not its speed, is the limit): V8 favours memory from here on.
 */
export function favourMemoryFor(providerCount: number): void {
  if (splitsAt(providerCount) && providerCount > MEMORY_MODE_FROM) v8.setFlagsFromString(MEMORY_FLAG);
}

/** How many provider files the folder holds (as the registry reads them: regular `.yaml` files); 0 when unreadable. */
export function dataFileCount(providersDir: string): number {
  try {
    return providerFiles(providersDir).length;
  } catch {
    return 0;
  }
}

/** Whether a command-line build of this many providers is split over several processes. */
export function splitsAt(count: number): boolean {
  const at = Number(process.env.PROVIDER_BUILD_SPLIT_AT || SPLIT_AT);
  return Number.isFinite(at) && at > 0 && count >= at;
}

/**
 * A command-line build split over several processes, seen from the first. The helpers are started
 * before the registry is loaded, from the number of data files, so that each starts Node and Eleventy
 * while the first process parses and validates the registry (once, here). Then it is serialised into a
 * folder and each helper is told, on its standard input, which range of the provider pages is its own;
 * it writes them and their twins into the same staging folder and says which files it wrote. The first
 * process keeps the first range, builds every other page and publishes the folder.
 */
export class HelperProcesses {
  /** The first process's share of the provider pages (known once the registry is handed over). */
  readonly share: PageShare = (providers) => providers.slice(0, this.first);
  /** The first process writes none of the matrix's pages: the helpers share them (they hold ~70 KB each, twice). */
  readonly matrixShare: MatrixShare = () => [];
  private first = 0;
  private readonly dir: string;
  private readonly children: ReturnType<typeof spawn>[] = [];
  private readonly helpers: { from: number; exited: Promise<number | null> }[] = [];

  /** Starts a helper for each process after the first that a registry of `count` files needs. */
  constructor(count: number) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), "provider-build-"));
    for (let n = 1; n < processesFor(count); n++) {
      // The same command (`eleventy` and its arguments) and Node options; the summary line is the first's to print.
      const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        env: { ...process.env, [HELPER_ENV]: this.dir },
        stdio: ["pipe", "ignore", "inherit"],
      });
      // A helper that stopped early (it said why on stderr) is seen in `written`, not here.
      child.stdin!.on("error", () => {});
      this.children.push(child);
    }
    // A first process that stops (a data mistake, a template error, Ctrl-C) stops its helpers too.
    process.once("exit", () => {
      for (const child of this.children) child.kill();
      rmSync(this.dir, { recursive: true, force: true });
    });
  }

  /** Hands the loaded and checked registry to the helpers, each with its range of the pages. */
  handOver(registry: Registry): void {
    const { first, helpers } = splitPlan(registry.providers.length, this.children.length + 1);
    this.first = first;
    writeFileSync(path.join(this.dir, REGISTRY_FILE), v8.serialize(registry.providers));
    this.children.forEach((child, index) => {
      const range = helpers[index];
      const exited = new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.once("error", () => resolve(null));
      });
      // A helper without a range (a registry smaller than its files promised) has nothing to write.
      child.stdin!.end(range ? `${READY} ${range.from}-${range.to} ${index}/${this.children.length}\n` : "");
      if (range) this.helpers.push({ from: range.from, exited });
    });
  }

  /** The files the helpers wrote (absolute paths), once they are done; undefined when one failed (it said why). */
  async written(): Promise<string[] | undefined> {
    const files: string[] = [];
    for (const helper of this.helpers) {
      if ((await helper.exited) !== 0) return undefined;
      files.push(...JSON.parse(readFileSync(writtenFile(this.dir, helper.from), "utf8")));
    }
    return files;
  }
}

/**
 * In a helper process: the registry it was handed and its range of the pages, once the first process
 * has loaded it (this waits for that, on standard input); undefined in any other process. A helper whose
 * first process stopped before handing it over (a data mistake: the first says so) exits at once.
 */
export function helperSnapshot():
  | { registry: Registry; share: PageShare; matrixShare: MatrixShare; done: (written: string[]) => void }
  | undefined {
  const dir = process.env[HELPER_ENV];
  if (!dir) return undefined;
  let said = "";
  try {
    said = readFileSync(0, "utf8");
  } catch {
    // No standard input to read: nothing was handed over.
  }
  const range = new RegExp(`^${READY} (\\d+)-(\\d+) (\\d+)/(\\d+)\\n$`).exec(said);
  if (!range || !existsSync(path.join(dir, REGISTRY_FILE))) process.exit(1);
  const providers = v8.deserialize(readFileSync(path.join(dir, REGISTRY_FILE))) as Provider[];
  const [from, to, helper, helpers] = [Number(range[1]), Number(range[2]), Number(range[3]), Number(range[4])];
  return {
    // Already in registry order, checked and normalised: no second load.
    registry: new Registry(providers),
    share: (all) => all.slice(from, to),
    matrixShare: matrixShareOf(helper, helpers),
    done: (written) => writeFileSync(writtenFile(dir, from), JSON.stringify(written)),
  };
}
