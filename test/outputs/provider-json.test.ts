import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { configFormats } from "../../src/gateway-config/formats.ts";
import { capabilityConfig } from "../../src/gateway-config/plugin-config.ts";
import { parseProviderSource } from "../../src/registry/load.ts";
import { listItemText, providerJsonObject, providersJsonText } from "../../src/outputs/provider-json.ts";
import type { Provider } from "../../src/registry/model.ts";
import { fixture } from "../helpers/build-site.ts";
import { testSite } from "../helpers/providers.ts";
import { renderProviderJson as renderJson } from "../helpers/templates.ts";

const load = (file: string) =>
  parseProviderSource(readFileSync(fixture(file), "utf8"), `test/fixtures/${file}`).provider!;
const someNotes = load("notes-in-some-groups/some-notes.yaml");
const hostile = load("hostile-text/tom-jerry-s-ai-labs.yaml");

/** A provider's JSON as `/api/providers/<slug>.json` holds it. */
const renderProviderJson = (provider: Provider, lastUpdated?: string) => renderJson(provider, testSite, lastUpdated);

test("a provider's JSON: names, URLs, each supported capability with its fields and its note", () => {
  const json = JSON.parse(renderProviderJson(someNotes, "2026-01-02T03:04:05+00:00"));
  assert.is(json.slug, "some-notes");
  assert.is(json.page_url, "https://site.example.com/ai-providers/some-notes/");
  assert.is(json.markdown_url, "https://site.example.com/ai-providers/some-notes/index.md");
  assert.is(json.json_url, "https://site.example.com/api/providers/some-notes.json");
  assert.is(
    json.edit_url,
    "https://git.example.com/org/repo/edit/main/test/fixtures/notes-in-some-groups/some-notes.yaml",
  );
  assert.is(json.last_updated, "2026-01-02T03:04:05+00:00");
  assert.equal(
    json.capabilities.map((c: any) => c.key),
    ["chat", "embeddings", "batches", "audio.speech", "image.generations", "image.edits"],
  );
  assert.equal(json.capabilities[1], {
    key: "embeddings",
    id: "embeddings",
    label: "Embeddings",
    group: "text-generation",
    url: "https://site.example.com/ai-providers/some-notes/#embeddings",
    route_type: "llm/v1/embeddings",
    streaming: false,
    upstream_path: "`/v1/embeddings`",
    model_example: "model-embeddings",
    min_version: "3.11",
    note: { number: 1, text: "Embeddings note." },
    config: null,
  });
  assert.is(json.capabilities[0].note, null);
  assert.equal(
    json.footnotes.map((f: any) => [f.number, f.capability]),
    [
      [1, "embeddings"],
      [2, "batches"],
      [3, "image.edits"],
    ],
  );
});

test("text fields are Markdown, with the legacy inline HTML turned into Markdown; nothing is lost to escaping", () => {
  const json = JSON.parse(renderProviderJson(hostile));
  assert.is(json.name, `Tom & Jerry's > AI < "Labs"`);
  assert.is(json.last_updated, null);
  assert.is(json.capabilities[0].upstream_path, "`/v1/chat` and [the docs](https://example.com/docs)");
  assert.is(json.capabilities[0].model_example, "<script>alert(1)</script> & <img src=x onerror=alert(2)>");
});

test("each capability carries its gateway configuration: the facts, the data and the five formats", () => {
  const provider = load("gateway-auth-styles/header-key-ai.yaml");
  const json = JSON.parse(renderProviderJson(provider));
  const [chat, completions] = json.capabilities;
  assert.equal(
    {
      ...chat.config,
      deck: undefined,
      admin_api: undefined,
      konnect_api: undefined,
      kubernetes: undefined,
      terraform: undefined,
    },
    {
      plugin: "ai-proxy",
      name: "header-key-ai-chat",
      route_type: "llm/v1/chat",
      model_name: "claude-example-4",
      gateway_version: "3.6",
      confirmed: true,
      environment: ["HEADER_KEY_API_KEY"],
      gateway_environment: [],
      plugin_config: {
        name: "ai-proxy",
        config: {
          route_type: "llm/v1/chat",
          auth: { header_name: "x-api-key", header_value: `\${HEADER_KEY_API_KEY}` },
          model: { provider: "anthropic", name: "claude-example-4", options: { anthropic_version: "2023-06-01" } },
        },
      },
      deck: undefined,
      admin_api: undefined,
      konnect_api: undefined,
      kubernetes: undefined,
      terraform: undefined,
      older_versions: [],
    },
  );
  const formats = configFormats(capabilityConfig(provider, provider.capabilities[0]!)!);
  assert.equal(
    [chat.config.deck, chat.config.admin_api, chat.config.konnect_api, chat.config.kubernetes, chat.config.terraform],
    [formats.deck, formats.adminApi, formats.konnectApi, formats.kubernetes, formats.terraform],
  );
  assert.match(chat.config.deck, `header_value: \${{ env "DECK_HEADER_KEY_API_KEY" }}`);
  // "User-defined" is not a model name: the gateway takes the model from each request.
  assert.is(completions.config.model_name, null);
  assert.not.match(completions.config.deck, /^\s+name: /m);
});

test("the list of every provider holds each provider's JSON, and says what it is", () => {
  const own = (provider: Provider) =>
    listItemText(JSON.stringify(providerJsonObject(provider, testSite, null), null, 2));
  const text = providersJsonText([someNotes, hostile], testSite, own, "/schema/provider.schema.json");
  const json = JSON.parse(text);
  // Each provider's own text set in reads exactly as the whole list written at once.
  assert.is(text, JSON.stringify(json, null, 2));
  assert.is(json.provider_count, 2);
  assert.is(json.data_file_schema, "https://site.example.com/schema/provider.schema.json");
  assert.equal(json.providers, [JSON.parse(renderProviderJson(someNotes)), JSON.parse(renderProviderJson(hostile))]);
  const emptyText = providersJsonText([], testSite, own);
  const empty = JSON.parse(emptyText);
  assert.is(emptyText, JSON.stringify(empty, null, 2));
  assert.equal(empty.providers, []);
  assert.not.ok("data_file_schema" in empty);
});

test.run();
