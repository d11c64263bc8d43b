// What a preview save writes (BuildData's RenderScope), in a git checkout where the saved file's date
// changes as it is edited: its own pages and the lists that show dates, not the whole site; a commit
// made meanwhile, which dates other providers anew, rewrites everything.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BuildData } from "../../src/eleventy/build-data.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "build-data-"));
const providersDir = path.join(work, "providers");
cpSync(fixture("aliases"), providersDir, { recursive: true });
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Writer", "-c", "user.email=writer@example.com", ...args], {
    cwd: work,
    // Commits a day apart: their dates (to the second) differ however fast the test runs.
    env: { ...process.env, GIT_COMMITTER_DATE: `2026-01-${String(++commits).padStart(2, "0")}T12:00:00Z` },
  });
let commits = 0;
git("init", "-q");
git("add", "-A");
git("commit", "-qm", "The registry");

const file = path.join(providersDir, "example-ai.yaml");
const text = readFileSync(file, "utf8");
const data = new BuildData({ root: work, providersDir, siteFile: path.join(projectRoot, "_data/site.yaml") });
/** What a save of `files` has the preview write (the chat view shows the model example edited below). */
const save = async (...files: string[]) => {
  await data.start(files, true);
  const { complete, providerPages, matrixPages, indexPages } = data.scope;
  return { complete, providers: providerPages.map((p) => p.file), matrixPages: matrixPages.length, indexPages };
};

test("a first edit of a committed file: its pages, and the lists that date it; then its pages alone", async () => {
  await data.start(undefined, true);
  assert.ok(data.current.lastUpdated(data.current.registry.get("Example AI")), "dated by its commit");
  writeFileSync(file, text.replace("example-chat-1", "newmodel"));
  assert.equal(await save(file), {
    complete: false,
    providers: ["providers/example-ai.yaml"],
    matrixPages: 1,
    indexPages: [true],
  });
  assert.is(data.current.lastUpdated(data.current.registry.get("Example AI")), undefined, "not committed now");
  writeFileSync(file, text.replace("example-chat-1", "newermodel"));
  assert.equal(await save(file), {
    complete: false,
    providers: ["providers/example-ai.yaml"],
    matrixPages: 1,
    indexPages: [],
  });
});

test("a commit of another file while the preview runs: the next save writes everything", async () => {
  const other = path.join(providersDir, "no-aliases.yaml");
  writeFileSync(other, `${readFileSync(other, "utf8")}# a comment\n`);
  git("add", other);
  git("commit", "-qm", "Another provider");
  writeFileSync(file, text.replace("example-chat-1", "newestmodel"));
  assert.is((await save(file)).complete, true);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
