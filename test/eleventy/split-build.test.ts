// A command-line build split over processes (src/eleventy/split-build.ts) writes the same site, byte
// for byte, as one process, and publishes it as one: a file of an earlier build is gone. The shipped
// registry is below the size that is split, so `PROVIDER_BUILD_SPLIT_AT` lowers it here.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
