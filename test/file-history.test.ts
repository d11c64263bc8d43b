import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseGitLog, readFileHistory } from "../src/file-history.ts";

test("reads each file's newest date from one log, newest commit first", () => {
  const log = "\x1e2026-03-01T10:00:00+00:00\n\na.yaml\n\x1e2026-02-01T10:00:00+00:00\n\na.yaml\nb.yaml\n";
  const dates = parseGitLog(log, "/data");
  assert.equal(
    [...dates],
    [
      ["/data/a.yaml", "2026-03-01T10:00:00+00:00"],
      ["/data/b.yaml", "2026-02-01T10:00:00+00:00"],
    ],
  );
});

test("in a git checkout: committed files have their last commit's date, new files none", () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), "history-"));
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
  writeFileSync(path.join(dir, "new.yaml"), "1");
  const history = readFileHistory(dir);
  assert.ok(history.available);
  assert.is(history.lastCommitted(path.join(dir, "a.yaml")), "2026-02-01T00:00:00Z".replace("Z", "+00:00"));
  assert.is(history.lastCommitted("b.yaml"), "2026-01-01T00:00:00+00:00");
  assert.is(history.lastCommitted("new.yaml"), undefined);
});

test("outside a git checkout nothing is known, and nothing fails", () => {
  const history = readFileHistory(mkdtempSync(path.join(os.tmpdir(), "no-git-")));
  assert.is(history.available, false);
  assert.is(history.lastCommitted("a.yaml"), undefined);
});

test.run();
