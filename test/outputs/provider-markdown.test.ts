import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderProviderMarkdown } from "../helpers/templates.ts";
import { parseProviderSource } from "../../src/registry/load.ts";
import { fixture } from "../helpers/build-site.ts";
import { testSite } from "../helpers/providers.ts";

const load = (file: string) =>
  parseProviderSource(readFileSync(fixture(file), "utf8"), `test/fixtures/${file}`).provider!;
const markdown = new MarkdownIt({ html: true });

test("the twin has the page's sections, real tables, and `[^n]` footnotes under their group's table", () => {
  const md = renderProviderMarkdown(load("notes-in-some-groups/some-notes.yaml"), testSite, "2026-01-02T03:04:05Z");
  assert.match(
    md,
    new RegExp(
      String.raw`^# Some Notes\n\n> The Some Notes reference in Markdown; ` +
        String.raw`the web page: <https:\/\/site.example.com\/ai-providers\/some-notes\/>; ` +
        String.raw`data: \`test\/fixtures\/notes-in-some-groups\/some-notes.yaml\`; last updated 2026-01-02.\n`,
    ),
  );
  assert.equal(md.match(/^#+ .*$/gm), [
    "# Some Notes",
    "## Some Notes base URL",
    "### Upstream paths",
    "## Supported capabilities",
    "### Text generation",
    "### Processing",
    "### Audio",
    "### Image",
  ]);
  assert.match(
    md,
    "| Capability | Route type | Streaming | Model example | Min version |\n| --- | --- | --- | --- | --- |\n| " +
      "Chat completions | `llm/v1/chat` | Supported | model-chat | 3.11 |\n| Embeddings[^1] | " +
      "`llm/v1/embeddings` | Not supported | model-embeddings | 3.11 |\n\n[^1]: Embeddings note.\n",
  );
  assert.match(md, "| Edits[^3] |");
  assert.match(md, "[^3]: ");
  assert.match(md, "> **Note:** For requests with large payloads (audio transcription/translation)");
  const tables = parse(markdown.render(md)).querySelectorAll("table");
  assert.is(tables.length, 5);
});

test("values from data cannot inject HTML into a renderer that allows it, and a legacy link stays a link", () => {
  const md = renderProviderMarkdown(load("hostile-text/tom-jerry-s-ai-labs.yaml"), testSite);
  assert.match(md, '# Tom \\& Jerry\'s \\> AI \\< "Labs"\n');
  const html = markdown.render(md);
  assert.not.match(html, /<script|<img/);
  assert.match(html, '<a href="https://example.com/docs">the docs</a>');
  assert.match(
    md,
    "| Chat completions[^1] | `llm/v1/chat` | Supported | \\<script>alert(1)\\</script> & \\<img src=x " +
      "onerror=alert(2)> | 3.6 |",
  );
  assert.not.match(md, "last updated");
});

test("a realtime-only provider gets the realtime warning before its table", () => {
  const md = renderProviderMarkdown(load("only-realtime/realtime-only.yaml"), testSite);
  const section = md.slice(md.indexOf("### Realtime"));
  assert.ok(section.indexOf("> **Warning:** Realtime processing requires") < section.indexOf("| Capability |"));
  assert.match(section, "[AI Proxy Advanced](https://docs.example.com/plugins/ai-proxy-advanced/)");
});

test.run();
