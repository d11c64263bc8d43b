import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkData } from "../../src/registry/check.ts";
import { providerFiles } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

const site = path.join(projectRoot, "_data/site.yaml");

test("the shipped data passes with one OK line", () => {
  const dir = path.join(projectRoot, "_data/providers");
  const report = checkData(dir, site);
  assert.equal(report, {
    ok: true,
    lines: [`OK: ${providerFiles(dir).length} providers in ${dir}, 0 aliases, 0 warnings.`],
  });
});

test("warnings come before the OK line, and aliases are counted", () => {
  const warned = checkData(fixture("route-type-of-another-capability"), site);
  assert.is(warned.ok, true);
  assert.is(warned.lines.length, 2);
  assert.match(warned.lines[0]!, "warning: `completions.route_type`");
  assert.match(warned.lines[1]!, /^OK: 1 provider in .*, 0 aliases, 1 warning\.$/);
  assert.match(checkData(fixture("aliases"), site).lines[0]!, /^OK: 3 providers in .*, 3 aliases, 0 warnings\.$/);
});

test("a data error fails the check with the build's message", () => {
  const report = checkData(fixture("html-in-name"), site);
  assert.is(report.ok, false);
  assert.match(
    report.lines[0]!,
    /^The provider registry has 1 error:\n {2}.*html-in-name\.yaml:1:16: `name`: found HTML/,
  );
});

test.run();
