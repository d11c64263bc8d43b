// The hostile corpus (test/fixtures/hostile/<class>/): every class checked, in one process with a
// time limit that only guards against a hang, gives exactly the expected message, with no stack
// trace and no secret; `npm run check` and a command-line build, each a process of its own, print
// it for one class of each stage a mistake can stop at; a failed build writes nothing, and the
// harmless class builds its page.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type HostileTiming, hostileCases } from "../scripts/hostile-corpus.ts";
import { BuildData } from "../src/eleventy/build-data.ts";
import { filesUnder, projectRoot } from "./helpers/build-site.ts";
import { nodeOutput } from "./helpers/run-node.ts";

/**
 * Per process: a hang guard, generous enough for a shared machine under load. How fast each class is
 * checked is measured by the benchmark (`npm run bench`: the slowest hostile case), not asserted here.
 */
const LIMIT_MS = 60_000;
/** The harmless class builds a whole site (pages, twins, search index): more than a check, still no hang. */
const BUILD_LIMIT_MS = 120_000;
const STACK_LINE = /^\s+at .+[(:]\d+/m;
const SECRET = /SECRETSECRET|root:x:0:0/;

/** Runs node with `args` from the project root; killed at the time limit (then `signal` is set). */
function run(args: string[], env: Record<string, string>, limit = LIMIT_MS) {
  const started = performance.now();
  return new Promise<{
    status: number | null;
    signal: string | null;
    output: string;
    stderr: string;
    milliseconds: number;
  }>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      // Without FORCE_COLOR (uvu sets it): colour codes would be part of the output compared.
      env: { ...withoutColour(process.env), ...env },
      timeout: limit,
      killSignal: "SIGKILL",
    });
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => {
      output += chunk;
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status, signal) =>
      resolve({ status, signal, output, stderr, milliseconds: performance.now() - started }),
    );
  });
}

function withoutColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...rest } = env;
  return rest;
}

const cases = hostileCases();

test("the corpus has a class for every row of the issue's table, each with its expected message", () => {
  const names = cases.map((c) => c.name);
  for (const name of [
    "not-ours",
    "slow-scans",
    "anchors",
    "long-slug",
    "spoofed-text",
    "not-utf8",
    "links",
    "missing-folder",
    "linked-folder",
    "folder-is-file",
    "site-missing",
    "site-broken",
    "site-bad-url",
    "option-prototype",
    "invisible-text",
    "deep-nesting",
    "yaml-mistakes",
    "site-addresses",
    "config-templates",
    "big-numbers",
    "harmless",
  ]) {
    assert.ok(names.includes(name), name);
  }
  for (const hostile of cases) assert.ok(hostile.expected.length > 0, `${hostile.name}/expected.txt`);
});

/**
 * Every class checked as `npm run check` checks it, in one process (the benchmark's), stopped at the
 * limit if a case hangs: started now, beside the suites that run before this one.
 */
const corpus: Promise<HostileTiming[]> = nodeOutput(
  ["--import", "tsx", "scripts/hostile-corpus.ts"],
  BUILD_LIMIT_MS,
).then((stdout) => JSON.parse(stdout));
corpus.catch(() => {});

/**
 * The classes run through the command lines too, one for each stage a mistake stops at (the providers
 * folder, reading a file, YAML, a rule, the site file) and the harmless one; each command is mostly Node
 * starting up, and every class's verdict is the same `checkData` (above) and `BuildData` (npm start, below).
 */
const THROUGH_THE_COMMANDS = ["linked-folder", "not-utf8", "yaml-mistakes", "links", "site-broken", "harmless"];

for (const hostile of cases) {
  test(`${hostile.name}: the check prints the expected message, with no stack trace and no secret`, async () => {
    const timing = (await corpus).find((t) => t.name === hostile.name);
    assert.ok(timing, `${hostile.name} was checked`);
    assert.not.match(timing!.output, STACK_LINE, "no stack trace");
    assert.not.match(timing!.output, SECRET, "nothing of a linked file");
    assert.is(timing!.output, hostile.expected);
  });
}

