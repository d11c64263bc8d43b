// `npm run build` (scripts/build.mjs): Eleventy's command line and this site's configuration compiled into
// one bundle in `.cache/` and run from V8's code cache. It must write what Eleventy run from its own
// modules writes, make its code cache and make it again when V8 rejects it, and compile again when a
// file it was compiled from changes.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compiledFile } from "../scripts/compiled-file.mjs";
import { bundleScript, exportsAsValues, rewriteImports } from "../scripts/eleventy-bundle.mjs";
import { assertSameFiles, filesUnder, projectRoot } from "./helpers/build-site.ts";

const temporaries: string[] = [];
const temporary = (what: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `build-command-${what}-`));
  temporaries.push(dir);
  return dir;
};

/** Runs `command` in the project folder with `env` added; its exit status and what it printed. */
function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
const npmBuild = (out: string) => run("npm", ["run", "--silent", "build", "--", "--quiet"], { ELEVENTY_OUTPUT: out });

/** The bundle `npm run build` ran last: the newest `.cache/eleventy-build.<hash>.cjs`. */
function currentBundle(): string {
  const cacheDir = path.join(projectRoot, ".cache");
  const bundles = readdirSync(cacheDir).filter((name) => /^eleventy-build\.[0-9a-f]{16}\.cjs$/.test(name));
  assert.is(bundles.length, 1, `one bundle in .cache: ${bundles.join(", ")}`);
  return path.join(cacheDir, bundles[0]!);
}

/** Asserts the two folders hold the same built site (more than a handful of files), byte for byte. */
function assertSameTree(actual: string, expected: string) {
  const built = filesUnder(expected).length;
  assert.ok(built > 10, `${built} files built`);
  assertSameFiles(actual, expected, "from the bundle and from Eleventy's modules");
}

