import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { providerFiles } from "../src/registry/load.ts";
import { assertSameFiles, filesUnder, projectRoot } from "./helpers/build-site.ts";
import { builtSite } from "./helpers/built-site.ts";

test("two builds of the same data with the README's build command are byte-identical", async () => {
  // The first: the build of the shipped data the site and browser suites share (`npm run build` too).
  const first = await builtSite();
  const second = mkdtempSync(path.join(os.tmpdir(), "provider-build-"));
  try {
    const result = spawnSync("npm", ["run", "--silent", "build"], {
      cwd: projectRoot,
      env: { ...process.env, ELEVENTY_OUTPUT: second },
      encoding: "utf8",
    });
    assert.is(result.status, 0, result.stderr);
    const files = filesUnder(first);
    // At least a page, a JSON file and a Markdown twin per provider.
    const providers = providerFiles(path.join(projectRoot, "_data/providers")).length;
    assert.ok(files.length > 3 * providers, `built ${files.length} files for ${providers} providers`);
    assertSameFiles(second, first, "between builds");
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});

test.run();
