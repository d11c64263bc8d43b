// The capability matrix's size as the registry grows: the providers of a registry folder copied
// round-robin, as the benchmark registry is (names "OpenAI 00042"), built in memory rather than
// from thousands of files, and every page of the matrix and its views rendered. Run as a script
// (`node --import tsx test/helpers/matrix-sizes.ts <providers folder> <count>...`), it prints
// `matrixSizes` for each count as JSON: render/matrix-budget.test.ts measures in a process of its
// own, beside the other suites.
import { pathToFileURL } from "node:url";
import { loadRegistry } from "../../src/registry/load.ts";
import type { Provider } from "../../src/registry/model.ts";
import { CapabilityMatrix } from "../../src/render/matrix.ts";
import { projectRoot } from "./build-site.ts";
import { renderMatrixPage } from "./templates.ts";

/** The rendered matrix over `count` providers: how many pages, their bytes together, the largest page's. */
export interface MatrixSizes {
  count: number;
  pages: number;
  bytes: number;
  largest: number;
}

/** `count` providers, `providers` copied round-robin with a numbered name and slug. */
export function copies(providers: readonly Provider[], count: number): Provider[] {
  return Array.from({ length: count }, (_, i) => {
    const original = providers[i % providers.length]!;
    const number = String(i + 1).padStart(5, "0");
    return { ...original, name: `${original.name} ${number}`, slug: `${original.slug}-${number}` };
  });
}

/** Every page of the matrix over `count` copies of `providers` rendered: how many, and their bytes. */
export function matrixSizes(providers: readonly Provider[], count: number): MatrixSizes {
  const matrix = new CapabilityMatrix(copies(providers, count));
  let bytes = 0;
  let largest = 0;
  for (const page of matrix.pages) {
    const size = Buffer.byteLength(renderMatrixPage(matrix, page.url));
    bytes += size;
    largest = Math.max(largest, size);
  }
  return { count, pages: matrix.pages.length, bytes, largest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [folder, ...counts] = process.argv.slice(2);
  const { providers } = loadRegistry(folder!, { root: projectRoot });
  process.stdout.write(JSON.stringify(counts.map((count) => matrixSizes(providers, Number(count)))));
}
