import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../helpers/build-site.ts";
import { builtSite, htmlPages } from "../helpers/built-site.ts";

test("html-validate (recommended rules) reports no error on any built page", async () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8")));
  const pages = htmlPages(await builtSite());
  assert.ok(pages.length > 40, `${pages.length} pages`);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  assert.equal(problems, []);
});

test.run();
