import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry, providerFiles } from "../src/registry/load.ts";
import { buildSite, projectRoot, tableRows, text } from "./helpers/build-site.ts";

const providersDir = path.join(projectRoot, "_data/providers");

test("the shipped provider files load with no problems", () => {
  const registry = loadRegistry(providersDir, { root: projectRoot });
  assert.is(registry.providers.length, providerFiles(providersDir).length);
  assert.equal(registry.warnings, []);
});

test("every data file yields exactly one provider page, named by its file", async () => {
  const pages = await buildSite(providersDir);
  // Provider pages are the pages with a data file's provider in their main content's search index.
  const providerPages = [...pages.values()]
    .filter((p) => p.dom.querySelector("main[data-pagefind-body]"))
    .map((p) => p.url)
    .sort();
  const expected = providerFiles(providersDir)
    .map((file) => `/ai-providers/${path.basename(file, ".yaml")}/`)
    .sort();
  assert.equal(providerPages, expected);
  const index = pages.get("/ai-providers/")!;
  // The capability matrix has one row per provider, headed by a link to its page.
  assert.equal(
    index.dom
      .querySelectorAll("main tbody th a")
      .map((a) => a.getAttribute("href"))
      .sort(),
    expected,
  );
});

test("OpenAI's page carries the facts readers come for", async () => {
  const page = (await buildSite(providersDir)).get("/ai-providers/openai/")!;
  assert.match(
    text(page.dom.querySelector("main")),
    "The base URL for OpenAI is https://api.openai.com:443/{route_type_path}",
  );
  const text_generation = page.dom.getElementById("text-generation")!.closest("section")!;
  assert.equal(tableRows(text_generation.querySelector("table")!)[2]!.slice(0, 3), [
    "Embeddings Note 1",
    "llm/v1/embeddings",
    "Not supported",
  ]);
  assert.ok(page.dom.getElementById("embeddings"));
});

test("Anthropic's known data faults stay fixed", async () => {
  const registry = loadRegistry(providersDir, { root: projectRoot });
  const anthropic = registry.get("Anthropic");
  assert.is(anthropic.capabilities.find((c) => c.key === "batches")!.routeType, "llm/v1/batches");
  assert.is(
    anthropic.capabilities.find((c) => c.key === "completions"),
    undefined,
  );
});

test.run();
