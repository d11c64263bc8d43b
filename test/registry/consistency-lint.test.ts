// The consistency lint: one fixture per rule (test/fixtures/lint/<rule>/), each found at its
// line with what to write, and `lint_ignore` silencing one rule for one file, with a reason.
import { existsSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/registry/errors.ts";
import { LINT_RULE_IDS } from "../../src/registry/consistency-lint.ts";
import { loadRegistry, parseProviderSource } from "../../src/registry/load.ts";
import { fixture } from "../helpers/build-site.ts";

const warningsIn = (name: string) => loadRegistry(fixture(`lint/${name}`)).warnings;
const hint = (rule: string) =>
  ` (lint rule \`${rule}\`: if the file is right, add it to \`lint_ignore\` with a reason.)`;

test("each rule has a fixture that it finds, and only that rule", () => {
  for (const rule of LINT_RULE_IDS) {
    assert.ok(existsSync(fixture(`lint/${rule}`)), `a fixture for ${rule}`);
    const warnings = warningsIn(rule);
    assert.ok(warnings.length > 0, rule);
    assert.equal([...new Set(warnings.map((w) => w.rule))], [rule]);
  }
});

test("min-version-below-provider: the capability's version, with the provider's", () => {
  assert.equal(warningsIn("min-version-below-provider").map(formatProblem), [
    `test/fixtures/lint/min-version-below-provider/vertex-like.yaml:12:16: warning: \`chat.min_version\`: ` +
      `found '3.8', lower than the provider's own \`min_version\` '3.11' (line 5), expected a capability to need ` +
      `at least its provider's version. Write '3.11', or 'n/a' for no minimum of its own, or lower the ` +
      `provider's if it really works on 3.8.${hint("min-version-below-provider")}`,
  ]);
});

test("route-type-family: a route type of another family, with the capability's own", () => {
  assert.equal(warningsIn("route-type-family").map(formatProblem), [
    `test/fixtures/lint/route-type-family/speech-for-chat.yaml:9:15: warning: \`chat.route_type\`: found ` +
      `"audio/v1/audio/speech", a route type of the audio family, expected one of the llm family for \`chat\`. ` +
      `Use "llm/v1/chat".${hint("route-type-family")}`,
  ]);
});

test("shared-upstream-path: two APIs at one path; chat and function calling may share", () => {
  assert.equal(warningsIn("shared-upstream-path").map(formatProblem), [
    `test/fixtures/lint/shared-upstream-path/one-path.yaml:15:18: warning: \`embeddings.upstream_path\`: found ` +
      `\`/v1/chat/completions\`, the upstream path of \`chat\` too (line 8), expected a path of its own: ` +
      `embeddings and chat completions are different APIs (llm/v1/embeddings, llm/v1/chat). Check the provider's ` +
      `API reference.${hint("shared-upstream-path")}`,
  ]);
});

test("names-unsupported-capability: a note on what is not supported, a limitation denying what is", () => {
  assert.equal(warningsIn("names-unsupported-capability").map(formatProblem), [
    `test/fixtures/lint/names-unsupported-capability/says-otherwise.yaml:14:14: warning: ` +
      `\`chat.note.content\`: names \`llm/v1/embeddings\`, but this provider does not support \`embeddings\`, ` +
      `expected notes and limitations about what it supports. Correct the sentence, or remove ` +
      `it.${hint("names-unsupported-capability")}`,
    `test/fixtures/lint/names-unsupported-capability/says-otherwise.yaml:24:7: warning: ` +
      `\`limitations.provider_specific[0]\`: says \`llm/v1/completions\` is not supported, but \`completions\` ` +
      `is marked \`supported: true\`, expected the two to agree. Set \`supported: false\` there, or correct the ` +
      `sentence.${hint("names-unsupported-capability")}`,
  ]);
});

test("streaming-cannot-stream: batches and files never stream", () => {
  assert.equal(warningsIn("streaming-cannot-stream").map(formatProblem), [
    `test/fixtures/lint/streaming-cannot-stream/streaming-batches.yaml:14:14: warning: \`batches.streaming\`: ` +
      `found \`true\`, expected \`false\`: the batches API answers with a job or a file to fetch later, never a ` +
      `stream. Write \`streaming: false\`.${hint("streaming-cannot-stream")}`,
  ]);
});

test("lint_ignore silences one rule for its file; an entry that silences nothing is itself a warning", () => {
  assert.equal(warningsIn("ignored").map(formatProblem), [
    "test/fixtures/lint/ignored/kept-on-purpose.yaml:16:11: warning: `lint_ignore[1].rule`: found " +
      '"streaming-cannot-stream", which finds nothing in this file, expected an entry only for a rule that does. ' +
      "Remove the entry.",
  ]);
});

test("a lint_ignore entry needs a known rule and a reason", () => {
  const { problems } = parseProviderSource(
    "name: 'Acme'\nurl_patterns: ['https://api.acme.com/']\nlint_ignore:\n  - rule: 'no-such-rule'\n  - rule: " +
      "'route-type-family'\n",
    "acme.yaml",
  );
  const errors = problems.filter((p) => p.severity === "error").map((p) => p.message);
  assert.equal(errors, [
    "`lint_ignore[0].reason`: missing, expected why the file is right although the rule says otherwise, for " +
      "the next reader. Add `reason: '...'` to the entry.",
    '`lint_ignore[0].rule`: found "no-such-rule", expected a lint rule: "min-version-below-provider", ' +
      '"route-type-family", "shared-upstream-path", "names-unsupported-capability", "streaming-cannot-stream".',
    "`lint_ignore[1].reason`: missing, expected why the file is right although the rule says otherwise, for " +
      "the next reader. Add `reason: '...'` to the entry.",
  ]);
});

test.run();
