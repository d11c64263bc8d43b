// Text that is text: every text field free of lone surrogates, controls and bidi controls, and
// bounded; slugs of at most 64 characters; versions of at most two digits a part.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/registry/errors.ts";
import { parseProviderSource } from "../../src/registry/load.ts";
import { parseYaml } from "../../src/registry/yaml-file.ts";

const chat = (extra: Record<string, unknown> = {}) => ({
  supported: true,
  streaming: false,
  upstream_path: "`/v1/chat`",
  route_type: "llm/v1/chat",
  model_example: "m",
  min_version: "3.6",
  ...extra,
});
const problems = (value: Record<string, unknown>) =>
  parseProviderSource(
    JSON.stringify({ name: "Text AI", url_patterns: ["https://api.example.com"], ...value }, null, 1),
    "t.yaml",
  )
    .problems.filter((problem) => problem.severity === "error")
    .map(formatProblem);

test("tabs and line breaks are fine in Markdown values, not in a name, an alias or a route type", () => {
  assert.equal(problems({ chat: chat({ note: { content: "One\tline\nand another.\r\n" } }) }), []);
  assert.equal(problems({ name: "Two\nlines" }), [
    't.yaml:2:10: `name`: found a control character (U+000A) at character 4 of "Two\\nlines", expected ' +
      "printable text on one line. Remove it.",
  ]);
  assert.match(
    problems({ aliases: ["Old\tName"] }).join("\n"),
    /`aliases\[0\]`: found a control character \(U\+0009\)/,
  );
});

test("a name's slug, a slug and an alias's address are at most 64 characters; a name at most 100", () => {
  assert.equal(problems({ name: "A".repeat(64) }), []);
  assert.equal(problems({ name: `${"A".repeat(40)} ${"B".repeat(40)}` }), [
    `t.yaml:2:10: \`name\`: found "${"A".repeat(40)} ${"B".repeat(36)}...", which makes a slug of 81 ` +
      `characters, expected at most 64. Shorten the name, or add a shorter \`slug\` field.`,
  ]);
  assert.match(problems({ name: "N".repeat(101) }).join(), /\(101 characters\), expected at most 100 characters/);
  assert.match(
    problems({ aliases: ["b".repeat(65)] }).join(),
    /makes an address of 65 characters, expected at most 64/,
  );
  assert.equal(problems({ slug: "s".repeat(64) }), []);
});

test("versions have at most two digits a part, and are written major.minor", () => {
  assert.equal(problems({ min_version: "3.11", chat: chat({ min_version: "10.99" }) }), []);
  assert.equal(problems({ min_version: "3.11.1" }), [
    "t.yaml:6:17: `min_version`: found \"3.11.1\", expected a version as major.minor, like '3.11': every " +
      "spelling of a version makes its own page. Write '3.11'.",
  ]);
  assert.equal(problems({ min_version: "3.100" }), [
    "t.yaml:6:17: `min_version`: found \"3.100\", expected a version of at most two digits a part, like '3.11' " +
      "(or 'n/a'). Write the gateway version the capability first shipped in.",
  ]);
});

test("a value past 2,000 characters is reported once, shortened, and no other rule scans it", () => {
  const note = `[x](javascript:alert(1)) ${"a".repeat(2000)}`;
  assert.equal(problems({ chat: chat({ note: { content: note } }) }), [
    `t.yaml:14:15: \`chat.note.content\`: found "[x](javascript:alert(1)) ${"a".repeat(52)}..." (2,025 ` +
      `characters), expected at most 2,000 characters. Shorten it.`,
  ]);
});

test("a quoted value never carries a raw control or direction character into a message", () => {
  const [message] = problems({ name: "Open\u202eAI\u0085" });
  assert.is(
    message,
    't.yaml:2:10: `name`: found a right-to-left override (U+202E) at character 5 of "Open\\u202eAI\\u0085", ' +
      "expected text without direction controls: they make text read other than it is written. Remove it.",
  );
});

test("anchors and aliases are refused before anything is built from them", () => {
  // As many aliases as a file under the size limit holds.
  const source = `name: &n "Anchored"\nurl_patterns:\n${"  - *n\n".repeat(30_000)}`;
  const parsed = parseYaml(source);
  assert.ok(parsed.refused, "refused");
  assert.is(parsed.value, undefined, "nothing built: no alias expanded");
  const result = parseProviderSource(source, "a.yaml");
  assert.equal(result.problems.map(formatProblem), [
    "a.yaml:1:7: found the YAML anchor `&n`, expected every value written out: anchors and aliases are not " +
      "allowed in data files (a few of them can expand a small file to gigabytes). Write the value in full " +
      "where the anchor stands.",
  ]);
  assert.match(
    parseProviderSource("name: *x\n", "b.yaml").problems.map(formatProblem).join(),
    /^b\.yaml:1:7: found the YAML alias `\*x`/,
  );
});

test.run();
