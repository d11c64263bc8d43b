import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem, RegistryError } from "../../src/registry/errors.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

/** Every problem a fixture registry has, as the build prints it; all files are read in one run. */
function problemsIn(name: string): string[] {
  try {
    loadRegistry(fixture(name), { root: projectRoot });
  } catch (error) {
    if (error instanceof RegistryError) return error.problems.map(formatProblem);
    throw error;
  }
  assert.unreachable(`${name} should not load`);
  return [];
}

test(
  "malformed YAML: the unclosed quote, the apostrophe, the indentation, the duplicated key, the tab, the " +
    "unquoted colon",
  () => {
    assert.equal(problemsIn("malformed-yaml"), [
      "test/fixtures/malformed-yaml/bad-indentation.yaml:7:4: `streaming`: found `streaming` indented by 3 " +
        "spaces, expected 2 (like `supported` on line 6) or 0 (like `chat` on line 5). Line up the keys of one " +
        "mapping, and indent a key's fields under it.",
      "test/fixtures/malformed-yaml/duplicated-key.yaml:7:3: `chat.supported`: found `supported` a second time, " +
        "expected each key once in a mapping (the first `supported` is at line 6, column 3). Keep one of them.",
      "test/fixtures/malformed-yaml/quote-in-quotes.yaml:2:12: `name`: found text after the closing ', expected " +
        "the value to end there. To write ' inside single quotes, double it: 'Tom''s AI'.",
      "test/fixtures/malformed-yaml/tab-indentation.yaml:7:1: found a tab in the indentation, expected spaces. " +
        "Indent with spaces, two for each level.",
      "test/fixtures/malformed-yaml/unclosed-quote.yaml:2:7: `name`: found a value that opens with ' but is " +
        "never closed, expected a closing '. Add ' at the end of the value.",
      "test/fixtures/malformed-yaml/unquoted-colon.yaml:10:18: `chat.model_example`: found `: ` inside a value " +
        "without quotes, expected it in quotes. Write `model_example: 'see: the docs'`.",
    ]);
  },
);

test("an empty file, a file of comments, a list and a second document are not providers", () => {
  assert.equal(problemsIn("not-a-provider"), [
    "test/fixtures/not-a-provider/comments-only.yaml:1:1: found an empty file, expected a mapping of provider " +
      'fields (`name: ...`, `url_patterns: ...`). Start from `npm run new-provider -- "Name"` or copy another ' +
      "provider's file.",
    "test/fixtures/not-a-provider/empty.yaml:1:1: found an empty file, expected a mapping of provider fields " +
      '(`name: ...`, `url_patterns: ...`). Start from `npm run new-provider -- "Name"` or copy another ' +
      "provider's file.",
    "test/fixtures/not-a-provider/list.yaml:1:1: found a list, expected a mapping of provider fields (`name: " +
      '...`, `url_patterns: ...`). Start from `npm run new-provider -- "Name"` or copy another provider\'s file.',
    "test/fixtures/not-a-provider/two-documents.yaml:1:1: warning: found no supported capability, expected at " +
      "least one: the page would have no table. Set `supported: true` on each capability the gateway supports " +
      "for this provider, and fill in its fields.",
    "test/fixtures/not-a-provider/two-documents.yaml:4:1: found a second YAML document after `---`, expected " +
      "one provider per file. Remove the `---` line, or move the second provider into a file of its own.",
  ]);
});

test("a misspelled or unknown key, at any depth, with the key it was meant to be", () => {
  assert.equal(problemsIn("unknown-keys"), [
    "test/fixtures/unknown-keys/unknown-keys.yaml:11:1: `embedings`: found the unknown key `embedings`, " +
      "expected a provider field or capability key (see _data/providers/README.md). Did you mean `embeddings`?",
    "test/fixtures/unknown-keys/unknown-keys.yaml:13:1: `speech`: found the unknown key `speech`, expected a " +
      "provider field or capability key (see _data/providers/README.md). Did you mean `audio.speech`? Put " +
      "`speech:` under `audio:`.",
    "test/fixtures/unknown-keys/unknown-keys.yaml:16:3: `audio.speach`: found the unknown key `speach`, " +
      "expected one of `speech`, `transcriptions`, `translations` in `audio`. Did you mean `speech`?",
    "test/fixtures/unknown-keys/unknown-keys.yaml:21:5: `image.generations.colour`: found the unknown key " +
      "`colour`, expected one of `supported`, `streaming`, `upstream_path`, `route_type`, `model_example`, " +
      "`min_version`, `note` in `image.generations`.",
  ]);
});

