import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { providerFiles } from "../../src/registry/load.ts";
import { projectRoot } from "../helpers/build-site.ts";
import { builtSite, htmlPages } from "../helpers/built-site.ts";

test("html-validate (recommended rules) reports no error on any built page", async () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8")));
  const pages = htmlPages(await builtSite());
  // Home, matrix, 404 and a page per provider at least.
  const providers = providerFiles(path.join(projectRoot, "_data/providers")).length;
  assert.ok(pages.length >= providers + 3, `${pages.length} pages for ${providers} providers`);
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
