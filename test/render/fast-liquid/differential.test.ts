// Whole builds, rendered once by the fast path and once by liquidjs alone (`LIQUID_ENGINE=liquidjs`: Eleventy's
// own engine, and liquidjs for the twins and references): every file the same, byte for byte. Over the shipped
// data, a synthetic registry of 100 providers, and every fixture registry that builds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeSyntheticRegistry } from "../../../scripts/bench/synthetic-registry.ts";
import { loadRegistry } from "../../../src/registry/load.ts";
import type { FastLiquid } from "../../../src/render/fast-liquid/fast-liquid.ts";
import { fixture, projectEleventy, projectRoot, withBuildFolders } from "../../helpers/build-site.ts";
import { runNode } from "../../helpers/run-node.ts";

interface Build {
  /** Every file written, by its path in the output folder (the search index aside: it indexes these pages). */
  files: Map<string, string>;
  /** Eleventy's Liquid engine, when it was the fast one. */
  engine?: FastLiquid;
}

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

async function build(providersDir: string, renderer: "fast" | "liquidjs"): Promise<Build> {
  const out = mkdtempSync(path.join(os.tmpdir(), `fast-liquid-${renderer}-`));
  const previous = process.env.LIQUID_ENGINE;
  if (renderer === "liquidjs") process.env.LIQUID_ENGINE = "liquidjs";
  else delete process.env.LIQUID_ENGINE;
  try {
    let config: any;
    await withBuildFolders(providersDir, out, () => projectEleventy(out, {}, (c) => (config = c)).write());
    const files = new Map<string, string>();
    for (const file of filesUnder(out).filter((f) => !f.startsWith("pagefind/"))) {
      files.set(file, readFileSync(path.join(out, file), "utf8"));
    }
    return { files, engine: config?.libraryOverrides?.liquid };
  } finally {
    if (previous === undefined) delete process.env.LIQUID_ENGINE;
    else process.env.LIQUID_ENGINE = previous;
    rmSync(out, { recursive: true, force: true });
  }
}

async function assertSameBuild(providersDir: string): Promise<void> {
  const reference = await build(providersDir, "liquidjs");
  const fast = await build(providersDir, "fast");
  assert.equal([...fast.files.keys()].sort(), [...reference.files.keys()].sort(), "the same files");
  for (const [file, content] of reference.files) {
    if (fast.files.get(file) !== content) assert.fixture(fast.files.get(file)!, content, file);
  }
  const providers = loadRegistry(providersDir).providers.length;
  const twins = [...fast.files.keys()].filter((file) => file.endsWith("/index.md"));
  assert.is(twins.length, providers, "a twin per provider, compared too");
  // The fast path really rendered the pages: reference builds use Eleventy's own engine, never ours.
  assert.is(reference.engine, undefined);
  assert.ok(fast.engine, "the fast engine was Eleventy's");
  assert.ok(fast.engine!.renders.fast >= providers, `${fast.engine!.renders.fast} pages rendered by the fast path`);
  // Only the shortcode pages (whose Eleventy shortcodes may be asynchronous) go to liquidjs.
  assert.ok(fast.engine!.renders.liquidjs <= 3, `${fast.engine!.renders.liquidjs} pages rendered by liquidjs`);
}

test("the shipped data: every page and twin as liquidjs renders it", async () => {
  await assertSameBuild(path.join(projectRoot, "_data/providers"));
});

test("a synthetic registry of 100 providers: every page and twin as liquidjs renders it", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fast-liquid-registry-"));
  try {
    writeSyntheticRegistry(path.join(projectRoot, "_data/providers"), dir, 100);
    await assertSameBuild(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a command-line build split over processes (as above 2,500 providers): the same files as liquidjs'", async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "fast-liquid-split-"));
  try {
    const registry = path.join(work, "registry");
    writeSyntheticRegistry(path.join(projectRoot, "_data/providers"), registry, 40);
    const cli = (output: string, env: Record<string, string>) =>
      runNode(["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], {
        PROVIDERS_DIR: registry,
        ELEVENTY_OUTPUT: path.join(work, output),
        PROVIDER_BUILD_SPLIT_AT: "2",
        ...env,
      });
    const [reference, fast] = await Promise.all([cli("liquidjs", { LIQUID_ENGINE: "liquidjs" }), cli("fast", {})]);
    assert.is(reference.code, 0, reference.output);
    assert.is(fast.code, 0, fast.output);
    const files = filesUnder(path.join(work, "liquidjs"));
    assert.equal(filesUnder(path.join(work, "fast")), files);
    assert.ok(files.filter((file) => file.endsWith("/index.md")).length === 40, "a twin per provider");
    for (const file of files) {
      const expected = readFileSync(path.join(work, "liquidjs", file), "utf8");
      const actual = readFileSync(path.join(work, "fast", file), "utf8");
      if (actual !== expected) assert.fixture(actual, expected, file);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

// The fixture registries a build accepts (the others stop it before any page is rendered).
const buildable = readdirSync(fixture("."))
  .filter((name) => readdirSync(fixture(name)).some((file) => file.endsWith(".yaml")))
  .filter((name) => {
    try {
      return loadRegistry(fixture(name)).providers.length > 0;
    } catch {
      return false;
    }
  });

test("the fixtures include registries that build", () => {
  assert.ok(buildable.length >= 10, buildable.join(", "));
});

for (const name of buildable) {
  test(`the fixture registry ${name}: every page and twin as liquidjs renders it`, async () => {
    await assertSameBuild(fixture(name));
  });
}

test.run();