test("a wrong type: the value found, the type expected, and how to write it", () => {
  assert.equal(problemsIn("wrong-types"), [
    "test/fixtures/wrong-types/wrong-types.yaml:2:15: `url_patterns`: found " +
      '"https://api.example.com/{route_type_path}", expected a list. Write it as a list: `url_patterns: ' +
      "['https://api.example.com/{route_type_path}']`.",
    "test/fixtures/wrong-types/wrong-types.yaml:3:14: `min_version`: found the number 3.1, expected a version " +
      "in quotes, like '3.11', or 'n/a'. Put it in quotes: '3.10', so that YAML keeps it as written.",
    'test/fixtures/wrong-types/wrong-types.yaml:5:14: `chat.supported`: found "yes", expected `true` or ' +
      "`false`. Write `true` or `false` without quotes.",
    "test/fixtures/wrong-types/wrong-types.yaml:7:13: `embeddings`: found the boolean true, expected a mapping " +
      "of `supported`, `streaming`, `upstream_path`, `route_type`, `model_example` and `min_version`. Write " +
      "`supported: true` on the next line, indented, with the other fields.",
    "test/fixtures/wrong-types/wrong-types.yaml:8:1: `completions`: found nothing, expected a mapping of " +
      "`supported`, `streaming`, `upstream_path`, `route_type`, `model_example` and `min_version`. Fill in its " +
      "fields, or remove the key: a capability left out is not supported.",
    'test/fixtures/wrong-types/wrong-types.yaml:11:14: `realtime.streaming`: found "no", expected `true` or ' +
      "`false`. Write `true` or `false` without quotes.",
    "test/fixtures/wrong-types/wrong-types.yaml:14:18: `realtime.model_example`: found the number 42, expected " +
      "text. Put it in quotes: '42', so that YAML keeps it as written.",
  ]);
});

test("a missing name or URL, and a supported capability missing its fields, with what to add", () => {
  assert.equal(problemsIn("missing-fields"), [
    "test/fixtures/missing-fields/no-name.yaml:2:1: `name`: missing, expected the provider's display name. Add " +
      "`name: 'Example AI'` at the top of the file.",
    "test/fixtures/missing-fields/no-url.yaml:1:1: `url_patterns`: missing, expected the provider's base URL " +
      "pattern(s). Add `url_patterns:` with a line `  - 'https://api.example.com/{route_type_path}'` under it.",
    "test/fixtures/missing-fields/supported-but-incomplete.yaml:4:1: `embeddings.route_type`: missing, " +
      "expected because `embeddings` is supported. Under `embeddings:`, add `route_type: 'llm/v1/embeddings'`.",
    "test/fixtures/missing-fields/supported-but-incomplete.yaml:4:1: `embeddings.model_example`: missing, " +
      "expected because `embeddings` is supported. Under `embeddings:`, add `model_example:` with an example " +
      "model name, or 'n/a'.",
    "test/fixtures/missing-fields/supported-but-incomplete.yaml:4:1: `embeddings.min_version`: missing, " +
      "expected because `embeddings` is supported. Under `embeddings:`, add `min_version:` with the first " +
      "gateway version that has it, in quotes, like '3.11' (or 'n/a').",
    "test/fixtures/missing-fields/supported-but-incomplete.yaml:9:3: `audio.speech.supported`: missing, " +
      "expected in every capability entry. Add `supported: true` (or `supported: false`) under `speech:`.",
  ]);
});

test("a route type that is not a gateway route type, with the closest one", () => {
  assert.equal(problemsIn("route-types"), [
    'test/fixtures/route-types/route-types.yaml:8:15: `chat.route_type`: found "llm/v1/chatt", expected a ' +
      'gateway route type (listed in _data/providers/README.md). Did you mean "llm/v1/chat"?',
    'test/fixtures/route-types/route-types.yaml:15:15: `batches.route_type`: found "files/v1/batches", ' +
      'expected a gateway route type (listed in _data/providers/README.md). Did you mean "llm/v1/batches"?',
  ]);
});

