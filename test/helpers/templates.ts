import { CAPABILITIES } from "../../src/catalogue.ts";
import type { CapabilityMatrix } from "../../src/render/matrix.ts";
import { createTemplateEngine } from "../../src/render/template-engine.ts";
import { testSite } from "./providers.ts";

const engine = createTemplateEngine("html");
let rowsOf: CapabilityMatrix | undefined;
engine.registerFilter("matrixRows", { handler: (url: string) => rowsOf!.rows(url), raw: true });

/** Renders an include from `_includes/` with the build's HTML filters, as a page would. */
export function renderInclude(file: string, data: object): string {
  return engine.renderFileSync(file, data);
}

/**
 * The body of one page of the matrix (below its heading), from `_includes/matrix/body.liquid`, as the build renders
 * it.
 */
export function renderMatrixPage(matrix: CapabilityMatrix, url: string, product = "Kong AI Gateway"): string {
  const matrixPage = matrix.pages.find((page) => page.url === url);
  if (!matrixPage) throw new Error(`No page of the capability matrix is at ${url}.`);
  rowsOf = matrix;
  return renderInclude("matrix/body", {
    matrixPage,
    site: { ...testSite, product },
    capabilityMatrix: {
      filterLinks: matrix.filterLinks,
      columnGroups: matrix.columnGroups,
      capabilityCount: CAPABILITIES.length,
    },
  });
}
