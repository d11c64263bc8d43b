// The builds the benchmark times: ours as a deploy makes it (a fresh clone, no cache), an empty Eleventy site
// built the same way, and Jekyll rendering the seed template. Every folder is made under the bench's tmpfs folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedTemplateFile } from "../../test/helpers/seed-data.ts";
import { writeJekyllSite } from "./jekyll-site.ts";
import { type MeasuredRun, measureTree } from "./process-tree.ts";
import { writeSyntheticRegistry } from "./synthetic-registry.ts";

/** The project the benchmark measures: its last commit is what a deploy clones. */
export const projectRoot = path.resolve(import.meta.dirname, "../..");
const shippedDir = path.join(projectRoot, "_data/providers");

/** A finished build: the measured run and the HTML pages it wrote (its output is removed once counted). */
export interface Built {
  run: MeasuredRun;
  pages: number;
}

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout.trim();
};

/**
 * A fresh `git clone` of the project's current branch, as a deploy checks it out: no `_site`, no `.cache/`,
 * nothing untracked. node_modules is linked from the project (a deploy installs it; installing is not timed).
 * With `providers`, the clone's `_data/providers/*.yaml` are replaced by a synthetic registry of that size.
 */
export function freshClone(work: string, providers?: number): string {
  const dir = mkdtempSync(path.join(work, "clone-"));
  const branch = run("git", ["rev-parse", "--abbrev-ref", "HEAD"], projectRoot);
  run("git", ["clone", "--quiet", "--branch", branch, projectRoot, dir], work);
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  if (providers !== undefined) {
    const registry = path.join(dir, "_data/providers");
    for (const file of readdirSync(registry)) if (file.endsWith(".yaml")) rmSync(path.join(registry, file));
    writeSyntheticRegistry(shippedDir, registry, providers);
  }
  return dir;
}

/** An Eleventy project with one trivial template and no configuration, the same Eleventy, built by its CLI. */
export function emptySite(work: string): string {
  const dir = mkdtempSync(path.join(work, "empty-site-"));
  const scripts = { build: "eleventy" };
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty", private: true, scripts }));
  writeFileSync(path.join(dir, "index.liquid"), "<p>Hello</p>\n");
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/**
 * `npm run build` in `dir`, cold: a new process, no previous output, and a new empty temporary folder
 * (tsx keeps its cache of compiled TypeScript in the temporary folder; a fresh deploy has none).
 */
export function npmBuild(dir: string, work: string): Promise<Built> {
  // --quiet: Eleventy's line per written file is not part of the work measured.
  return coldBuild(dir, work, "npm", ["run", "--silent", "build", "--", "--quiet"]);
}

/**
 * The same build under V8's sampling profiler, which writes a `.cpuprofile` into `profileDir`. Node refuses
 * `--cpu-prof` in NODE_OPTIONS, so this runs Eleventy's command line (what `npm run build` runs) with it.
 */
export function profiledBuild(dir: string, work: string, profileDir: string): Promise<Built> {
  const cli = path.join(dir, "node_modules/@11ty/eleventy/cmd.cjs");
  return coldBuild(dir, work, "node", ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, cli, "--quiet"]);
}

async function coldBuild(dir: string, work: string, command: string, args: string[]): Promise<Built> {
  const out = path.join(dir, "_site");
  rmSync(out, { recursive: true, force: true });
  const tmp = mkdtempSync(path.join(work, "tmp-"));
  const measured = await measureTree(command, args, { cwd: dir, env: { TMPDIR: tmp } });
  const pages = countPages(out);
  rmSync(out, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  return { run: measured, pages };
}

/** Jekyll, cold (a fresh site folder: no `.jekyll-cache`, no output), rendering the seed over `registry`. */
export async function jekyllBuild(registry: string, work: string): Promise<Built> {
  const site = mkdtempSync(path.join(work, "jekyll-"));
  const out = path.join(site, "_site");
  const providers = writeJekyllSite(site, registry, seedTemplateFile);
  const measured = await measureTree("jekyll", ["build", "--quiet", "--source", site, "--destination", out], {
    cwd: site,
  });
  const pages = countPages(path.join(out, "providers"));
  if (pages !== providers) throw new Error(`Jekyll wrote ${pages} provider pages for ${providers} providers`);
  rmSync(site, { recursive: true, force: true });
  return { run: measured, pages };
}

/** HTML pages under `dir`. */
const countPages = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html"))
    .length;
