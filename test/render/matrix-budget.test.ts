// The matrix's size as the registry grows: the shipped providers copied round-robin, as the
// benchmark registry is (names "OpenAI 00042"), built in memory rather than from 10,000 files.
// Rendering some 600 pages takes seconds: test/helpers/matrix-sizes.ts renders them in a process of
// its own, started when this file is loaded, beside the suites that run before these tests.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../helpers/build-site.ts";
import type { MatrixSizes } from "../helpers/matrix-sizes.ts";
import { nodeOutput } from "../helpers/run-node.ts";

const sizes = nodeOutput([
  "--import",
  "tsx",
  "test/helpers/matrix-sizes.ts",
  path.join(projectRoot, "_data/providers"),
  "1000",
  "10000",
]).then((json) => JSON.parse(json) as MatrixSizes[]);
sizes.catch(() => {});

test("1,000 providers: every page of the matrix and its views together within 5 MB", async () => {
  const { count, pages, bytes } = (await sizes)[0]!;
  assert.is(count, 1_000);
  const megabytes = bytes / 1e6;
  assert.ok(megabytes <= 5, `${megabytes.toFixed(2)} MB`);
  assert.ok(pages > 23 && pages < 80, `${pages} pages`);
});

test("10,000 providers: within 40 MB, no page of the matrix larger than 400 KB", async () => {
  const { count, bytes, largest } = (await sizes)[1]!;
  assert.is(count, 10_000);
  assert.ok(bytes / 1e6 <= 40, `${(bytes / 1e6).toFixed(2)} MB`);
  assert.ok(largest <= 400_000, `largest page ${largest} bytes`);
});

test.run();
