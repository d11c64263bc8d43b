import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../helpers/build-site.ts";

// Templates own the page's structure; TypeScript returns values and small inline fragments only.
const PAGE_STRUCTURE = /<(?:table|section|h2|h3|nav|main)\b|<!DOCTYPE/i;

/** Every `.ts` file under a folder, as paths relative to the project. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(file);
    return entry.name.endsWith(".ts") ? [file] : [];
  });
}

test("no TypeScript file under src/ writes page structure (<table, <section, <h2, <h3, <nav, <main, <!DOCTYPE)", () => {
  const files = typeScriptFiles("src");
  assert.ok(files.length > 20, "the scan finds the source files");
  const offenders = files.flatMap((file) =>
    readFileSync(path.join(projectRoot, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (PAGE_STRUCTURE.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 80)}`] : [])),
  );
  assert.equal(offenders, []);
});

test("the scan would catch markup written as a template literal", () => {
  assert.ok(PAGE_STRUCTURE.test('return `<section aria-labelledby="id">`;'));
  assert.ok(PAGE_STRUCTURE.test("`<!DOCTYPE html>`"));
  assert.not.ok(PAGE_STRUCTURE.test("`<code>` + escapeHtml(text) + `</code>`"));
});

test.run();
