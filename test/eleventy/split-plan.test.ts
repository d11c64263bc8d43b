// How a split build shares the provider pages out (src/eleventy/split-build.ts `splitPlan`): every
// page once, in registry order, and no process with so many pages that its memory passes the limit
// (issue 8: 500 MiB a process at 10,000 providers; a page costs about 80 KB held in a process).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { matrixShareOf, splitPlan } from "../../src/eleventy/split-build.ts";

test("every provider page is written by exactly one process, in registry order", () => {
  for (const count of [2, 3, 17, 300, 999, 2500, 2501, 10_000, 10_555, 25_000]) {
    const { first, helpers } = splitPlan(count);
    assert.ok(first >= 1, `${count}: the first process writes some pages`);
    assert.ok(helpers.length >= 1, `${count}: at least one helper`);
    let next = first;
    for (const { from, to } of helpers) {
      assert.is(from, next, `${count}: ranges follow one another`);
      assert.ok(to > from, `${count}: no empty range`);
      next = to;
    }
    assert.is(next, count, `${count}: the last range ends with the last provider`);
  }
});

test("at 10,000 providers no process holds more than about 3,000 pages, and the first the fewest", () => {
  const { first, helpers } = splitPlan(10_000);
  const sizes = helpers.map(({ from, to }) => to - from);
  assert.is(helpers.length + 1, 4, "one process per 2,500 pages");
  for (const size of sizes) assert.ok(size <= 3100, `a helper holds ${size} pages`);
  // The first also loads the registry and writes the small pages and /api/providers.json.
  assert.ok(first < Math.min(...sizes) / 2, `the first holds ${first} pages`);
});

test("the matrix's pages are shared out among the helpers: every page once, some of each view to each", () => {
  const pages = Array.from({ length: 1_401 }, (_, n) => n);
  for (const helpers of [1, 2, 3, 7]) {
    const shares = Array.from({ length: helpers }, (_, k) => matrixShareOf(k, helpers)(pages));
    assert.equal(
      shares.flat().sort((a, b) => a - b),
      pages,
      `${helpers} helpers`,
    );
    for (const share of shares) assert.ok(share.length >= Math.floor(pages.length / helpers));
  }
});

test.run();