test("npm run build writes what Eleventy run from its own modules writes, and makes its code cache", () => {
  const fromModules = temporary("modules");
  const eleventy = run("node", ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"], { ELEVENTY_OUTPUT: fromModules });
  assert.is(eleventy.status, 0, eleventy.output);

  const fromBundle = temporary("bundle");
  const first = npmBuild(fromBundle);
  assert.is(first.status, 0, first.output);
  assert.not.match(first.output, "runs from its own modules", "the bundle compiled");
  assertSameTree(fromBundle, fromModules);

  const bundle = currentBundle();
  assert.ok(existsSync(`${bundle}.v8`), "the code cache is made");
  assert.ok(bundleScript(bundle).cached, "V8 accepts the code cache");

  // Made again when V8 rejects it, and the build is the same.
  writeFileSync(`${bundle}.v8`, "not V8's code cache");
  assert.not.ok(bundleScript(bundle).cached, "V8 rejects what is not its code cache");
  const again = temporary("again");
  const second = npmBuild(again);
  assert.is(second.status, 0, second.output);
  assertSameTree(again, fromModules);
  assert.ok(bundleScript(bundle).cached, "the code cache V8 rejected is made again");

  // A code cache that cannot be written fails nothing: a later build makes it.
  rmSync(`${bundle}.v8`);
  mkdirSync(`${bundle}.v8`);
  try {
    const unwritable = npmBuild(temporary("unwritable"));
    assert.is(unwritable.status, 0, unwritable.output);
    assert.not.match(unwritable.output, /Error|at .+:\d+:\d+/, "nothing printed of it");
    assert.equal(
      readdirSync(path.dirname(bundle)).filter((name) => name.startsWith(`${path.basename(bundle)}.v8.`)),
      [],
      "no half-written cache left",
    );
  } finally {
    rmSync(`${bundle}.v8`, { recursive: true, force: true });
  }
  const remade = npmBuild(temporary("remade"));
  assert.is(remade.status, 0, remade.output);
  assert.ok(bundleScript(bundle).cached, "the next build makes it");
});

test("rewriteImports: a computed import() calls __import with the module's URL; import.meta is the module's", () => {
  const file = "/project/node_modules/some-package/index.js";
  const url = pathToFileURL(file).href;
  const source = [
    'import { a } from "./a.js";',
    'const literal = await import("./literal.js");',
    "const computed = await import(name);",
    'const message = "import(name) in a string"; // import(name) in a comment',
    "const here = new URL('.', import.meta.url), folder = import.meta.dirname, self = import.meta.filename;",
  ].join("\n");
  assert.is(
    rewriteImports(source, file),
    [
      'import { a } from "./a.js";',
      'const literal = await import("./literal.js");',
      `const computed = await __import(name, ${JSON.stringify(url)});`,
      'const message = "import(name) in a string"; // import(name) in a comment',
      `const here = new URL('.', ${JSON.stringify(url)}), folder = "/project/node_modules/some-package", ` +
        `self = ${JSON.stringify(file)};`,
    ].join("\n"),
  );
  // CommonJS, with a return at its top level, parses too.
  assert.is(rewriteImports("if (x) return;\nmodule.exports = () => import(x);", file)?.includes("__import(x, "), true);
  assert.is(rewriteImports('const s = "import(x)";', file), undefined, "nothing to rewrite");
  assert.is(rewriteImports("module.exports = 1;", file), undefined, "nothing that looks like one");
  assert.throws(() => rewriteImports("import.meta.resolve('x');", file), /import\.meta\.resolve/);
  assert.throws(() => rewriteImports("export const meta = import.meta;", file), /import\.meta on its own/);
});

test("exportsAsValues: an ES module gets a CommonJS module's exports as values, not getters", async () => {
  const dir = temporary("esm");
  writeFileSync(path.join(dir, "lib.cjs"), "exports.answer = 42; exports.later = 1;");
  writeFileSync(path.join(dir, "entry.mjs"), 'import * as lib from "./lib.cjs";\nexport const seen = lib;');
  const result = await build({
    entryPoints: [path.join(dir, "entry.mjs")],
    bundle: true,
    format: "cjs",
    platform: "node",
    write: false,
  });
  const bundled = result.outputFiles[0]!.text;
  const load = (text: string) => {
    const module = { exports: {} as { seen: Record<string, unknown> } };
    new Function("module", "exports", "require", text)(module, module.exports, createRequire(import.meta.url));
    return module.exports.seen;
  };
  assert.ok(Object.getOwnPropertyDescriptor(load(bundled), "answer")?.get, "esbuild reads them through getters");
  const seen = load(exportsAsValues(bundled));
  assert.equal(Object.getOwnPropertyDescriptor(seen, "answer"), {
    value: 42,
    writable: false,
    enumerable: true,
    configurable: false,
  });
  assert.throws(() => exportsAsValues("var x = 1;"), /__toESM is not as expected/);
});

test("compiledFile: reused while its sources read the same, compiled again when one changes", async () => {
  const root = temporary("compiled");
  writeFileSync(path.join(root, "entry.mjs"), 'import { two } from "./two.mjs";\nconsole.log(two);');
  writeFileSync(path.join(root, "two.mjs"), "export const two = 2;");
  writeFileSync(path.join(root, "how.mjs"), "// how it is compiled");
  const compile = () =>
    compiledFile(root, {
      name: "example",
      extension: "cjs",
      compiledBy: ["how.mjs"],
      finish: (text: string) => `// finished\n${text}`,
      esbuild: { entryPoints: ["entry.mjs"], bundle: true, format: "cjs", platform: "node", logLevel: "silent" },
    });
  const first = await compile();
  assert.match(path.basename(first), /^example\.[0-9a-f]{16}\.cjs$/);
  assert.match(readFileSync(first, "utf8"), /^\/\/ finished\n[\s\S]*two = 2/);
  const madeAt = statSync(first).mtimeMs;
  assert.is(await compile(), first, "the same sources: the same file");
  assert.is(statSync(first).mtimeMs, madeAt, "not compiled again");

  writeFileSync(path.join(root, "two.mjs"), "export const two = 'two';");
  const second = await compile();
  assert.is.not(second, first, "an imported file changed: compiled again");
  assert.match(readFileSync(second, "utf8"), /two = "two"/);
  assert.not.ok(existsSync(first), "the earlier compilation is removed");

  writeFileSync(path.join(root, "how.mjs"), "// how it is compiled, changed");
  assert.is.not(await compile(), second, "how it is compiled changed: compiled again");
});

test.after(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

test.run();
