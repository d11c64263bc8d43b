// One rule book: for every rule that can stop a build (and the scaffold's warnings), `npm run
// check` and the command-line build give the same verdict and the same message. Each build is
// Eleventy's CLI over a fixture registry (PROVIDERS_DIR); they start together and run beside
// each other, so the suite waits for the slowest.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import { type NodeRun, runNode } from "./helpers/run-node.ts";
import * as assert from "uvu/assert";
import { fixture, projectRoot } from "./helpers/build-site.ts";

/** `node <args>` without colour, so messages compare as text. */
const run = (args: string[], env: Record<string, string> = {}): Promise<NodeRun> =>
  runNode(args, { NO_COLOR: "1", FORCE_COLOR: "0", ...env });

/** `npm run build` as package.json says it: Eleventy's command line (`eleventy`, its `cmd.cjs`). */
const scriptOfBuild: string = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts.build;
const build = { env: {}, args: ["node_modules/@11ty/eleventy/cmd.cjs"] };

test("`npm run build` is Eleventy's own command line", () => {
  assert.is(scriptOfBuild, "eleventy");
});

const temporaries: string[] = [];
const temporary = (what: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `rule-book-${what}-`));
  temporaries.push(dir);
  return dir;
};
const relative = (dir: string) => path.relative(projectRoot, dir);

/** `npm run check` and `npm run build` (as their scripts run them) over one registry folder. */
function both(dir: string) {
  const out = temporary("out");
  return {
    out,
    outcomes: Promise.all([
      run(["--import", "tsx", "scripts/check.ts", relative(dir)]),
      // `npm run build` as package.json says it, with its default configuration file.
      run([...build.args, "--quiet"], {
        ...build.env,
        PROVIDERS_DIR: relative(dir),
        ELEVENTY_OUTPUT: out,
      }),
    ]),
  };
}

const errors: [string, string, string][] = [
  [
    "a slug that is one of the site's own paths",
    fixture("rule-book/reserved-slug"),
    '`name`: found "Streaming", which makes the slug "streaming"',
  ],
  [
    "an alias that is one of the site's own paths",
    fixture("rule-book/reserved-alias"),
    '`aliases[1]`: found "streaming", which makes /ai-providers/streaming/',
  ],
  ["a version not in canonical X.Y", fixture("min-versions"), '`files.min_version`: found "3.10.0"'],
  [
    "a file not named after its slug",
    fixture("rule-book/file-name"),
    "Run `git mv test/fixtures/rule-book/file-name/old-name.yaml test/fixtures/rule-book/file-name/new-name.yaml`",
  ],
  ["an empty registry", temporary("empty"), "found no provider file (*.yaml), expected at least one."],
];
const runs = errors.map(([, dir]) => both(dir));
const scaffold = both(fixture("rule-book/untouched-scaffold"));

errors.forEach(([rule, , message], index) => {
  test(`${rule}: check and build both fail, with the same message`, async () => {
    const { out, outcomes } = runs[index]!;
    const [check, build] = await outcomes;
    assert.is(check.code, 1, check.output);
    assert.is(build.code, 1, build.output);
    const report = check.output.trim();
    assert.match(report, message);
    assert.match(report, /^The provider registry has \d+ errors?/);
    // The build prints the check's report, once, then says it wrote nothing.
    assert.is(build.output.split(report).length - 1, 1, build.output);
    assert.match(build.output, "The build stopped before writing any file.");
    assert.not.match(build.output, /\bat .+:\d+:\d+\)?$/m, "no stack trace");
    assert.equal(readdirSync(out), []);
  });
});

test("an untouched scaffold: check and build both pass, printing the same warnings", async () => {
  const [check, build] = await scaffold.outcomes;
  assert.is(check.code, 0, check.output);
  assert.is(build.code, 0, build.output);
  const warnings = check.output.split("\n").filter((line) => line.includes(": warning: "));
  assert.is(warnings.length, 2, check.output);
  assert.match(warnings[0]!, "found the scaffold's placeholder");
  assert.match(warnings[1]!, "found no supported capability");
  for (const warning of warnings) assert.match(build.output, warning);
});

test.after(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

test.run();
