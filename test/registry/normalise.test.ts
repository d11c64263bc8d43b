import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseProviderSource } from "../../src/registry/load.ts";
import { fixture } from "../helpers/build-site.ts";

const load = (file: string) => parseProviderSource(readFileSync(fixture(file), "utf8"), file);

test("numbers notes 1 to 15 over the page in canonical order", () => {
  const { provider, problems } = load("every-capability-noted/all-notes.yaml");
  assert.equal(problems, []);
  assert.equal(
    provider!.footnotes.map((f) => [f.number, f.capability]),
    [
      [1, "chat"],
      [2, "completions"],
      [3, "embeddings"],
      [4, "function_calling"],
      [5, "files"],
      [6, "batches"],
      [7, "assistants"],
      [8, "responses"],
      [9, "audio.speech"],
      [10, "audio.transcriptions"],
      [11, "audio.translations"],
      [12, "image.generations"],
      [13, "image.edits"],
      [14, "video.generations"],
      [15, "realtime"],
    ],
  );
  assert.equal(
    provider!.groups.map((g) => [g.id, g.footnotes.map((f) => f.number)]),
    [
      ["text-generation", [1, 2, 3]],
      ["advanced-text-generation", [4]],
      ["processing", [5, 6, 7, 8]],
      ["audio", [9, 10, 11]],
      ["image", [12, 13]],
      ["video", [14]],
      ["realtime", [15]],
    ],
  );
});

test("numbers only the notes that show, skipping capabilities without one", () => {
  const { provider } = load("notes-in-some-groups/some-notes.yaml");
  assert.equal(
    provider!.footnotes.map((f) => [f.number, f.capability, f.content]),
    [
      [1, "embeddings", "Embeddings note."],
      [2, "batches", "Batches note."],
      [3, "image.edits", "Edits note."],
    ],
  );
  assert.equal(
    provider!.groups.map((g) => g.id),
    ["text-generation", "processing", "audio", "image"],
  );
  assert.equal(provider!.groups.find((g) => g.id === "audio")!.footnotes, []);
});

test("a capability left out or marked unsupported makes no row", () => {
  const { provider, problems } = parseProviderSource(
    [
      "name: 'Partial'",
      "url_patterns: ['https://x.example.com']",
      "chat:",
      "  supported: false",
      "  streaming: true",
      "embeddings:",
      "  supported: true",
      "  streaming: false",
      "  upstream_path: '/v1/embeddings'",
      "  route_type: 'llm/v1/embeddings'",
      "  model_example: 'e-1'",
      "  min_version: '3.11'",
      "  note:",
      "    content: 'Shown.'",
    ].join("\n"),
    "partial.yaml",
  );
  assert.equal(problems, []);
  assert.equal(
    provider!.capabilities.map((c) => c.key),
    ["embeddings"],
  );
  assert.equal(
    provider!.footnotes.map((f) => [f.number, f.content]),
    [[1, "Shown."]],
  );
});

test("only-realtime and only-video providers have exactly their one group", () => {
  assert.equal(
    load("only-realtime/realtime-only.yaml").provider!.groups.map((g) => g.id),
    ["realtime"],
  );
  assert.equal(
    load("only-video/video-only.yaml").provider!.groups.map((g) => g.id),
    ["video"],
  );
});

test("accepts the seed's singular url_pattern", () => {
  const { provider } = parseProviderSource(
    "name: 'Solo'\nurl_pattern: 'https://solo.example.com/{route_type_path}'\n",
    "solo.yaml",
  );
  assert.equal(provider!.urlPatterns, ["https://solo.example.com/{route_type_path}"]);
});

test("reports a wrong type and a missing field at their line and column", () => {
  const { provider, problems } = parseProviderSource(
    [
      "name: 'Broken'",
      "url_patterns: ['https://x.example.com']",
      "chat:",
      "  supported: 'yes'",
      "embeddings:",
      "  supported: true",
      "  streaming: false",
    ].join("\n"),
    "_data/providers/broken.yaml",
  );
  assert.is(provider, undefined);
  const messages = problems.map((p) => `${p.file}:${p.position?.line}:${p.position?.column}: ${p.message}`);
  assert.ok(
    messages.includes(
      '_data/providers/broken.yaml:4:14: `chat.supported`: found "yes", expected `true` or `false`. Write ' +
        "`true` or `false` without quotes.",
    ),
    messages.join("\n"),
  );
  assert.ok(
    messages.some((m) => m.startsWith("_data/providers/broken.yaml:5:1: `embeddings.upstream_path`: missing")),
    messages.join("\n"),
  );
});

test("reports malformed YAML at the mistake, not where the parser gave up", () => {
  const { provider, problems } = parseProviderSource("name: 'Unclosed\nchat:\n  supported: true\n", "bad.yaml");
  assert.is(provider, undefined);
  assert.equal(
    problems.map((p) => [p.position, p.message]),
    [
      [
        { line: 1, column: 7 },
        "`name`: found a value that opens with ' but is never closed, expected a closing '. Add ' at the end " +
          "of the value.",
      ],
    ],
  );
});

test("an empty file and a list are not providers", () => {
  assert.match(parseProviderSource("", "empty.yaml").problems[0]!.message, /^found an empty file, expected a mapping/);
  assert.match(
    parseProviderSource("- a\n- b\n", "list.yaml").problems[0]!.message,
    /^found a list, expected a mapping/,
  );
});

test.run();
