// The plain-YAML reader (src/registry/plain-yaml.ts) reads what js-yaml reads, or declines: on every
// provider and fixture file of the project, on each construct it knows and each it leaves to js-yaml,
// and on generated files (printed plain, and then mutated a character at a time).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { load } from "js-yaml";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readPlainYaml } from "../../src/registry/plain-yaml.ts";
import { parseProviderSource } from "../../src/registry/load.ts";
import { scaffoldText } from "../../src/registry/scaffold.ts";
import { projectRoot } from "../helpers/build-site.ts";

/** js-yaml's value, or the error it throws. */
function jsYaml(source: string): { value?: unknown; error?: unknown } {
  try {
    return { value: load(source) };
  } catch (error) {
    return { error };
  }
}

/** When the reader answers, js-yaml reads the same text without error, to an equal value. */
function agrees(source: string): boolean {
  const plain = readPlainYaml(source);
  if (plain === undefined) return true;
  const { value, error } = jsYaml(source);
  return error === undefined && JSON.stringify(value) === JSON.stringify(plain) && sameShape(value, plain);
}

/** Deep equality that also tells `{}` from `[]`, null from a missing key, and keeps key order. */
function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameShape(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = Object.keys(a);
    return (
      Object.getPrototypeOf(a) === Object.getPrototypeOf(b) &&
      keys.join("\0") === Object.keys(b).join("\0") &&
      keys.every((key) => sameShape((a as any)[key], (b as any)[key]))
    );
  }
  return Object.is(a, b);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("every provider and fixture file of the project: read as js-yaml reads it, or left to js-yaml", () => {
  const files = [...yamlFiles(path.join(projectRoot, "_data")), ...yamlFiles(path.join(projectRoot, "test/fixtures"))];
  assert.ok(files.length > 50, `found ${files.length} files`);
  let read = 0;
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    assert.ok(agrees(source), path.relative(projectRoot, file));
    if (readPlainYaml(source) !== undefined) read++;
  }
  assert.ok(read > 0, "some files are read by the plain reader");
});

test("the file `npm run new-provider` writes is in the plain form", () => {
  for (const name of ["Acme", "O'Brien AI", 'Quote "AI"', "Zeta 9 \\ Co"]) {
    const text = scaffoldText(name);
    assert.ok(readPlainYaml(text), name);
    assert.ok(agrees(text), name);
  }
});

const PROVIDER = `# yaml-language-server: $schema=../../schema/provider.schema.json
name: "Acme AI"
aliases:
  - 'Acme''s AI'
url_patterns:
- "https://api.acme.example/{route_type_path}"   # the public endpoint
min_version: "3.6"
chat:
  supported: true
  streaming: false
  upstream_path: "\`/v1/chat\`"
  note:
    content: "A note: with a colon, a # hash and 'quotes'."

native_formats:
  - llm_format: "openai"
    supported_apis:
      - "/v1/chat/completions"
  -   llm_format: "other"
      supported_apis: []
gateway:
  options:
    required:
      max_tokens: 1024
      instance: { env: "ACME_INSTANCE", prefix: 'x,y' }
      empty: {}
  nothing:
limitations:
  provider_specific: []
`;

test("the constructs of a provider file: each read as js-yaml reads it", () => {
  const value = readPlainYaml(PROVIDER);
  assert.ok(value, "read");
  assert.ok(sameShape(value, load(PROVIDER)));
  assert.is((value as any).aliases[0], "Acme's AI");
  assert.is((value as any).url_patterns[0], "https://api.acme.example/{route_type_path}");
  assert.is((value as any).gateway.options.required.max_tokens, 1024);
  assert.equal((value as any).gateway.options.required.instance, { env: "ACME_INSTANCE", prefix: "x,y" });
  assert.is((value as any).gateway.nothing, null);
  assert.equal((value as any).native_formats[1], { llm_format: "other", supported_apis: [] });
});

test("what the plain form does not cover is left to js-yaml", () => {
  const declined: Record<string, string> = {
    "an escape": 'name: "a\\u0041"\n',
    "a plain string": "name: Acme\n",
    "a tab": 'name:\t"Acme"\n',
    "a carriage return": 'name: "Acme"\r\n',
    "a byte order mark": '\ufeffname: "Acme"\n',
    "an astral character": 'name: "Acme \u{1F600}"\n',
    "a line separator": 'name: "Acme \u2028"\n',
    "an anchor": 'a: &x "1"\nb: *x\n',
    "a key given twice": 'name: "a"\nname: "b"\n',
    "a second document": 'name: "a"\n---\nname: "b"\n',
    "a block scalar": "name: |\n  Acme\n",
    "a string over two lines": 'name: "Acme\n  AI"\n',
    "a comment with no space before it": 'name: "Acme"# note\n',
    "text after a string": 'name: "Acme" AI\n',
    "the __proto__ key": '__proto__: "x"\n',
    "a leading zero": "n: 0123\n",
    "a decimal": "n: 3.6\n",
    "a negative number": "n: -1\n",
    "null written out": "n: null\n",
    "a capitalised boolean": "n: True\n",
    "a flow sequence with items": 'n: ["a"]\n',
    "a nested flow mapping": "n: { a: { b: 1 } }\n",
    "a deeper line under a value": 'a: "1"\n  b: "2"\n',
    "an indented first line": '  a: "1"\n',
    "a quoted key": '"a": "1"\n',
    "a dash with nothing after it": "a:\n  -\n    b: 1\n",
    "a sequence in a sequence": 'a:\n  - - "x"\n',
    "a top-level sequence": '- "a"\n',
    "an empty file": "",
    "only comments": "# nothing\n",
  };
  for (const [what, source] of Object.entries(declined)) {
    assert.is(readPlainYaml(source), undefined, what);
  }
});

