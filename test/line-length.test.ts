import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAX_LENGTH = 120;

function trackedTypeScript(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--", "src", "test", "scripts", "types", "eleventy.config.ts"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  return listed.split("\0").filter((file) => file.endsWith(".ts"));
}

test(`every tracked .ts file keeps its lines to at most ${MAX_LENGTH} characters`, () => {
  const files = trackedTypeScript();
  assert.ok(files.includes("eleventy.config.ts"), "eleventy.config.ts is among the files checked");
  assert.ok(files.includes("test/line-length.test.ts"), "this test is among the files checked");
  const tooLong: string[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(ROOT, file), "utf8").split(/\r?\n/);
    lines.forEach((line, index) => {
      const length = [...line].length;
      if (length > MAX_LENGTH) tooLong.push(`${file}:${index + 1} (${length} characters)`);
    });
  }
  assert.equal(tooLong, [], `lines longer than ${MAX_LENGTH} characters:\n${tooLong.join("\n")}`);
});

test.run();
