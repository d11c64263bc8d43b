// A writer's pull request, replayed on a copy of the project: a provider renamed as the README says
// (file moved with `git mv`, the old name listed under `aliases`), one added with a name beyond Latin-1,
// one deleted. Then every suite that reads the shipped data runs in that copy, and all must pass: no
// test may pin what a writer's next pull request changes.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { checkData } from "../src/registry/check.ts";
import { loadRegistry } from "../src/registry/load.ts";
import { slugify } from "../src/registry/slug.ts";
import { projectRoot } from "./helpers/build-site.ts";

const work = mkdtempSync(path.join(os.tmpdir(), "writer-scenario-"));
const copy = path.join(work, "main");
const providers = path.join(copy, "_data/providers");
const git = (...args: string[]) => execFileSync("git", args, { cwd: copy, stdio: "pipe", encoding: "utf8" });

// The project as it stands (tracked and new files, not what git ignores), with its packages and `../shared`.
const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: projectRoot })
  .toString()
  .split("\0")
  .filter(Boolean);
for (const file of files) {
  const source = path.join(projectRoot, file);
  mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
  // A tracked link (a hostile fixture's) stays a link; Node 22's cpSync will not copy one that names a folder.
  if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), path.join(copy, file));
  else cpSync(source, path.join(copy, file));
}
symlinkSync(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"));
symlinkSync(path.resolve(projectRoot, "../shared"), path.join(work, "shared"));
git("init", "-q");
git("-c", "user.name=Writer", "-c", "user.email=writer@example.com", "add", "-A");
git("-c", "user.name=Writer", "-c", "user.email=writer@example.com", "commit", "-qm", "As shipped");

const before = loadRegistry(providers, { root: copy });
const [renamed, deleted] = before.providers;
const newName = `${renamed!.name} Next`;
const oldFile = path.join(copy, renamed!.file);
const movedFile = path.join(providers, `${slugify(newName)}.yaml`);

test("renamed but not moved: the check fails and says which git mv to run", () => {
  const document = parseDocument(readFileSync(oldFile, "utf8"));
  document.set("name", newName);
  const aliases = document.get("aliases") as { add(value: string): void } | undefined;
  if (aliases) aliases.add(renamed!.name);
  else document.set("aliases", [renamed!.name]);
  writeFileSync(oldFile, document.toString());
  const report = checkData(providers, path.join(copy, "_data/site.yaml"), { root: copy });
  assert.is(report.ok, false);
  assert.match(report.lines.join("\n"), `Run \`git mv `);
  assert.match(report.lines.join("\n"), `${path.basename(movedFile)}\``);
});

test("renamed, added (Ünïcode 日本 AI) and deleted: every suite that reads the shipped data passes", () => {
  git("mv", oldFile, movedFile);
  git("rm", "-q", path.join(copy, deleted!.file));
  const scaffold = spawnSync(process.execPath, ["--import", "tsx", "scripts/new-provider.ts", "Ünïcode 日本 AI"], {
    cwd: copy,
    encoding: "utf8",
  });
  assert.is(scaffold.status, 0, scaffold.stderr);
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
  git("-c", "user.name=Writer", "-c", "user.email=writer@example.com", "add", "-A");
  git("-c", "user.name=Writer", "-c", "user.email=writer@example.com", "commit", "-qm", "A writer's changes");

  const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--strict"], {
    cwd: copy,
    encoding: "utf8",
  });
  assert.is(check.status, 0, check.stdout + check.stderr);
  const after = loadRegistry(providers, { root: copy });
  assert.is(after.get(renamed!.name).name, newName, "the old name finds the renamed provider");
  assert.ok(after.get("Ünïcode 日本 AI"));

  const suites = suitesReadingShippedData();
  assert.ok(suites.length > 5, `found the suites that read the shipped data: ${suites.join(", ")}`);
  const pattern = `^(${suites.map((suite) => suite.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`;
  const run = spawnSync(process.execPath, ["node_modules/uvu/bin.js", "-r", "tsx", "test", pattern], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  assert.is(run.status, 0, `${run.stdout}\n${run.stderr}`.slice(-6000));
  assert.match(run.stdout, /Total:\s+(\d+)/);
});

/** Test files (relative to `test/`) that read the shipped registry or a build of it. */
function suitesReadingShippedData(): string[] {
  const readsShipped = /_data\/providers|builtSite\(|seedProviders|shippedRegistry/;
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(projectRoot, "test", dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "fixtures" && entry.name !== "helpers") visit(file);
      else if (file.endsWith(".test.ts") && file !== "writer-scenario.test.ts") {
        if (readsShipped.test(readFileSync(path.join(projectRoot, "test", file), "utf8"))) found.push(file);
      }
    }
  };
  visit("");
  return found;
}

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
