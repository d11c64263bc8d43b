import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The test files under `<root>/test` (paths relative to it, fixtures and helpers left out) whose source
 * `matches`: how `npm test` finds the suites that build a site, and the writer scenario those that read
 * the shipped data.
 */
export function testFiles(root: string, matches: (source: string) => boolean, dir = ""): string[] {
  return readdirSync(path.join(root, "test", dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "fixtures" || entry.name === "helpers" ? [] : testFiles(root, matches, file);
    return file.endsWith(".test.ts") && matches(readFileSync(path.join(root, "test", file), "utf8")) ? [file] : [];
  });
}

/** A uvu pattern that matches exactly `files` (as `testFiles` returns them), each name taken literally. */
export const exactly = (files: readonly string[]) =>
  `^(${files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`;