test("a file in the plain form still reports problems at their line and column", () => {
  const source = 'name: "Acme AI"\nurl_patterns:\n  - "https://api.acme.example"\nchat:\n  supported: "yes"\n';
  assert.ok(readPlainYaml(source), "plain");
  const result = parseProviderSource(source, "acme.yaml");
  const problem = result.problems.find((p) => p.field === "chat.supported");
  assert.ok(problem, JSON.stringify(result.problems));
  assert.equal(problem!.position, { line: 5, column: 14 });
});

// Generated files: values printed in the plain form, in its various spellings.
const KEY = fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,6}$/).filter((key) => key !== "__proto__");
const TEXT = fc.string({ unit: fc.constantFrom(..."aZ09 :#-'\"{}[],&*!|>%@`?~é€\\/") });
type Node = string | number | boolean | null | Node[] | { [key: string]: Node };
const scalarNode: fc.Arbitrary<Node> = fc.oneof(TEXT, fc.boolean(), fc.nat(99_999));
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarNode,
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(KEY, tie("node"), { maxKeys: 4 }),
  ),
}));
const document = fc.dictionary(KEY, node, { minKeys: 1, maxKeys: 5 });
const style = fc.record({
  step: fc.constantFrom(2, 4),
  compact: fc.boolean(),
  comments: fc.boolean(),
  flow: fc.boolean(),
});

function quote(text: string, pick: boolean): string {
  if (!text.includes('"') && !text.includes("\\") && pick) return `"${text}"`;
  return `'${text.replaceAll("'", "''")}'`;
}

function print(value: Record<string, Node>, s: { step: number; compact: boolean; comments: boolean; flow: boolean }) {
  const lines: string[] = [];
  let n = 0;
  const comment = () => (s.comments && n++ % 3 === 0 ? "  # note" : "");
  const inline = (v: Node): string | undefined => {
    if (typeof v === "string") return quote(v, n++ % 2 === 0);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return v.length === 0 ? "[]" : undefined;
    if (v === null) return undefined;
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    if (s.flow && entries.every(([, x]) => typeof x !== "object")) {
      return `{ ${entries.map(([k, x]) => `${k}: ${inline(x)}`).join(", ")} }`;
    }
    return undefined;
  };
  const mapping = (v: Record<string, Node>, indent: number, firstPrefix?: string) => {
    Object.entries(v).forEach(([key, item], i) => {
      const pad = i === 0 && firstPrefix !== undefined ? firstPrefix : " ".repeat(indent);
      const text = inline(item);
      if (text !== undefined) lines.push(`${pad}${key}: ${text}${comment()}`);
      else if (item === null) lines.push(`${pad}${key}:`);
      else {
        lines.push(`${pad}${key}:${comment()}`);
        if (Array.isArray(item)) sequence(item, s.compact ? indent : indent + s.step);
        else mapping(item as Record<string, Node>, indent + s.step);
      }
    });
  };
  const sequence = (v: Node[], indent: number) => {
    for (const item of v) {
      const text = inline(item);
      const pad = " ".repeat(indent);
      if (text !== undefined) lines.push(`${pad}- ${text}${comment()}`);
      else if (typeof item === "object" && item !== null && !Array.isArray(item)) mapping(item, indent + 2, `${pad}- `);
      else throw new Error("not printable");
    }
  };
  mapping(value, 0);
  return `${lines.join("\n")}\n`;
}

/** Whether a generated value can be printed in the plain form (no null or nested list in a list). */
function printable(value: Node, inList = false): boolean {
  if (Array.isArray(value)) return (!inList || value.length === 0) && value.every((item) => printable(item, true));
  if (value === null) return !inList;
  if (typeof value === "object")
    return (!inList || Object.keys(value).length > 0) && Object.values(value).every((v) => printable(v));
  return true;
}

test("generated files in the plain form: read, to the value printed", () => {
  fc.assert(
    fc.property(document, style, (value, s) => {
      fc.pre(printable(value));
      const source = print(value, s);
      const plain = readPlainYaml(source);
      return plain !== undefined && sameShape(plain, JSON.parse(JSON.stringify(value))) && agrees(source);
    }),
    { numRuns: 400 },
  );
});

const EDIT = fc.record({
  at: fc.nat(),
  remove: fc.boolean(),
  text: fc.constantFrom(
    " ",
    "  ",
    "-",
    "- ",
    ":",
    ": ",
    "#",
    " #",
    '"',
    "'",
    "{",
    "}",
    ",",
    "[",
    "]",
    "\n",
    "\t",
    "&a ",
    "*a",
    "!",
    "|",
    ">",
    "\\",
    "\r",
    "a",
    "1",
    "0",
    "\u2028",
    "\ufeff",
    "---\n",
    "__proto__: 1\n",
    "true",
    "~",
  ),
});

test("generated files, mutated: read as js-yaml reads them, or left to js-yaml", () => {
  fc.assert(
    fc.property(document, style, fc.array(EDIT, { minLength: 1, maxLength: 3 }), (value, s, edits) => {
      fc.pre(printable(value));
      let source = print(value, s);
      for (const edit of edits) {
        const at = edit.at % (source.length + 1);
        source = edit.remove
          ? source.slice(0, at) + source.slice(at + 1)
          : source.slice(0, at) + edit.text + source.slice(at);
      }
      return agrees(source);
    }),
    { numRuns: 3000 },
  );
});

test.run();
