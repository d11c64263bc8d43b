// The shipped data, checked for what holds of ANY valid registry: it passes the strict check,
// each file makes one page named by its file and one row of the matrix, twins agree with pages,
// aliases redirect to built pages, links resolve, every version has its view, and "last
// updated" is the file's last commit or nothing. Counts and exact texts live with fixtures
// (test/fixtures/matrix-views/); test/writer-scenario.test.ts runs the same checks on a copy a
// writer has changed.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkRegistryInvariants } from "./helpers/registry-invariants.ts";
import { projectRoot } from "./helpers/build-site.ts";

test("the shipped registry: every invariant holds", async () => {
  const { failures, registry, compared } = await checkRegistryInvariants(path.join(projectRoot, "_data/providers"));
  assert.equal(failures, []);
  // The checks really read the build: every capability row and at least one link per provider.
  const capabilities = registry.providers.reduce((sum, p) => sum + p.capabilities.length, 0);
  assert.ok(compared.rows >= capabilities, `compared ${compared.rows} rows for ${capabilities} capabilities`);
  assert.ok(compared.links >= registry.providers.length, `followed ${compared.links} links`);
});

test.run();
