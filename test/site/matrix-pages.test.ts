// The capability matrix and its views in the shipped site (the one build of the shipped data the site
// and browser suites share). Over 1,000 generated providers: test/eleventy/matrix-pages.test.ts.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { MATRIX_PAGE_SIZE } from "../../src/render/matrix-pagination.ts";
import { distinctVersions } from "../../src/versions.ts";
import { projectRoot, text } from "../helpers/build-site.ts";
import { builtPages, builtSite } from "../helpers/built-site.ts";

test("the shipped data: one page per view while it fits one page, else page navigation", async () => {
  const dir = path.join(projectRoot, "_data/providers");
  const pages = builtPages(await builtSite());
  const { providers } = loadRegistry(dir, { root: projectRoot });
  const matrix = [...pages.values()].filter(
    (p) => /(\/|\.html)$/.test(p.url) && p.dom.querySelector("nav.matrix-filters"),
  );
  // Whatever the data: the matrix, a view per capability, streaming, one per version it names.
  const views = 1 + CAPABILITIES.length + 1 + distinctVersions(providers).length;
  if (providers.length <= MATRIX_PAGE_SIZE) {
    assert.is(matrix.length, views);
    assert.ok(matrix.every((p) => !p.url.includes("/page/") && !p.dom.querySelector("nav.pagination")));
  } else assert.ok(matrix.length > views);
  assert.is(text(pages.get("/ai-providers/")!.dom.querySelector("title")), "AI providers · AI provider reference");
});

test.run();
