import { test } from "uvu";
import * as assert from "uvu/assert";
import { slugify } from "../../src/registry/slug.ts";

test("lower-cases and joins words with hyphens", () => {
  assert.is(slugify("Amazon Bedrock"), "amazon-bedrock");
  assert.is(slugify("Gemini Vertex"), "gemini-vertex");
  assert.is(slugify("vLLM"), "vllm");
});

test("transliterates accented and special letters to ASCII", () => {
  assert.is(slugify("Ünïcode Möbius Straße"), "unicode-mobius-strasse");
  assert.is(slugify("Łódź Æther Øresund"), "lodz-aether-oresund");
});

test("turns runs of punctuation into one hyphen and trims the ends", () => {
  assert.is(slugify(`Tom & Jerry's <AI> "Labs"`), "tom-jerry-s-ai-labs");
  assert.is(slugify("  --Hello__World!!  "), "hello-world");
});

test("yields an empty slug when nothing is left", () => {
  assert.is(slugify("日本語"), "");
  assert.is(slugify("!!!"), "");
});

test.run();
