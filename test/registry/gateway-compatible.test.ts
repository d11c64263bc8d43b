import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem, RegistryError } from "../../src/registry/errors.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

// A file with `compatible_with: 'openai'`: its capabilities take OpenAI's route types and paths
// after its base URL, and each mistake in it is located and says what to write.
test("an OpenAI-compatible file inherits OpenAI's route types and paths after its base URL's own path", () => {
  const [provider] = loadRegistry(fixture("gateway-compatible"), { root: projectRoot }).providers;
  assert.is(provider!.compatibleWith, "openai");
  assert.equal(
    provider!.capabilities.map((c) => [c.key, c.routeType, c.upstreamPath]),
    [
      ["chat", "llm/v1/chat", "`/inference/v1/chat/completions`"],
      ["embeddings", "llm/v1/embeddings", "`/inference/v1/embeddings`"],
      ["audio.transcriptions", "audio/v1/audio/transcriptions", "`/inference/v1/audio/transcriptions`"],
    ],
  );
});

test("an OpenAI-compatible file's mistakes: base URL, fields it inherits, driver, upstream_url", () => {
  let problems: string[] = [];
  try {
    loadRegistry(fixture("gateway-mistakes"), { root: projectRoot });
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    problems = error.problems.map(formatProblem).filter((p) => p.includes("/compatible-mistakes.yaml:"));
  }
  const at = "test/fixtures/gateway-mistakes/compatible-mistakes.yaml";
  assert.equal(problems, [
    `${at}:3:5: \`url_patterns[0]\`: found "https://api.example.com/{route_type_path}", expected the provider's ` +
      "OpenAI-compatible base URL, like 'https://api.example.com/v1', with no `{placeholders}`: the gateway calls " +
      "it followed by OpenAI's paths (`/chat/completions`). Write the base URL the provider's documentation gives " +
      "for OpenAI clients.",
    `${at}:8:3: \`chat.route_type\`: found \`route_type\`, expected none with \`compatible_with: 'openai'\`: the ` +
      "capability takes OpenAI's. Remove it.",
    `${at}:13:16: \`video.generations.supported\`: found \`true\`, expected \`false\` with \`compatible_with: ` +
      "'openai'`: the gateway's OpenAI driver has no path for `video/v1/videos/generations`. Set `supported: false`.",
    `${at}:18:13: \`gateway.provider\`: found "together", expected 'openai' with \`compatible_with: 'openai'\`: ` +
      "the gateway reaches the provider through its OpenAI driver. Write `provider: 'openai'`.",
    `${at}:18:13: warning: \`gateway.provider\`: found "together", which is not a \`model.provider\` of the ` +
      "gateway (as of 3.15), expected one of `anthropic`, `azure`, `bedrock`, `cerebras`, `cohere`, `dashscope`, " +
      "`databricks`, `deepseek`, `gemini`, `huggingface`, `llama2`, `mistral`, `ollama`, `openai`, `vllm`, `xai`. " +
      "Check the spelling; a provider newer than 3.15 is fine.",
    `${at}:27:7: \`gateway.options.required.upstream_url\`: found \`upstream_url\`, expected none with ` +
      "`compatible_with: 'openai'`: each capability's address is made from the base URL (`url_patterns`). Remove it.",
  ]);
});

test("without compatible_with, a supported capability still needs its route type and upstream path", () => {
  let problems: string[] = [];
  try {
    loadRegistry(fixture("missing-fields"), { root: projectRoot });
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    problems = error.problems.map(formatProblem);
  }
  assert.ok(
    problems.includes(
      "test/fixtures/missing-fields/supported-but-incomplete.yaml:4:1: `embeddings.route_type`: missing, expected " +
        "because `embeddings` is supported. Under `embeddings:`, add `route_type: 'llm/v1/embeddings'`.",
    ),
    problems.join("\n"),
  );
});

test.run();
