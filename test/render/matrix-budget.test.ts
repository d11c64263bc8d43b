// The matrix's size as the registry grows: the shipped providers copied round-robin, as the
// benchmark registry is (names "OpenAI 00042"), built in memory rather than from 10,000 files.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Provider } from "../../src/registry/model.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { renderMatrixPage } from "../helpers/templates.ts";
import { CapabilityMatrix } from "../../src/render/matrix.ts";
import { projectRoot } from "../helpers/build-site.ts";

const shipped = loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot }).providers;

/** `count` providers, the shipped ones copied round-robin with a numbered name and slug. */
function copies(count: number): Provider[] {
  return Array.from({ length: count }, (_, i) => {
    const original = shipped[i % shipped.length]!;
    const number = String(i + 1).padStart(5, "0");
    return { ...original, name: `${original.name} ${number}`, slug: `${original.slug}-${number}` };
  });
}

/** Every page of the matrix rendered: how many, and their bytes. */
function measure(count: number) {
  const matrix = new CapabilityMatrix(copies(count), "Kong AI Gateway");
  let bytes = 0;
  for (const page of matrix.pages) bytes += Buffer.byteLength(renderMatrixPage(matrix, page.url));
  return { pages: matrix.pages.length, megabytes: bytes / 1e6 };
}

test("1,000 providers: every page of the matrix and its views together within 5 MB", () => {
  const { pages, megabytes } = measure(1_000);
  assert.ok(megabytes <= 5, `${megabytes.toFixed(2)} MB`);
  assert.ok(pages > 23 && pages < 80, `${pages} pages`);
});

test("10,000 providers: within 40 MB, no page of the matrix larger than 400 KB", () => {
  const matrix = new CapabilityMatrix(copies(10_000), "Kong AI Gateway");
  let bytes = 0;
  let largest = 0;
  for (const page of matrix.pages) {
    const size = Buffer.byteLength(renderMatrixPage(matrix, page.url));
    bytes += size;
    largest = Math.max(largest, size);
  }
  assert.ok(bytes / 1e6 <= 40, `${(bytes / 1e6).toFixed(2)} MB`);
  assert.ok(largest <= 400_000, `largest page ${largest} bytes`);
});

test.run();
