// The one YAML reader (src/registry/yaml-file.ts, on the `yaml` package): the value, where each
// field stands, and every mistake of a file, each located and worded with its fix.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MAX_DEPTH, parseYaml } from "../../src/registry/yaml-file.ts";

/** `line:column message` of each problem, in file order. */
const problems = (source: string) =>
  parseYaml(source).problems.map((p) => `${p.position.line}:${p.position.column} ${p.message}`);

test("a well-formed file: its value, and each key, value and scalar located", () => {
  const parsed = parseYaml("name: 'Example AI'\nchat:\n  supported: true\nurl_patterns:\n  - \"https://a.example\"\n");
  assert.equal(parsed.value, {
    name: "Example AI",
    chat: { supported: true },
    url_patterns: ["https://a.example"],
  });
  assert.equal(parsed.problems, []);
  assert.is(parsed.malformed, false);
  assert.equal(parsed.positions.key.get("chat.supported"), { line: 3, column: 3 });
  assert.equal(parsed.positions.value.get("chat.supported"), { line: 3, column: 14 });
  assert.equal(parsed.positions.key.get("url_patterns.0"), { line: 5, column: 5 });
  const scalar = parsed.positions.scalar.get("name")!;
  assert.is(parsed.source.slice(scalar.start, scalar.end), "'Example AI'", "quotes included");
  assert.equal(parsed.positions.value.get("chat"), { line: 3, column: 3 }, "a mapping stands at its first key");
});

test("every syntax mistake of a file is reported in one run, a cascade after one left out", () => {
  const source = [
    "name: 'Tom's AI'",
    "chat:",
    "  upstream_path: `/v1/chat`",
    "  model_example: see: the docs",
    "completions:",
    "\tstreaming: true",
    "formats: [openai",
  ].join("\n");
  const found = problems(source).map((p) => p.slice(0, p.indexOf(",")));
  assert.equal(found, [
    "1:12 found text after the closing '",
    "3:18 found a value that starts with a backtick (`)",
    "4:18 found `: ` inside a value without quotes",
    "6:1 found a tab in the indentation",
    "7:10 found a list in `[` that is never closed",
  ]);
  assert.ok(parseYaml(source).malformed);
});

test("a key given twice names both places; the last value is read", () => {
  const parsed = parseYaml("chat:\n  supported: false\n  supported: true\n");
  assert.equal(parsed.problems, [
    {
      position: { line: 3, column: 3 },
      field: "chat.supported",
      message:
        "found `supported` a second time, expected each key once in a mapping (the first `supported` is at " +
        "line 2, column 3). Keep one of them.",
    },
  ]);
  assert.equal(parsed.value, { chat: { supported: true } });
  assert.is(parsed.malformed, false, "the rest of the file is read as written");
});

test("anchors, aliases (as values or keys) and tags are refused before anything is built", () => {
  for (const source of ["a: &x 1\nb: *x\n", "? *k\n: 1\n", "a: &x\n  b: 1\n"]) {
    const parsed = parseYaml(source);
    assert.ok(parsed.refused, source);
    assert.is(parsed.value, undefined, source);
  }
  assert.match(problems("a: &big 1\n")[0]!, /^1:4 found the YAML anchor `&big`/);
  assert.match(problems("a: !!str 1\n")[0]!, /^1:4 found the YAML tag `!!str`/);
});

test(`nesting past ${MAX_DEPTH} levels is a located problem, in brackets or indentation, never a crash`, () => {
  const flow = `a: ${"[".repeat(MAX_DEPTH + 1)}${"]".repeat(MAX_DEPTH + 1)}\n`;
  assert.match(problems(flow)[0]!, `found lists or mappings nested deeper than ${MAX_DEPTH} levels`);
  assert.ok(parseYaml(flow).refused);
  const veryDeep = `a: ${"[".repeat(100_000)}\n`;
  assert.match(problems(veryDeep)[0]!, `nested deeper than ${MAX_DEPTH} levels`);
  const block = Array.from({ length: MAX_DEPTH + 2 }, (_, depth) => `${" ".repeat(depth)}k:`).join("\n");
  assert.match(problems(block)[0]!, `nested deeper than ${MAX_DEPTH} levels`);
  assert.not.ok(parseYaml(`a: ${"[".repeat(10)}${"]".repeat(10)}\n`).refused, "a sane nesting is read");
});

test("numbers past the safe range, or infinite, are refused where written, with their source text", () => {
  assert.equal(problems("a: 12345678901234567890\nb: 9007199254740991\nc: .inf\n"), [
    "1:4 found the number `12345678901234567890`, which is past what a number can hold exactly (whole numbers " +
      "up to 9,007,199,254,740,991), expected a smaller number. If it is text, put it in quotes.",
    "3:4 found the number `.inf`, which reads as infinity, expected a finite number. If it is text, put it in quotes.",
  ]);
});

test("a second document is a problem at its `---`; the first is read", () => {
  const parsed = parseYaml("a: 1\n---\nb: 2\n");
  assert.equal(parsed.value, { a: 1 });
  assert.match(problems("a: 1\n---\nb: 2\n")[0]!, /^2:1 found a second YAML document after `---`/);
});

test("a key named __proto__ is a key of its own, not the object's prototype", () => {
  const value = parseYaml("__proto__:\n  polluted: true\n").value as Record<string, unknown>;
  assert.ok(Object.hasOwn(value, "__proto__"));
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
