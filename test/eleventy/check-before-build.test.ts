import { test } from "uvu";
import * as assert from "uvu/assert";
import { stopCliBuildOnDataError } from "../../src/eleventy/check-before-build.ts";

const withEnv = (env: Record<string, string | undefined>, body: () => void) => {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    body();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
};

test("in a CLI build, an error that is not a data mistake is rethrown as it is, stack and all", () => {
  const bug = new TypeError("a bug in our code");
  withEnv({ ELEVENTY_SOURCE: "cli", ELEVENTY_RUN_MODE: "build" }, () => {
    try {
      stopCliBuildOnDataError(() => {
        throw bug;
      });
      assert.unreachable("should rethrow");
    } catch (error) {
      assert.is(error, bug);
    }
  });
});

test("the dev server and programmatic builds do not load early: their errors come from eleventy.before", () => {
  let loads = 0;
  for (const env of [
    { ELEVENTY_SOURCE: "cli", ELEVENTY_RUN_MODE: "serve" },
    { ELEVENTY_SOURCE: "script", ELEVENTY_RUN_MODE: "build" },
  ]) {
    withEnv(env, () => stopCliBuildOnDataError(() => loads++));
  }
  assert.is(loads, 0);
});

test.run();