for (const hostile of cases.filter((c) => THROUGH_THE_COMMANDS.includes(c.name))) {
  test(
    `${hostile.name}: check and a command-line build print the expected message, and a failed build writes ` +
      `nothing`,
    async () => {
      const env = { PROVIDERS_DIR: hostile.providersDir, SITE_FILE: hostile.siteFile };
      const ok = hostile.expected.startsWith("OK:");
      const out = mkdtempSync(path.join(os.tmpdir(), "hostile-build-"));
      // The check and the build run side by side: each is mostly Node starting up.
      const [check, build] = await Promise.all([
        run(["--import", "tsx", "scripts/check.ts"], env),
        run(
          ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"],
          { ...env, ELEVENTY_OUTPUT: out },
          ok ? BUILD_LIMIT_MS : LIMIT_MS,
        ),
      ]);

      assert.is(check.signal, null, `check stopped after ${Math.round(check.milliseconds)} ms`);
      const checkOutput = check.output;
      assert.not.match(checkOutput, STACK_LINE, "no stack trace");
      assert.not.match(checkOutput, SECRET, "nothing of a linked file");
      assert.is(checkOutput.trimEnd(), hostile.expected);
      assert.is(check.status, ok ? 0 : 1);

      try {
        assert.is(build.signal, null, `build stopped after ${Math.round(build.milliseconds)} ms`);
        const buildOutput = build.output;
        assert.not.match(buildOutput, STACK_LINE, "no stack trace");
        assert.not.match(buildOutput, SECRET, "nothing of a linked file");
        if (ok) {
          assert.is(build.status, 0, build.stderr);
          assertHarmlessPage(out);
        } else {
          assert.is(
            build.stderr,
            `${hostile.expected}\nThe build stopped before writing any file.\n`,
            "the same verdict",
          );
          assert.is(build.status, 1);
          assert.equal(filesUnder(out), [], "nothing written");
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  );
}

test("npm start: every class gives the preview the check's verdict, each mistake one line of the banner", async () => {
  for (const hostile of cases) {
    const data = new BuildData({
      root: projectRoot,
      providersDir: path.join(projectRoot, hostile.providersDir),
      siteFile: path.join(projectRoot, hostile.siteFile),
    });
    const errors: string[] = [];
    const error = console.error;
    const warn = console.warn;
    console.error = (line: string) => errors.push(line);
    console.warn = () => {};
    try {
      await data.start(undefined, true);
    } finally {
      console.error = error;
      console.warn = warn;
    }
    if (hostile.expected.startsWith("OK:")) {
      assert.equal(data.problems, [], hostile.name);
      continue;
    }
    // What the terminal shows is the check's output; each of its listed mistakes is one line of the banner.
    assert.equal(errors, [hostile.expected], hostile.name);
    const listed = hostile.expected
      .split("\n")
      .filter((line) => line.startsWith("  "))
      .map((line) => line.trim());
    assert.equal(data.problems, listed.length ? listed : [hostile.expected], hostile.name);
  }
});

/** The harmless class: a BOM, accented letters, `&` and `>` in a name, legacy HTML and allowed links make a page. */
function assertHarmlessPage(out: string): void {
  const page = path.join(out, "ai-providers/eclair-co-ai/index.html");
  assert.ok(existsSync(page), "the page at the slug made from the name");
  const html = readFileSync(page, "utf8");
  assert.match(html, /Éclair &amp; Co &gt; AI/);
  assert.match(html, /<code>\/<wbr>v1\/<wbr>chat<\/code>/);
  assert.match(html, /<a href="https:\/\/example\.com\/docs">the docs<\/a>/);
  assert.match(html, /<a href="mailto:team@example\.com">mail<\/a>/);
  assert.match(html, /<code>\[code\]\(javascript:shown-<wbr>as-<wbr>code\)<\/code>/, "a link in code is code");
  assert.not.match(html, /href="javascript:/i);
  const twin = readFileSync(path.join(out, "ai-providers/eclair-co-ai/index.md"), "utf8");
  assert.match(twin, /\[the docs\]\(https:\/\/example\.com\/docs\)/);
  assert.not.match(twin, /\uFEFF|\uFFFD/, "the byte-order mark is not part of the text");
}

test.run();
