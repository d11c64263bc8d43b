import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseGitLog, readFileHistoryAsync } from "../src/file-history.ts";

/** The folders this suite made, removed when it ends. */
const folders: string[] = [];
const temporary = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

test("reads each file's newest date from one log, newest commit first", () => {
  const log = "\x1e2026-03-01T10:00:00+00:00\n\na.yaml\n\x1e2026-02-01T10:00:00+00:00\n\na.yaml\nb.yaml\n";
  const dates = parseGitLog(log, "/data");
  assert.equal(
    [...dates].map(([file, { date }]) => [file, date]),
    [
      ["/data/a.yaml", "2026-03-01T10:00:00+00:00"],
      ["/data/b.yaml", "2026-02-01T10:00:00+00:00"],
    ],
  );
});

/** A repository with `_data/providers/a.yaml` (changed in a second commit) and `b.yaml` (first commit only). */
function repository() {
  const repo = temporary("history-");
  const dir = path.join(repo, "_data/providers");
  mkdirSync(dir, { recursive: true });
  const git = (args: string[], date: string) =>
    execFileSync(
      "git",
      ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
      {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        stdio: "ignore",
      },
    );
  git(["init", "-q"], "2026-01-01T00:00:00Z");
  writeFileSync(path.join(dir, "a.yaml"), "1");
  writeFileSync(path.join(dir, "b.yaml"), "1");
  writeFileSync(path.join(repo, "outside.yaml"), "1");
  git(["add", "."], "2026-01-01T00:00:00Z");
  git(["commit", "-q", "-m", "one"], "2026-01-01T00:00:00Z");
  writeFileSync(path.join(dir, "a.yaml"), "2");
  git(["commit", "-q", "-am", "two"], "2026-02-01T00:00:00Z");
  return { repo, dir, git };
}

test("in a git checkout: committed files have their last commit's date; new or changed ones none", async () => {
  const { dir, git } = repository();
  writeFileSync(path.join(dir, "new.yaml"), "1");
  const full = await readFileHistoryAsync(dir);
  assert.ok(full.available);
  assert.is(full.lastCommitted(path.join(dir, "a.yaml")), "2026-02-01T00:00:00Z".replace("Z", "+00:00"));
  assert.is(full.lastCommitted("b.yaml"), "2026-01-01T00:00:00+00:00");
  assert.is(full.lastCommitted("new.yaml"), undefined);
  writeFileSync(path.join(dir, "b.yaml"), "changed, not committed");
  const edited = await readFileHistoryAsync(dir);
  assert.is(edited.lastCommitted("b.yaml"), undefined);
  // A commit made since the last read (the log is read once a commit): its date is seen.
  git(["commit", "-q", "-am", "three"], "2026-03-01T00:00:00Z");
  const committed = await readFileHistoryAsync(dir);
  assert.is(committed.lastCommitted("b.yaml"), "2026-03-01T00:00:00+00:00");
  assert.is(committed.lastCommitted("a.yaml"), "2026-02-01T00:00:00+00:00");
});

test("in a shallow clone: files last changed before its history starts have no date", async () => {
  const { repo } = repository();
  const clone = temporary("shallow-");
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, clone], { stdio: "ignore" });
  const history = await readFileHistoryAsync(path.join(clone, "_data/providers"));
  assert.is(history.available, false);
  // Both files appear in the clone's one commit; neither date is the file's own.
  assert.is(history.lastCommitted("a.yaml"), undefined);
  assert.is(history.lastCommitted("b.yaml"), undefined);
  const deeper = temporary("shallow-2-");
  execFileSync("git", ["clone", "-q", "--depth", "2", `file://${repo}`, deeper], { stdio: "ignore" });
  // With two commits, a.yaml's change is inside the history; b.yaml's is not.
  const two = await readFileHistoryAsync(path.join(deeper, "_data/providers"));
  assert.is(two.lastCommitted("a.yaml"), "2026-02-01T00:00:00+00:00");
  assert.is(two.lastCommitted("b.yaml"), undefined);
});

test("outside a git checkout nothing is known, and nothing fails", async () => {
  const history = await readFileHistoryAsync(temporary("no-git-"));
  assert.is(history.available, false);
  assert.is(history.lastCommitted("a.yaml"), undefined);
});

test.after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

test.run();
