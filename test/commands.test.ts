// The commands writers run, as they run them: `npm run build` (Eleventy's CLI), `npm run check`
// and `npm run new-provider`, for their exit codes and output. Each is a child process; they
// start together, so the suite waits for the slowest, not for their sum. What they print is
// tested in-process in test/registry/ and test/scripts/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import { type NodeRun, runNode } from "./helpers/run-node.ts";
import * as assert from "uvu/assert";
import { fixture } from "./helpers/build-site.ts";

/** `node --import tsx <script> <args>` without colour, so messages compare as text. */
const run = (script: string, args: string[], env: Record<string, string> = {}): Promise<NodeRun> =>
  runNode(["--import", "tsx", script, ...args], { NO_COLOR: "1", FORCE_COLOR: "0", ...env });

const eleventy = "node_modules/@11ty/eleventy/cmd.cjs";
const build = (providersDir: string, outputDir: string) =>
  run(eleventy, ["--config=eleventy.config.ts", "--quiet"], {
    PROVIDERS_DIR: providersDir,
    ELEVENTY_OUTPUT: outputDir,
  });
const temporaries: string[] = [];
const temporary = (what: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `provider-reference-${what}-`));
  temporaries.push(dir);
  return dir;
};
const count = (text: string, part: string) => text.split(part).length - 1;
const STACK_FRAME = /\bat .+:\d+:\d+\)?$/m;

const brokenOutput = temporary("broken-out");
const brokenBuild = build(fixture("wrong-types"), brokenOutput);
const checkBroken = run("scripts/check.ts", [fixture("malformed-yaml")]);

// Scaffold into an empty registry, then build it.
const scaffoldDir = temporary("scaffold");
const scaffoldOutput = temporary("scaffold-out");
const scaffolding = (async () => {
  const created = await run("scripts/new-provider.ts", ["Example AI"], { PROVIDERS_DIR: scaffoldDir });
  return { created, built: await build(scaffoldDir, scaffoldOutput) };
})();

// new-provider's usage, a refused name, and the same name under --slug: each in an empty folder of its own.
const helpDir = temporary("help");
const asking = run("scripts/new-provider.ts", ["--help"], { PROVIDERS_DIR: helpDir });
const refusedDir = temporary("refused");
const refusing = run("scripts/new-provider.ts", ["Streaming"], { PROVIDERS_DIR: refusedDir });
const slugDir = temporary("slug");
const slugging = run("scripts/new-provider.ts", ["Streaming", "--slug", "streaming-ai"], { PROVIDERS_DIR: slugDir });

const firstError =
  "test/fixtures/wrong-types/wrong-types.yaml:2:15: `url_patterns`: found " +
  '"https://api.example.com/{route_type_path}", expected a list.';

test("a data error stops the build: exit 1, every problem printed once, no stack, nothing written", async () => {
  const { code, output } = await brokenBuild;
  assert.is(code, 1, output);
  assert.is(count(output, firstError), 1, output);
  assert.match(output, "The provider registry has 7 errors:");
  assert.match(output, "The build stopped before writing any file.");
  assert.not.match(output, STACK_FRAME, "no stack trace");
  assert.not.match(output, "Original error stack trace");
  assert.equal(readdirSync(brokenOutput), [], "the empty output folder stays empty");
});

test("npm run check prints the build's messages and exits 1 on errors", async () => {
  const { code, output } = await checkBroken;
  assert.is(code, 1, output);
  assert.match(output, "The provider registry has 6 errors:");
  assert.match(
    output,
    "test/fixtures/malformed-yaml/unclosed-quote.yaml:2:7: `name`: found a value that opens with ' but is " +
      "never closed, expected a closing '. Add ' at the end of the value.",
  );
  assert.not.match(output, STACK_FRAME);
});

test("new-provider scaffolds a file with every capability listed, and the build passes at once", async () => {
  const { created, built } = await scaffolding;
  assert.is(created.code, 0, created.output);
  assert.match(created.output, "example-ai.yaml. Fill in the base URL");
  const text = readFileSync(path.join(scaffoldDir, "example-ai.yaml"), "utf8");
  assert.match(text, /^# yaml-language-server: \$schema=\S+schema\/provider\.schema\.json\n/);
  assert.match(text, "name: 'Example AI'");
  assert.is(count(text, "supported: false"), 15, "every capability is listed, not supported");
  assert.is(built.code, 0, built.output);
  const page = path.join(scaffoldOutput, "ai-providers/example-ai/index.html");
  assert.ok(existsSync(page), "the provider page is written");
  assert.match(readFileSync(page, "utf8"), "No capabilities of Example AI are supported yet.");
});

test("new-provider --help prints its usage and writes nothing", async () => {
  const { code, output } = await asking;
  assert.is(code, 0, output);
  assert.match(output, 'Usage: npm run new-provider -- "Provider name" [--slug <slug>]');
  assert.match(output, "--slug <slug>");
  assert.equal(readdirSync(helpDir), [], "no file is written");
});

test("new-provider refuses a name whose slug the site keeps, names --slug, and writes nothing", async () => {
  const { code, output } = await refusing;
  assert.is(code, 1, output);
  assert.match(output, 'found "Streaming", which makes the slug "streaming"');
  assert.match(output, 'choose the page\'s slug with --slug: npm run new-provider -- "Streaming" --slug streaming-ai');
  assert.not.match(output, STACK_FRAME);
  assert.equal(readdirSync(refusedDir), [], "no file is written");
});

test("new-provider --slug writes the file under that slug, with the slug in it", async () => {
  const { code, output } = await slugging;
  assert.is(code, 0, output);
  assert.equal(readdirSync(slugDir), ["streaming-ai.yaml"]);
  const text = readFileSync(path.join(slugDir, "streaming-ai.yaml"), "utf8");
  assert.match(text, "name: 'Streaming'\nslug: 'streaming-ai'\n");
});

test.after(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

test.run();
