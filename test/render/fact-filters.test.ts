import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { factFilters } from "../../src/render/fact-filters.ts";

const intl = new Intl.NumberFormat("en");

test("count groups whole numbers as Intl does, and leaves any other number to Intl", () => {
  for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_234_567, Number.MAX_SAFE_INTEGER, -1_500, 2.5, Number.NaN]) {
    assert.is(factFilters.count(n), intl.format(n), String(n));
  }
  fc.assert(fc.property(fc.nat(), (n) => factFilters.count(n) === intl.format(n)));
});

test.run();
