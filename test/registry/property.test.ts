// Property: whatever a writer types, loading either succeeds (and every page renders) or fails
// with a located data error. Never a crash, never an error without a place. The inputs are the
// shipped files mutated line by line (keys, values, types, indentation, quotes), provider-like
// mappings of random values, and random text.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { DataError } from "../../src/registry/errors.ts";
import { parseProviderSource, providerFiles, registryFromResults } from "../../src/registry/load.ts";
import { providerDescription } from "../../src/render/describe.ts";
import { renderProviderReference } from "../helpers/templates.ts";
import { loadSiteConfig } from "../../src/site-config.ts";
import { projectRoot } from "../helpers/build-site.ts";

const site = loadSiteConfig(path.join(projectRoot, "_data/site.yaml"));
const shipped = providerFiles(path.join(projectRoot, "_data/providers")).map((file) => ({
  file: `_data/providers/${path.basename(file)}`,
  text: readFileSync(file, "utf8"),
}));

const KEYS = [
  "name",
  "slug",
  "aliases",
  "url_patterns",
  "url_pattern",
  "url_is_variable",
  "min_version",
  "formats",
  "native_formats",
  "limitations",
  "supported",
  "streaming",
  "upstream_path",
  "route_type",
  "model_example",
  "note",
  "content",
  "audio",
  "image",
  "video",
  "embedings",
  "Name",
  "__proto__",
  "constructor",
  "",
  "<<",
  ...CAPABILITIES.map((c) => c.key.split(".").pop()!),
];
const VALUES = [
  "yes",
  "no",
  "true",
  "false",
  "~",
  "null",
  "3.10",
  "3.x",
  "n/a",
  "''",
  '""',
  "'unclosed",
  '"unclosed',
  "[]",
  "{}",
  "[a, b",
  "{a: 1",
  "- a",
  "&anchor x",
  "*anchor",
  "!!binary aGk=",
  "!!str 1",
  "!custom x",
  "|",
  ">-",
  "? x",
  "'<b>bold</b>'",
  "'[x](javascript:alert(1))'",
  "'<a href=\"data:x\">y</a>'",
  "'llm/v1/chatt'",
  "'files/v1/batches'",
  "'Tom''s'",
  "'Tom's'",
  "x: y",
  "# comment",
  "1e400",
  "-0",
  ".nan",
  "0x1F",
  "2024-01-01",
  "'\\u0000'",
];
const LINES = [
  "---",
  "...",
  "%YAML 1.2",
  "key: value",
  "  - item",
  "chat:",
  "  supported: true",
  "\t- tab",
  "@",
  "`",
  "& *",
];

type Mutation = (lines: string[]) => string[];
const pick = <T>(items: T[], index: number) => items[index % items.length]!;
const text = fc.string({ maxLength: 24, unit: "binary" });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.filter((_, j) => j !== i % lines.length),
  ),
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.flatMap((line, j) => (j === i % lines.length ? [line, line] : [line])),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(
    ([i, delta]): Mutation =>
      (lines) =>
        lines.map((line, j) =>
          j !== i % lines.length ? line : delta > 0 ? " ".repeat(delta) + line : line.slice(-delta),
        ),
  ),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...VALUES), text)).map(
    ([i, value]): Mutation =>
      (lines) =>
        lines.map((line, j) =>
          j === i % lines.length && line.includes(": ") ? `${line.slice(0, line.indexOf(": ") + 2)}${value}` : line,
        ),
  ),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...KEYS), text)).map(
    ([i, key]): Mutation =>
      (lines) =>
        lines.map((line, j) =>
          j === i % lines.length ? line.replace(/^(\s*(?:- )?)[^:\s][^:]*:/, `$1${key}:`) : line,
        ),
  ),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...LINES), text)).map(
    ([i, inserted]): Mutation =>
      (lines) => [...lines.slice(0, i % (lines.length + 1)), inserted, ...lines.slice(i % (lines.length + 1))],
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Mutation =>
      (lines) => {
        const copy = [...lines];
        const [a, b] = [i % copy.length, j % copy.length];
        [copy[a], copy[b]] = [copy[b]!, copy[a]!];
        return copy;
      },
  ),
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.slice(0, i % (lines.length + 1)),
  ),
);

const mutatedFile = fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([index, mutations]) => {
  const original = pick(shipped, index);
  const lines = mutations.reduce(
    (current, mutate) => (current.length ? mutate(current) : current),
    original.text.split("\n"),
  );
  return { file: original.file, text: lines.join("\n") };
});

const providerLike = fc
  .dictionary(
    fc.constantFrom(...KEYS),
    fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 2 }))),
    { maxKeys: 8 },
  )
  .map((value) => ({ file: "_data/providers/random.yaml", text: stringify(value) }));

const randomText = fc
  .string({ maxLength: 200, unit: "binary" })
  .map((value) => ({ file: "_data/providers/noise.yaml", text: value }));

/** Loads the file beside an untouched shipped file (so cross-file checks run too), renders what loads. */
function loadsOrFailsWithLocatedDataError({ file, text: source }: { file: string; text: string }) {
  const result = parseProviderSource(source, file);
  const lineCount = source.split("\n").length;
  for (const problem of result.problems) {
    assert.type(problem.message, "string");
    assert.ok(problem.position, `located: ${problem.message}`);
    assert.ok(
      problem.position.line >= 1 && problem.position.line <= lineCount + 1,
      `in the file: ${problem.position.line}`,
    );
  }
  const neighbour = pick(shipped, source.length);
  const others = neighbour.file === file ? [] : [parseProviderSource(neighbour.text, neighbour.file)];
  try {
    const registry = registryFromResults([result, ...others].sort((a, b) => a.file.localeCompare(b.file)));
    for (const provider of registry.providers) {
      renderProviderReference(provider, site);
      providerDescription(provider, site);
    }
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
  }
}

test("mutated shipped files load or fail with a located data error, never a crash", () => {
  fc.assert(fc.property(mutatedFile, loadsOrFailsWithLocatedDataError), { numRuns: 400 });
});

test("provider-like mappings of random values load or fail with a located data error", () => {
  fc.assert(fc.property(providerLike, loadsOrFailsWithLocatedDataError), { numRuns: 200 });
});

test("random text loads or fails with a located data error", () => {
  fc.assert(fc.property(randomText, loadsOrFailsWithLocatedDataError), { numRuns: 200 });
});

test("a mutation that keeps the file valid still renders: the shipped files themselves", () => {
  for (const file of shipped) loadsOrFailsWithLocatedDataError(file);
});

test.run();
