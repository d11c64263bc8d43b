import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkData } from "../../src/registry/check.ts";
import { formatProblem, RegistryError } from "../../src/registry/errors.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

// The `gateway` block's mistakes, one fixture file each, checked word for word: every message
// is located, names the field and says what to write instead.
const problems = (() => {
  try {
    loadRegistry(fixture("gateway-mistakes"), { root: projectRoot });
  } catch (error) {
    if (error instanceof RegistryError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("gateway-mistakes should not load");
})();
// The fixtures show the gateway block alone: the warning that they support no capability is beside the point.
const of = (file: string) =>
  problems.filter(
    (p) => p.startsWith(`test/fixtures/gateway-mistakes/${file}.yaml:`) && !p.includes("found no supported capability"),
  );

test("a provider file that forgets an option the gateway requires for its model.provider", () => {
  assert.equal(of("forgotten-option"), [
    "test/fixtures/gateway-mistakes/forgotten-option.yaml:18:3: `gateway.options.required`: missing " +
      "`anthropic_version`, expected because the gateway's `anthropic` provider does not run without it. Under " +
      "`gateway.options.required`, add `anthropic_version: '2023-06-01'`.",
  ]);
});

test("a secret pasted into a data file is refused, and the message never repeats it", () => {
  assert.equal(of("secrets"), [
    "test/fixtures/gateway-mistakes/secrets.yaml:11:10: `gateway.auth.env`: found what looks like an API key " +
      "(it starts `sk-p`), expected no secret in a data file: it would be published on the page. Write the name " +
      "of the environment variable that holds it instead, like 'EXAMPLE_API_KEY'.",
    "test/fixtures/gateway-mistakes/secrets.yaml:15:22: `gateway.options.recommended`: found what looks like a " +
      "bearer token in `upstream_path` (it starts `Bear`), expected no secret in a data file: it would be " +
      "published on the page. Put the secret in an environment variable and write `{ env: 'NAME' }` instead.",
  ]);
  for (const problem of of("secrets")) assert.not.match(problem, /EXAMPLEfake/);
});

test("a field of another auth style, and a field the style needs", () => {
  assert.equal(of("wrong-auth-fields"), [
    "test/fixtures/gateway-mistakes/wrong-auth-fields.yaml:7:3: `gateway.auth.secret_access_key_env`: missing, " +
      "expected with this auth `style`. Under `auth:`, add `secret_access_key_env: 'AWS_SECRET_ACCESS_KEY'`.",
    "test/fixtures/gateway-mistakes/wrong-auth-fields.yaml:9:5: `gateway.auth.header_name`: found " +
      "`header_name`, a field of the `header` style, expected only `access_key_id_env`, `secret_access_key_env` " +
      "with `style: 'aws'`. Remove it, or set `style: 'header'`.",
  ]);
});

test("options the gateway takes together, and an option in both lists", () => {
  assert.equal(of("options-together"), [
    "test/fixtures/gateway-mistakes/options-together.yaml:10:5: `gateway.options.required`: missing " +
      "`gemini.api_endpoint`, expected because `gemini.project_id` is set: the gateway's `gemini` provider takes " +
      "`gemini.api_endpoint`, `gemini.project_id`, `gemini.location_id` together or not at all. Add " +
      "`gemini.api_endpoint` under `gateway.options.required`, or remove the others.",
    "test/fixtures/gateway-mistakes/options-together.yaml:10:5: `gateway.options.required`: missing " +
      "`gemini.location_id`, expected because `gemini.project_id` is set: the gateway's `gemini` provider takes " +
      "`gemini.api_endpoint`, `gemini.project_id`, `gemini.location_id` together or not at all. Add " +
      "`gemini.location_id` under `gateway.options.required`, or remove the others.",
    "test/fixtures/gateway-mistakes/options-together.yaml:13:7: `gateway.options.recommended`: found " +
      "`gemini.project_id` under `required` too, expected each option once. Remove it from one of the lists.",
  ]);
});

test("values the gateway restricts, and option names it cannot read", () => {
  assert.equal(of("mistral-format"), [
    'test/fixtures/gateway-mistakes/mistral-format.yaml:11:23: `gateway.options.required`: found "olama" for ' +
      "`mistral_format`, expected one of 'openai', 'ollama'. Did you mean 'ollama'?",
    "test/fixtures/gateway-mistakes/mistral-format.yaml:12:7: `gateway.options.required.Max-Tokens`: found the " +
      'option name "Max-Tokens", expected small letters, digits and underscores, with at most one `.` for a ' +
      "nested option (`gemini.project_id`). Did you mean `max_tokens`?",
  ]);
});

test(
  "an unknown model.provider is a warning (a newer gateway " + "may know it); a bad style or variable name an error",
  () => {
    assert.equal(of("unknown-values"), [
      'test/fixtures/gateway-mistakes/unknown-values.yaml:5:13: warning: `gateway.provider`: found "mistrall", ' +
        "which is not a `model.provider` of the gateway (as of 3.15), expected one of `anthropic`, `azure`, " +
        "`bedrock`, `cerebras`, `cohere`, `dashscope`, `databricks`, `deepseek`, `gemini`, `huggingface`, " +
        '`llama2`, `mistral`, `ollama`, `openai`, `vllm`, `xai`. Did you mean "mistral"?',
      'test/fixtures/gateway-mistakes/unknown-values.yaml:8:12: `gateway.auth.style`: found "headers", ' +
        "expected one of 'header', 'query', 'aws', 'gcp', 'none'. Did you mean 'header'?",
      'test/fixtures/gateway-mistakes/unknown-values.yaml:9:10: `gateway.auth.env`: found "mistral_api_key", ' +
        "expected an environment variable name: up to 64 capital letters, digits and underscores, like " +
        "'EXAMPLE_API_KEY'. Did you mean 'MISTRAL_API_KEY'?",
    ]);
  },
);

test("options the gateway's schema lacks, or with a value of another type or outside its values", () => {
  assert.equal(of("invalid-options"), [
    'test/fixtures/gateway-mistakes/invalid-options.yaml:14:36: `gateway.options.required`: found "search_documents" ' +
      "for `cohere.embedding_input_type`, expected one of 'classification', 'clustering', 'image', " +
      "'search_document', 'search_query'. Did you mean 'search_document'?",
    "test/fixtures/gateway-mistakes/invalid-options.yaml:16:7: `gateway.options.recommended`: found `max_token`, " +
      "which is not a `model.options` field of the gateway (as of 3.15): every configuration with it would be " +
      "refused. Did you mean `max_tokens`?",
    'test/fixtures/gateway-mistakes/invalid-options.yaml:17:20: `gateway.options.recommended`: found "warm" for ' +
      "`temperature`, expected a number, the type the gateway's schema gives it. Write a number instead.",
    "test/fixtures/gateway-mistakes/invalid-options.yaml:18:14: `gateway.options.recommended`: found the number " +
      "2.5 for `top_k`, expected a whole number, the type the gateway's schema gives it. Write a whole number " +
      "instead.",
    "test/fixtures/gateway-mistakes/invalid-options.yaml:19:30: `gateway.options.recommended`: found a value from " +
      "the environment (text) for `cohere.wait_for_model`, expected `true` or `false`, the type the gateway's " +
      "schema gives it. Write `true` or `false` in the file itself.",
  ]);
});

test("`npm run check` gives the writer the same located message", () => {
  const report = checkData(fixture("gateway-mistakes"));
  assert.is(report.ok, false);
  assert.match(
    report.lines.join("\n"),
    "forgotten-option.yaml:18:3: `gateway.options.required`: missing `anthropic_version`, expected because",
  );
  assert.match(report.lines.join("\n"), "invalid-options.yaml:16:7: `gateway.options.recommended`: found `max_token`");
});

test.run();
