// Export, then import the export into an empty folder: the same registry comes back, compared
// as loaded and normalised providers, for the shipped registry and the fixture registry. The
// export writes inline-Markdown values in Kong's newer shape (legacy HTML as Markdown, other
// HTML escaped, one line), so those come back in that shape, meaning what they meant.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { kongRegistryText } from "../../src/kong-registry/export-kong.ts";
import { importKongRegistry } from "../../src/kong-registry/import-kong.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { inlineMarkdown } from "../../src/outputs/markdown-text.ts";
import type { Provider } from "../../src/registry/model.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

const siteFile = path.join(projectRoot, "_data/site.yaml");

/** A provider without its file's path, which differs between the two folders by design. */
const content = ({ file: _file, ...rest }: Provider) => rest;

const INLINE_MARKDOWN = new Set(["upstreamPath", "modelExample", "content", "providerSpecific", "statisticsLogging"]);
/** A provider's inline-Markdown values in the shape the export writes them; everything else as it is. */
function inNewerShape(value: unknown, key = ""): unknown {
  if (INLINE_MARKDOWN.has(key) && typeof value === "string") return inlineMarkdown(value);
  if (Array.isArray(value)) return value.map((item) => inNewerShape(item, INLINE_MARKDOWN.has(key) ? key : ""));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inNewerShape(v, k)]));
}

for (const [label, dir] of [
  ["the shipped registry", path.join(projectRoot, "_data/providers")],
  ["the fixture registry", fixture("kong-registry/our-registry")],
] as const) {
  test(`${label}: export, import into an empty folder, and the same providers load`, () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "kong-round-trip-"));
    const kongFile = path.join(root, "ai-proxy.yaml");
    writeFileSync(kongFile, kongRegistryText(dir, { root: projectRoot }));
    const out = path.join(root, "providers");
    const report = importKongRegistry(kongFile, { out, root, siteFile });
    assert.ok(report.ok, report.err.join("\n"));
    // Only Kong's `parameters`, which the export adds for Kong's pages, is not carried back.
    const notCarried = report.out.filter((line) => line.includes(": not carried: "));
    assert.is(notCarried.length, 1, notCarried.join("\n"));
    assert.match(notCarried[0]!, /^ai-proxy\.yaml:\d+:1: `parameters`: not carried: /);
    const before = loadRegistry(dir, { root: projectRoot });
    const after = loadRegistry(out, { root });
    assert.equal(
      after.providers.map(content),
      before.providers.map((p) => inNewerShape(content(p))),
    );
    assert.equal(after.redirects, before.redirects);
    assert.is(after.warnings.length, before.warnings.length, "lint_ignore came back with the rest");
    rmSync(root, { recursive: true, force: true });
  });
}

test.run();
