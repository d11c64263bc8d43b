// `npm run export`: our registry as Kong's single file, for the fixture registry (byte for byte)
// and for the shipped one (invariants only: a writer's next pull request changes its contents).
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { KONG_PARAMETERS } from "../../src/kong-registry/kong-format.ts";
import { kongProviders, kongRegistryText } from "../../src/kong-registry/export-kong.ts";
import { inlineMarkdown } from "../../src/outputs/markdown-text.ts";
import { RegistryError } from "../../src/registry/errors.ts";
import { loadRegistry, providerFiles } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";
import { runNode } from "../helpers/run-node.ts";

const shippedDir = path.join(projectRoot, "_data/providers");
const options = { root: projectRoot };

test("the fixture registry exports to the expected file, byte for byte", () => {
  const expected = readFileSync(fixture("kong-registry/our-registry.kong.yaml"), "utf8");
  assert.fixture(kongRegistryText(fixture("kong-registry/our-registry"), options), expected);
});

test("the shipped registry exports one entry per provider file, in the registry's order, with url_pattern", () => {
  const exported = parse(kongRegistryText(shippedDir, options)) as { providers: any[]; parameters: unknown };
  const registry = loadRegistry(shippedDir, options);
  assert.is(exported.providers.length, providerFiles(shippedDir).length);
  assert.equal(
    exported.providers.map((p) => p.name),
    registry.providers.map((p) => p.name),
  );
  assert.equal(exported.parameters, KONG_PARAMETERS);
  for (const [index, entry] of exported.providers.entries()) {
    const provider = registry.providers[index]!;
    assert.is(entry.url_pattern, entry.url_patterns[0], `${provider.name}: the seed's url_pattern is the first URL`);
    assert.equal(entry.url_patterns, provider.urlPatterns, `${provider.name}: url_patterns`);
    // Every supported capability carries its values as the Markdown twin writes them: the seed prints them raw.
    for (const capability of provider.capabilities) {
      const [parent, child] = capability.key.split(".") as [string, string | undefined];
      const written = child === undefined ? entry[parent] : entry[parent][child];
      assert.equal(
        [written.upstream_path, written.route_type, written.model_example, written.min_version, written.streaming],
        [
          capability.upstreamPath,
          capability.routeType,
          capability.modelExample,
          capability.minVersion,
          capability.streaming,
        ],
        `${provider.name}: ${capability.key}`,
      );
      const note = capability.note && inlineMarkdown(capability.note.content);
      assert.is(written.note?.content, note, `${provider.name}: ${capability.key} note`);
    }
  }
});

test("a registry with mistakes exports nothing: the check's error says why", () => {
  assert.throws(
    () => kongProviders(fixture("several-mistakes"), options),
    (error: unknown) => error instanceof RegistryError && error.problems.some((p) => p.severity === "error"),
  );
});

test("npm run export: to stdout, or to --out; a usage mistake says how to call it", async () => {
  const printed = await runNode(["--import", "tsx", "scripts/export.ts", "test/fixtures/kong-registry/our-registry"]);
  assert.is(printed.code, 0);
  assert.fixture(printed.output, readFileSync(fixture("kong-registry/our-registry.kong.yaml"), "utf8"));
  const wrong = await runNode(["--import", "tsx", "scripts/export.ts", "--out"]);
  assert.is(wrong.code, 1);
  assert.is(wrong.output, "Usage: npm run export -- [folder] [--out <file>]\n");
  const broken = await runNode(["--import", "tsx", "scripts/export.ts", "test/fixtures/several-mistakes"]);
  assert.is(broken.code, 1);
  assert.match(broken.output, /^The provider registry has \d+ errors?/);
  assert.not.match(broken.output, "    at ", "no stack trace");
});

test.run();
