import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { checkData, dataErrorMessage } from "../../src/registry/check.ts";
import { DataError, InternalError } from "../../src/registry/errors.ts";
import { loadRegistry, providerFiles } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

const site = path.join(projectRoot, "_data/site.yaml");

test("the shipped data passes the strict check with one OK line, counting its files and aliases", () => {
  const dir = path.join(projectRoot, "_data/providers");
  const report = checkData(dir, site, { strict: true });
  const aliases = loadRegistry(dir).providers.reduce((sum, p) => sum + p.aliases.length, 0);
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : one === "alias" ? "es" : "s"}`;
  assert.equal(report, {
    ok: true,
    lines: [`OK: ${plural(providerFiles(dir).length, "provider")} in ${dir}, ${plural(aliases, "alias")}, 0 warnings.`],
  });
});

test("--strict fails on a warning that the plain check only prints", () => {
  const plain = checkData(fixture("lint/streaming-cannot-stream"), site);
  const strict = checkData(fixture("lint/streaming-cannot-stream"), site, { strict: true });
  assert.is(plain.ok, true);
  assert.is(strict.ok, false);
  assert.equal(strict.lines.slice(0, -1), plain.lines.slice(0, -1), "the same warnings");
  assert.match(strict.lines.at(-1)!, /^FAILED \(--strict\): 1 provider in .*, 0 aliases, 1 warning\. Fix each warning/);
});

test("an empty or missing folder is an error, not an empty site", () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), "empty-registry-"));
  assert.equal(checkData(empty, site), {
    ok: false,
    lines: [
      `The provider registry has 1 error:\n  ${path.relative(process.cwd(), empty)}: found no provider file ` +
        `(*.yaml), expected at least one. Add one with \`npm run new-provider -- "Name"\`, or point ` +
        `PROVIDERS_DIR at the folder that holds them.`,
    ],
  });
  assert.match(
    checkData(path.join(empty, "missing"), site).lines[0]!,
    "missing: missing, expected the folder of provider files",
  );
  rmSync(empty, { recursive: true, force: true });
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

test(
  "a missing folder or site file fails the check with one " + "line; a bug of ours is an internal error, never a stack",
  () => {
    assert.equal(checkData(path.join(projectRoot, "no-such-folder"), site, { root: projectRoot }), {
      ok: false,
      lines: [
        "no-such-folder: missing, expected the folder of provider files. Create it, or name another folder (`npm " +
          "run check -- <folder>`, or PROVIDERS_DIR).",
      ],
    });
    assert.equal(checkData(fixture("aliases"), path.join(projectRoot, "no-site.yaml"), { root: projectRoot }).lines, [
      "The site settings have 1 error:\n  no-site.yaml: missing, expected the site settings (title, product, " +
        "addresses). Restore the file from the repository.",
    ]);
    const internal = "internal error while processing _data/providers/a.yaml: x is not a function.";
    assert.is(
      dataErrorMessage(new TypeError("x is not a function"), "_data/providers/a.yaml"),
      `${internal} This is a bug in the site's code, not in the file: please report it with the file attached.`,
    );
    const wrapped = new InternalError("_data/providers/a.yaml", new TypeError("x is not a function"));
    assert.is(
      dataErrorMessage(wrapped, "_data/providers"),
      wrapped.message,
      "the file being processed, not the folder",
    );
    assert.is(dataErrorMessage(new DataError("a data mistake"), "_data/providers"), "a data mistake");
  },
);

test.run();