test("a min_version that is not a canonical version (major.minor) nor n/a, with what to write", () => {
  assert.equal(problemsIn("min-versions"), [
    'test/fixtures/min-versions/min-versions.yaml:4:14: `min_version`: found "v3.6", expected a version as ' +
      "major.minor, like '3.11': every spelling of a version makes its own page. Write '3.6'.",
    'test/fixtures/min-versions/min-versions.yaml:11:16: `chat.min_version`: found "latest", expected the ' +
      "first gateway version that has it, as major.minor in quotes, like '3.11', or 'n/a' when it has no minimum " +
      'of its own. Write the number of the version it means today: "latest" changes with every release.',
    'test/fixtures/min-versions/min-versions.yaml:25:16: `files.min_version`: found "3.10.0", expected a ' +
      "version as major.minor, like '3.11': every spelling of a version makes its own page. Write '3.10'.",
    'test/fixtures/min-versions/min-versions.yaml:32:16: `batches.min_version`: found "3.06", expected a ' +
      "version as major.minor, like '3.11': every spelling of a version makes its own page. Write '3.6'.",
  ]);
});

test("a note on a capability that is not supported", () => {
  assert.equal(problemsIn("note-on-unsupported-capability"), [
    "test/fixtures/note-on-unsupported-capability/hidden-note.yaml:13:3: `embeddings.note`: found a note on a " +
      "capability that is not supported, expected notes only on supported capabilities: this one could never be " +
      "shown. Remove the note, or set `supported: true`.",
  ]);
});

test("two files with the same name, both named", () => {
  assert.equal(problemsIn("duplicate-names"), [
    'test/fixtures/duplicate-names/example-ai.yaml:1:7: `name`: found "Example AI", which is also the name in ' +
      "test/fixtures/duplicate-names/example-ai-copy.yaml (line 2), expected each provider to have its own name. " +
      "Rename one of them.",
  ]);
});

test("names (or a slug) that make the same slug, both files named", () => {
  assert.equal(problemsIn("names-making-one-slug"), [
    'test/fixtures/names-making-one-slug/example-dash-ai.yaml:1:7: `name`: found "Example-AI!", which makes ' +
      'the slug "example-ai", as does "Example AI" in test/fixtures/names-making-one-slug/example-ai.yaml (line ' +
      "1), expected one provider per page. Rename one, or give one a `slug` field.",
    'test/fixtures/names-making-one-slug/explicit-slug.yaml:4:7: `slug`: found "example-ai", which makes the ' +
      'slug "example-ai", as does "Example AI" in test/fixtures/names-making-one-slug/example-ai.yaml (line 1), ' +
      "expected one provider per page. Rename one, or give one a `slug` field.",
  ]);
});

test("HTML in a name, with the plain name", () => {
  assert.equal(problemsIn("html-in-name"), [
    'test/fixtures/html-in-name/html-in-name.yaml:1:16: `name`: found HTML (`<b>`) in "Example <b>AI</b>", ' +
      'expected plain text: a name is shown exactly as written. Did you mean "Example AI"?',
  ]);
});

test("links whose scheme is not https, http, mailto or relative, in Markdown, legacy <a href> and autolinks", () => {
  // Quoted as markdown-it reads them: `JaVaScRiPt&#58;x` is the link `JaVaScRiPt:x`, located at its value.
  assert.equal(problemsIn("unsafe-links"), [
    "test/fixtures/unsafe-links/unsafe-links.yaml:9:34: `chat.model_example`: found a link to " +
      '"javascript:alert(1)", expected an https, http, mailto or relative link. Link to a web page instead, or ' +
      "remove the link.",
    'test/fixtures/unsafe-links/unsafe-links.yaml:12:14: `chat.note.content`: found a link to "JaVaScRiPt:x", ' +
      "expected an https, http, mailto or relative link. Link to a web page instead, or remove the link.",
    "test/fixtures/unsafe-links/unsafe-links.yaml:12:29: `chat.note.content`: found a link to " +
      '"data:text/html,hi", expected an https, http, mailto or relative link. Link to a web page instead, or ' +
      "remove the link.",
    'test/fixtures/unsafe-links/unsafe-links.yaml:12:87: `chat.note.content`: found a link to "vbscript:run", ' +
      "expected an https, http, mailto or relative link. Link to a web page instead, or remove the link.",
    "test/fixtures/unsafe-links/unsafe-links.yaml:17:25: `limitations.statistics_logging[0]`: found a link to " +
      '"file:///etc/passwd", expected an https, http, mailto or relative link. Link to a web page instead, or ' +
      "remove the link.",
  ]);
});

