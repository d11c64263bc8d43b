import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";
import { providerFrom } from "../helpers/providers.ts";

const styles = loadRegistry(fixture("gateway-auth-styles"), { root: projectRoot });

test("each auth style keeps its own fields as the file writes them; options keep file order, required first", () => {
  assert.equal(
    styles.providers.map((p) => [p.slug, p.gateway!.auth]),
    [
      [
        "aws-ai",
        { style: "aws", access_key_id_env: "AWS_ACCESS_KEY_ID", secret_access_key_env: "AWS_SECRET_ACCESS_KEY" },
      ],
      ["gcp-ai", { style: "gcp" }],
      [
        "header-bearer-ai",
        { style: "header", header_name: "Authorization", bearer: true, env: "HEADER_BEARER_API_KEY" },
      ],
      ["header-key-ai", { style: "header", header_name: "x-api-key", env: "HEADER_KEY_API_KEY" }],
      ["none-ai", { style: "none" }],
      ["query-ai", { style: "query", param_name: "key", env: "QUERY_API_KEY" }],
    ],
  );
  assert.equal(styles.get("header-bearer-ai").gateway!.options, [
    { name: "upstream_url", value: { env: "HEADER_BEARER_UPSTREAM_URL" }, required: true },
    { name: "max_tokens", value: 512, required: false },
    { name: "temperature", value: 0.5, required: false },
    { name: "upstream_path", value: `it's a "quoted" value: with # and $HOME`, required: false },
  ]);
  assert.is(styles.get("header-bearer-ai").gateway!.confirmed, false);
});

test("a file without a gateway block is still a provider, with no configuration", () => {
  const provider = providerFrom("name: 'Plain AI'\nurl_patterns: ['https://plain.example']\n");
  assert.is(provider.gateway, undefined);
});

test.run();
