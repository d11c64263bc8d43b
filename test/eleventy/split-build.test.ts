// A command-line build split over processes (src/eleventy/split-build.ts) writes the same site, byte
// for byte, as one process, and publishes it as one: a file of an earlier build is gone. The shipped
// registry is below the size that is split, so `PROVIDER_BUILD_SPLIT_AT` lowers it here.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import { type NodeRun, runNode } from "../helpers/run-node.ts";
import * as assert from "uvu/assert";
import { projectRoot } from "../helpers/build-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "provider-reference-split-"));
const providersDir = path.join(projectRoot, "_data/providers");

function build(output: string, env: Record<string, string>): Promise<NodeRun> {
  return runNode(["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], {
    PROVIDERS_DIR: providersDir,
    ELEVENTY_OUTPUT: output,
    ...env,
  });
}

/** Every file under `dir`, relative, with its bytes. */
function files(dir: string, under = ""): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) for (const [file, bytes] of files(dir, relative)) found.set(file, bytes);
    else found.set(relative, readFileSync(path.join(dir, relative)));
  }
  return found;
}

const single = path.join(work, "single");
const split = path.join(work, "split");
// An earlier build's page, for a provider that no longer exists.
mkdirSync(path.join(split, "ai-providers/removed-provider"), { recursive: true });
writeFileSync(path.join(split, "ai-providers/removed-provider/index.html"), "<p>stale</p>");
const builds = Promise.all([
  build(single, { PROVIDER_BUILD_SPLIT_AT: "100000" }),
  build(split, { PROVIDER_BUILD_SPLIT_AT: "2" }),
]);

test("a build split over two processes writes the same files, the same bytes, as one process", async () => {
  const [one, two] = await builds;
  assert.is(one.code, 0, one.output);
  assert.is(two.code, 0, two.output);
  const expected = files(single);
  const written = files(split);
  const providerPages = [...written.keys()].filter((file) => /^ai-providers\/[^/]+\/index\.html$/.test(file));
  assert.ok(providerPages.length >= 2, "provider pages were written");
  assert.equal([...written.keys()].sort(), [...expected.keys()].sort());
  for (const [file, bytes] of expected) assert.ok(bytes.equals(written.get(file)!), `${file} differs`);
});

test("a split build publishes one folder: nothing of an earlier build stays, no staging folder is left", async () => {
  await builds;
  assert.not.ok(files(split).has("ai-providers/removed-provider/index.html"));
  assert.equal(readdirSync(work).sort(), ["single", "split"], "no `.building` or `.previous` folder beside the output");
});

/** The processes whose environment names `PROVIDERS_DIR=<dir>` (this test's builds and their helpers). */
function processesBuilding(dir: string): number[] {
  return readdirSync("/proc").flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`PROVIDERS_DIR=${dir}`)
        ? [Number(pid)]
        : [];
    } catch {
      return []; // gone meanwhile, or not ours to read
    }
  });
}

test("a data mistake stops a split build once: its helpers, started before the data was read, stop too", async () => {
  await builds;
  const broken = path.join(work, "broken-registry");
  cpSync(providersDir, broken, { recursive: true });
  const file = readdirSync(broken).find((f) => f.endsWith(".yaml"))!;
  writeFileSync(
    path.join(broken, file),
    readFileSync(path.join(broken, file), "utf8").replace(/^name: .*$/m, "name: 7"),
  );
  const output = path.join(work, "broken");
  const run = await runNode(
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"],
    { PROVIDERS_DIR: broken, ELEVENTY_OUTPUT: output, PROVIDER_BUILD_SPLIT_AT: "2" },
  );
  assert.is(run.code, 1, run.output);
  assert.is(run.output.split(`${file}:`).length - 1, 1, `the mistake is printed once:\n${run.output}`);
  assert.not.ok(existsSync(output), "nothing is written");
  // The helpers were killed with the first process (give the kernel a moment to reap them).
  for (let tries = 0; processesBuilding(broken).length > 0 && tries < 50; tries++)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(processesBuilding(broken), [], "no helper process is left running");
  rmSync(broken, { recursive: true, force: true });
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
