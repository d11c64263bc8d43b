// `npm run import`: Kong's single-file registry (test/fixtures/kong-registry/, invented providers
// in Kong's shape) to one provider file per entry, the values not carried, and the check's verdict.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type ImportOptions, importKongRegistry } from "../../src/kong-registry/import-kong.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";
import { runNode } from "../helpers/run-node.ts";

const siteFile = path.join(projectRoot, "_data/site.yaml");

/** A throwaway project root holding Kong's file as `ai-proxy.yaml`, so messages name short paths. */
function workspace(kongFixture: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), "kong-import-test-"));
  copyFileSync(fixture(`kong-registry/${kongFixture}`), path.join(root, "ai-proxy.yaml"));
  const out = path.join(root, "_data/providers");
  return {
    root,
    out,
    run: (options: ImportOptions = {}) =>
      importKongRegistry(path.join(root, "ai-proxy.yaml"), { out, root, siteFile, ...options }),
    files: () => readdirSync(out).sort(),
    read: (name: string) => readFileSync(path.join(out, name), "utf8"),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A written file without its first line, which points at the schema by a path relative to the folder. */
const body = (text: string) => text.slice(text.indexOf("\n") + 1);

test("each entry becomes a file; every value not carried is listed where it stands in Kong's file", () => {
  const ws = workspace("kong-file-with-faults.yaml");
  const report = ws.run();
  assert.equal(ws.files(), ["acme-ai.yaml", "bolt-models.yaml"]);
  assert.equal(report.out, [
    "Wrote _data/providers/acme-ai.yaml.",
    "Wrote _data/providers/bolt-models.yaml.",
    "6 values were not carried:",
    'ai-proxy.yaml:8:5: `providers[0].docs_url` ("Acme AI"): not carried: our provider files have no `docs_url` ' +
      "field (see _data/providers/README.md).",
    'ai-proxy.yaml:19:7: `providers[0].chat.deprecated` ("Acme AI"): not carried: a capability entry has no ' +
      "`deprecated` field.",
    'ai-proxy.yaml:35:7: `providers[0].audio.voices` ("Acme AI"): not carried: `audio` has no capability ' +
      "`voices` (it has `speech`, `transcriptions`, `translations`).",
    "ai-proxy.yaml:63:5: `providers[2]`: not carried: an entry that is not a mapping makes no file.",
    'ai-proxy.yaml:65:5: `providers[3]` ("ACME-AI"): not carried: it makes acme-ai.yaml, as does the entry at ' +
      "ai-proxy.yaml:7:5, whose file is written. Rename one of them in Kong's file.",
    "ai-proxy.yaml:69:1: `parameters`: not carried: it holds where each fact goes in the plugin's configuration, " +
      "which the site knows itself.",
  ]);
  // Kong's older single url_pattern joins the list; the HTML values and the unsupported entries are kept as written.
  assert.is(
    body(ws.read("bolt-models.yaml")),
    [
      "# Imported from Kong's registry by `npm run import`; this file is the source from now on.",
      "# Field guide: _data/providers/README.md. Check your edits with `npm run check`; preview with `npm start`.",
      "name: 'Bolt Models'",
      "url_patterns:",
      "  - 'https://{region}.bolt.example.net'",
      "min_version: '3.12'",
      "chat:",
      "  supported: true",
      "  streaming: true",
      "  upstream_path: 'Uses the <code>Talk</code> API'",
      "  route_type: 'llm/v1/chat'",
      `  model_example: '<a href="https://bolt.example.net/models">Any Bolt model</a>'`,
      "  min_version: '3.9'",
      "embeddings:",
      "  supported: false",
      "  streaming: false",
      "image:",
      "  generations:",
      "    supported: false",
      "    streaming: false",
      "limitations:",
      "  provider_specific: []",
      "  statistics_logging: []",
      "",
    ].join("\n"),
  );
  // The faults carried over are the check's to report, located in the files now written.
  assert.not.ok(report.ok);
  const lines = report.err.join("\n").split("\n");
  assert.is(lines[0], "The provider registry has 1 error and 3 warnings:");
  assert.ok(
    lines.includes(
      '  _data/providers/acme-ai.yaml:26:15: `batches.route_type`: found "files/v1/batches", expected a gateway ' +
        'route type (listed in _data/providers/README.md). Did you mean "llm/v1/batches"?',
    ),
    lines.join("\n"),
  );
  assert.equal(
    lines.slice(1).map((line) => /^.*?`[^`]+`/.exec(line)?.[0]),
    [
      "  _data/providers/acme-ai.yaml:24:14: warning: `batches.streaming`",
      "  _data/providers/acme-ai.yaml:26:15: `batches.route_type`",
      "  _data/providers/acme-ai.yaml:32:7: warning: `limitations.provider_specific[0]`",
      "  _data/providers/bolt-models.yaml:14:16: warning: `chat.min_version`",
    ],
  );
  ws.remove();
});

test("a clean file imports to files that pass the check, and every value is carried", () => {
  const ws = workspace("kong-file-clean.yaml");
  const report = ws.run();
  assert.ok(report.ok, report.err.join("\n"));
  assert.equal(report.err, []);
  assert.equal(report.out, [
    "Wrote _data/providers/quill.yaml.",
    "Wrote _data/providers/osel-labs.yaml.",
    "Every value was carried.",
    `OK: 2 providers in ${ws.out}, 0 aliases, 0 warnings.`,
  ]);
  assert.ok(
    ws.read("quill.yaml").startsWith("# yaml-language-server: $schema=../../"),
    "the first line points editors at the schema",
  );
  const [osel, quill] = loadRegistry(ws.out, { root: ws.root }).providers;
  assert.equal(quill!.urlPatterns, ["$UPSTREAM_URL"]);
  assert.is(quill!.urlIsVariable, true);
  assert.is(osel!.name, "Ösel Labs");
  assert.is(osel!.footnotes[0]!.content, "Vectors have [1,024 dimensions](https://osel.example.com/docs#dims).");
  ws.remove();
});

test("an existing file is not overwritten: nothing is written; --force replaces it, keeping our own fields", () => {
  const ws = workspace("kong-file-clean.yaml");
  mkdirSync(ws.out, { recursive: true });
  const ours =
    "name: 'Quill'\naliases: ['Quill AI']\nurl_patterns: ['https://old.example.com']\n" +
    "gateway:\n  provider: 'openai'\n  confirmed: false\n  auth:\n    style: 'none'\n";
  writeFileSync(path.join(ws.out, "quill.yaml"), ours);
  const refused = ws.run();
  assert.not.ok(refused.ok);
  assert.equal(refused.err, [
    '_data/providers/quill.yaml: found a file that exists, expected a new file for providers[0] ("Quill"). Run ' +
      "again with --force to replace it (keeping its slug, aliases, lint_ignore, gateway), or write elsewhere with " +
      "--out <folder>.",
    "Nothing was written.",
  ]);
  assert.equal(ws.files(), ["quill.yaml"], "not even the file that was free");
  assert.is(ws.read("quill.yaml"), ours);

  const forced = ws.run({ force: true });
  assert.ok(forced.ok, forced.err.join("\n"));
  assert.is(forced.out[0], "Wrote _data/providers/quill.yaml (kept its aliases, gateway).");
  const loaded = loadRegistry(ws.out, { root: ws.root }).providers.find((p) => p.slug === "quill")!;
  assert.equal(loaded.aliases, ["Quill AI"]);
  assert.equal(loaded.urlPatterns, ["$UPSTREAM_URL"], "Kong's values replace ours");
  assert.is(loaded.gateway?.provider, "openai");
  ws.remove();
});

test("what is not Kong's registry stops the import with a located message", () => {
  const ws = workspace("kong-file-clean.yaml");
  const cases: [string, string][] = [
    [
      "name: 'Solo'\nurl_patterns: ['https://s.example.com']\n",
      "ai-proxy.yaml:1:1: found a mapping without a `providers` list, expected Kong's provider registry: a mapping " +
        "with a `providers` list (app/_data/plugins/ai-proxy.yaml in Kong/developer.konghq.com). Give the path of " +
        "that file.",
    ],
    [
      "providers:\n  - name: 'A'\n    name: 'B'\n",
      "ai-proxy.yaml:3:5: `providers[0].name`: found `name` a second time, expected each key once in a mapping (the " +
        "first `name` is at line 2, column 5). Keep one of them.",
    ],
    [
      // A few anchors that would expand to a billion values: refused before anything is expanded.
      [
        "a: &a [x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "providers: []",
      ].join("\n"),
      "ai-proxy.yaml:1:4: found the YAML anchor `&a`, expected every value written out: anchors and aliases are not " +
        "allowed in data files (a few of them can expand a small file to gigabytes). Write the value in full where " +
        "the anchor stands.",
    ],
    [
      "providers:\n  - name: 'A\n",
      "ai-proxy.yaml:2:11: `providers[0].name`: found a value that opens with ' but is never closed, expected a " +
        "closing '. Add ' at the end of the value.",
    ],
  ];
  for (const [source, message] of cases) {
    writeFileSync(path.join(ws.root, "ai-proxy.yaml"), source);
    const report = ws.run();
    assert.not.ok(report.ok);
    assert.equal(report.err, [message, "Nothing was written."]);
  }
  const missing = importKongRegistry(path.join(ws.root, "nowhere.yaml"), { out: ws.out, root: ws.root, siteFile });
  assert.match(missing.err[0]!, /^nowhere\.yaml: no such file, expected Kong's provider registry/);
  assert.throws(() => ws.files(), "no folder was made");
  ws.remove();
});

test("an entry with many keys not carried lists the first 50 and counts the rest", () => {
  const ws = workspace("kong-file-clean.yaml");
  const keys = Array.from({ length: 70 }, (_, i) => `    extra_${i}: 'x'\n`).join("");
  writeFileSync(path.join(ws.root, "ai-proxy.yaml"), `providers:\n  - name: 'Many'\n${keys}`);
  const notes = ws.run().out.filter((line) => line.includes('("Many")'));
  assert.is(notes.length, 51);
  assert.is(
    notes[49],
    'ai-proxy.yaml:52:5: `providers[0].extra_49` ("Many"): not carried: our provider files have no ' +
      "`extra_49` field (see _data/providers/README.md).",
  );
  assert.is(notes[50], 'ai-proxy.yaml:2:5: `providers[0]` ("Many"): and 20 more keys not carried.');
  ws.remove();
});

test("npm run import: stdout lists what was written and not carried, stderr the check's errors; exit 1", async () => {
  const ws = workspace("kong-file-with-faults.yaml");
  const script = ["--import", "tsx", "scripts/import.ts"];
  const run = await runNode([...script, path.join(ws.root, "ai-proxy.yaml"), "--out", ws.out]);
  assert.is(run.code, 1);
  assert.equal(ws.files(), ["acme-ai.yaml", "bolt-models.yaml"]);
  assert.match(run.output, "6 values were not carried:");
  assert.match(run.output, '/acme-ai.yaml:26:15: `batches.route_type`: found "files/v1/batches"');
  assert.not.match(run.output, "    at ", "no stack trace");
  const again = await runNode([...script, path.join(ws.root, "ai-proxy.yaml"), "--out", ws.out]);
  assert.is(again.code, 1);
  assert.match(again.output, /found a file that exists[\s\S]*Nothing was written\.\n$/);
  const usage = await runNode([...script, "--out"]);
  assert.equal(
    [usage.code, usage.output],
    [1, "Usage: npm run import -- <ai-proxy.yaml> [--out <folder>] [--force]\n"],
  );
  ws.remove();
});

test.run();
