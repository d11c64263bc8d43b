import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { providerFiles } from "../src/registry/load.ts";
import { assertSameFiles, filesUnder, projectRoot } from "./helpers/build-site.ts";

test("two builds of the same data with the README's build command are byte-identical", () => {
  const outputs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), "provider-build-")));
  try {
    for (const out of outputs) {
      const result = spawnSync("npm", ["run", "--silent", "build"], {
        cwd: projectRoot,
        env: { ...process.env, ELEVENTY_OUTPUT: out },
        encoding: "utf8",
      });
      assert.is(result.status, 0, result.stderr);
    }
    const first = filesUnder(outputs[0]!);
    // At least a page, a JSON file and a Markdown twin per provider.
    const providers = providerFiles(path.join(projectRoot, "_data/providers")).length;
    assert.ok(first.length > 3 * providers, `built ${first.length} files for ${providers} providers`);
    assertSameFiles(outputs[1]!, outputs[0]!, "between builds");
  } finally {
    for (const out of outputs) rmSync(out, { recursive: true, force: true });
  }
});

test.run();
