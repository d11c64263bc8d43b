import { test } from "uvu";
import * as assert from "uvu/assert";
import { stopCliBuildOnDataError } from "../../src/eleventy/check-before-build.ts";
import { DataError } from "../../src/registry/errors.ts";

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

/** Runs a CLI-build check with process.exit and stderr caught: what it printed, and the exit code. */
function stoppedBuild(load: () => unknown): { printed: string; code: number | undefined } {
  let printed = "";
  let code: number | undefined;
  const exit = process.exit;
  const write = process.stderr.write;
  process.exit = ((status?: number) => {
    code = status;
    throw new Error("exit");
  }) as typeof process.exit;
  process.stderr.write = ((chunk: string) => {
    printed += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    withEnv({ ELEVENTY_SOURCE: "cli", ELEVENTY_RUN_MODE: "build" }, () => {
      try {
        stopCliBuildOnDataError(load, "_data/providers");
      } catch (error) {
        if ((error as Error).message !== "exit") throw error;
      }
    });
  } finally {
    process.exit = exit;
    process.stderr.write = write;
  }
  return { printed, code };
}

test("in a CLI build, a data mistake is printed alone and the build stops having written nothing", () => {
  const stopped = stoppedBuild(() => {
    throw new DataError("_data/providers/x.yaml:1:1: `name`: found ...");
  });
  assert.is(stopped.code, 1);
  assert.is(
    stopped.printed,
    "_data/providers/x.yaml:1:1: `name`: found ...\nThe build stopped before writing any file.\n",
  );
});

test("in a CLI build, a bug in our code is an internal error naming what was processed, with no stack trace", () => {
  const stopped = stoppedBuild(() => {
    throw new TypeError("a bug in our code");
  });
  assert.is(stopped.code, 1);
  assert.is(
    stopped.printed,
    "internal error while processing _data/providers: a bug in our code. This is a bug in the site's code, not " +
      "in the file: please report it with the file attached.\nThe build stopped before writing any file.\n",
  );
  assert.not.match(stopped.printed, /\bat .*:\d+/);
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