test("an alias that is another provider's slug, its own slug, or another provider's alias", () => {
  assert.equal(problemsIn("alias-clashes"), [
    'test/fixtures/alias-clashes/alpha.yaml:4:11: `aliases[0]`: found "Beta", which makes /ai-providers/beta/, ' +
      'the page of "Beta AI" in test/fixtures/alias-clashes/beta.yaml (line 4), expected an old name or slug ' +
      "that no provider uses now. Remove it.",
    'test/fixtures/alias-clashes/alpha.yaml:4:32: `aliases[2]`: found "alpha", which makes this provider\'s ' +
      'own slug "alpha", expected an old name or slug: it would redirect the page to itself. Remove it.',
    'test/fixtures/alias-clashes/gamma.yaml:4:11: `aliases[0]`: found "Old Alpha", which makes the same ' +
      "redirect (/ai-providers/old-alpha/) as `aliases[1]` in test/fixtures/alias-clashes/alpha.yaml (line 4), " +
      "expected each alias in one provider only. Remove one of them.",
  ]);
});

test("a route type of another capability is a warning with the expected one, and the file still loads", () => {
  const registry = loadRegistry(fixture("route-type-of-another-capability"), { root: projectRoot });
  assert.equal(
    registry.providers.map((p) => p.name),
    ["Borrowed Route"],
  );
  assert.equal(registry.warnings.map(formatProblem), [
    "test/fixtures/route-type-of-another-capability/borrowed-route.yaml:15:15: warning: " +
      '`completions.route_type`: found "llm/v1/chat", expected "llm/v1/completions" for `completions`. Use ' +
      '"llm/v1/completions" unless the gateway really routes this capability through "llm/v1/chat".',
  ]);
});

test("one error message lists every problem of every file, with a count", () => {
  try {
    loadRegistry(fixture("malformed-yaml"), { root: projectRoot });
    assert.unreachable("should fail");
  } catch (error) {
    assert.instance(error, RegistryError);
    const lines = (error as Error).message.split("\n");
    assert.is(lines[0], "The provider registry has 6 errors:");
    assert.is(lines.length, 7);
    assert.ok(lines.slice(1).every((line) => line.startsWith("  test/fixtures/malformed-yaml/")));
  }
});

test("a file with syntax mistakes: every mistake in one run, and the rule problems of the lines that parsed", () => {
  assert.equal(problemsIn("several-mistakes"), [
    'test/fixtures/several-mistakes/acme.yaml:6:14: `chat.supported`: found "yes", expected `true` or `false`. ' +
      "Write `true`: YAML reads an unquoted `yes` as text, not as true.",
    "test/fixtures/several-mistakes/acme.yaml:8:18: `chat.upstream_path`: found a value that starts with a backtick " +
      "(`), which YAML reserves at the start of a value, expected the value in quotes. Write upstream_path: " +
      "'`/v1/chat/completions`'",
    'test/fixtures/several-mistakes/acme.yaml:11:16: `chat.min_version`: found "latest", expected the first ' +
      "gateway version that has it, as major.minor in quotes, like '3.11', or 'n/a' when it has no minimum of " +
      'its own. Write the number of the version it means today: "latest" changes with every release.',
    'test/fixtures/several-mistakes/acme.yaml:14:14: `embeddings.streaming`: found "no", expected `true` or ' +
      "`false`. Write `true` or `false` without quotes.",
    "test/fixtures/several-mistakes/acme.yaml:17:18: `embeddings.model_example`: found a value that opens with ' " +
      "but is never closed, expected a closing '. Add ' at the end of the value.",
  ]);
});

test.run();
