// A writer's pull request, replayed on a copy of the project: a provider renamed as the README says
// (file moved with `git mv`, the old name listed under `aliases`), one added with a name beyond Latin-1,
// one deleted. Then every suite that reads the shipped data runs in that copy, and all must pass: no
// test may pin what a writer's next pull request changes.
//
// The pull request is made, and the copy's suites started, in the background from the moment this
// file is loaded (uvu loads every file before it runs a suite): the copy's run is a process of its
// own, with its own build and browser, and runs beside this run's suites instead of after them. The
// tests below check what each step left.
import { execFile, spawn } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { checkData } from "../src/registry/check.ts";
import { loadRegistry } from "../src/registry/load.ts";
import { slugify } from "../src/registry/slug.ts";
import { projectRoot } from "./helpers/build-site.ts";
import { exactly, testFiles } from "./helpers/test-files.ts";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment as it was when this file was loaded: a suite that runs meanwhile may point
 * PROVIDERS_DIR at a fixture for its own build, and the copy's commands must not inherit that.
 */
const environment = { ...process.env };

/** Runs a command to its end, without holding up this process. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: environment, ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const work = mkdtempSync(path.join(os.tmpdir(), "writer-scenario-"));
const copy = path.join(work, "main");
const providers = path.join(copy, "_data/providers");
const git = (...args: string[]) =>
  promisify(execFile)("git", ["-c", "user.name=Writer", "-c", "user.email=writer@example.com", ...args], {
    cwd: copy,
    encoding: "utf8",
  });

const suites = suitesReadingShippedData();

/** The copy, its provider renamed in its file but the file not moved, and what `npm run check` says then. */
const renamedNotMoved = (async () => {
  // The project as it stands (tracked and new files, not what git ignores), with its packages and `../shared`.
  const listed = await promisify(execFile)("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const source = path.join(projectRoot, file);
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    // A tracked link (a hostile fixture's) stays a link; Node 22's cpSync will not copy one that names a folder.
    if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), path.join(copy, file));
    else cpSync(source, path.join(copy, file));
  }
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"));
  symlinkSync(path.resolve(projectRoot, "../shared"), path.join(work, "shared"));
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-qm", "As shipped");

  const before = loadRegistry(providers, { root: copy });
  const [renamed, deleted] = before.providers;
  const newName = `${renamed!.name} Next`;
  const oldFile = path.join(copy, renamed!.file);
  const movedFile = path.join(providers, `${slugify(newName)}.yaml`);
  const document = parseDocument(readFileSync(oldFile, "utf8"));
  document.set("name", newName);
  const aliases = document.get("aliases") as { add(value: string): void } | undefined;
  if (aliases) aliases.add(renamed!.name);
  else document.set("aliases", [renamed!.name]);
  writeFileSync(oldFile, document.toString());
  const report = checkData(providers, path.join(copy, "_data/site.yaml"), { root: copy });
  return { renamed: renamed!, deleted: deleted!, newName, oldFile, movedFile, report };
})();

interface PullRequest {
  scaffold: Run;
  check?: Run;
  after?: ReturnType<typeof loadRegistry>;
  /** The copy's run of the suites that read the shipped data. */
  suitesRun?: Run;
}

/**
 * The writer's pull request: the file moved, a provider added with `npm run new-provider` and one
 * deleted, committed; then `npm run check -- --strict`, and every suite that reads the shipped data, in the copy.
 */
const pullRequest = renamedNotMoved.then(async ({ oldFile, movedFile, deleted }): Promise<PullRequest> => {
  await git("mv", oldFile, movedFile);
  await git("rm", "-q", path.join(copy, deleted.file));
  const scaffold = await run(process.execPath, ["--import", "tsx", "scripts/new-provider.ts", "Ünïcode 日本 AI"], {
    cwd: copy,
  });
  if (scaffold.status !== 0) return { scaffold };
  const file = path.join(copy, /Created (\S+)\./.exec(scaffold.stdout)![1]!);
  const text = readFileSync(file, "utf8");
  writeFileSync(
    file,
    text
      .replace(/^chat:\n(?: {2}.*\n)+/m, (entry) =>
        entry
          .replace("supported: false", "supported: true")
          .replace(/^ {2}# (?!note| {2}content)/gm, "  ")
          .replace("'`/v1/...`'", "'`/v1/chat/completions`'"),
      )
      .replace(/https:\/\/api\.[^/]+\.example\//, "https://api.unicode.example.com/"),
  );
  await git("add", "-A");
  await git("commit", "-qm", "A writer's changes");

  const check = await run(process.execPath, ["--import", "tsx", "scripts/check.ts", "--strict"], { cwd: copy });
  const after = loadRegistry(providers, { root: copy });
  if (check.status !== 0) return { scaffold, check, after };
  // Plain output, and no FORCE_COLOR beside NO_COLOR (Node warns when both are set).
  const { FORCE_COLOR: _colour, ...plain } = environment;
  const uvuArgs = ["node_modules/uvu/bin.js", "-r", "tsx", "--no-color", "test", exactly(suites)];
  const suitesRun = await run(process.execPath, uvuArgs, { cwd: copy, env: { ...plain, NO_COLOR: "1" } });
  return { scaffold, check, after, suitesRun };
});
// A step that throws fails the tests that wait for it, not this run.
for (const step of [renamedNotMoved, pullRequest]) step.catch(() => {});

test("renamed but not moved: the check fails and says which git mv to run", async () => {
  const { report, movedFile } = await renamedNotMoved;
  assert.is(report.ok, false);
  assert.match(report.lines.join("\n"), `Run \`git mv `);
  assert.match(report.lines.join("\n"), `${path.basename(movedFile)}\``);
});

test("renamed, added (Ünïcode 日本 AI) and deleted: every suite that reads the shipped data passes", async () => {
  const { renamed, newName } = await renamedNotMoved;
  const { scaffold, check, after, suitesRun } = await pullRequest;
  assert.is(scaffold.status, 0, scaffold.stderr);
  assert.is(check?.status, 0, `${check?.stdout}${check?.stderr}`);
  assert.is(after!.get(renamed.name).name, newName, "the old name finds the renamed provider");
  assert.ok(after!.get("Ünïcode 日本 AI"));

  assert.ok(suites.length > 5, `found the suites that read the shipped data: ${suites.join(", ")}`);
  assert.ok(suitesRun, "the suites ran in the copy");
  assert.is(suitesRun!.status, 0, `${suitesRun!.stdout}\n${suitesRun!.stderr}`.slice(-6000));
  assert.match(suitesRun!.stdout, /Total:\s+(\d+)/);
});

/**
 * Test files (relative to `test/`) that read the shipped registry (its folder, from the project's
 * root) or a build of it (builtSite, the browser suites' shippedSite). A suite that only names a
 * file in `_data/providers/` for a message, or builds a registry of its own, is not one.
 */
function suitesReadingShippedData(): string[] {
  const readsShipped =
    /(projectRoot|ROOT|root), "_data\/providers"|builtSite\(|shippedSite\(|seedProviders|shippedRegistry/;
  return testFiles(projectRoot, (source) => readsShipped.test(source)).filter((f) => f !== "writer-scenario.test.ts");
}

test.after(async () => {
  // Whatever failed, the copy is removed once its run has ended.
  await pullRequest.catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

test.run();
