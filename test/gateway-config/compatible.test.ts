import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { compatibleUrl, OPENAI_PATHS } from "../../src/gateway-catalogue.ts";
import { configFormats } from "../../src/gateway-config/formats.ts";
import { type ConfigObject, capabilityConfig } from "../../src/gateway-config/plugin-config.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

// Every OpenAI-compatible provider, shipped or in the fixture: each configuration is the
// gateway's OpenAI driver with `upstream_url` at the provider's base URL and OpenAI's path.
const compatible = [
  loadRegistry(path.join(projectRoot, "_data/providers"), { root: projectRoot }),
  loadRegistry(fixture("gateway-compatible"), { root: projectRoot }),
].flatMap((r) => r.providers.filter((p) => p.compatibleWith));

test("each capability of an OpenAI-compatible provider is OpenAI's driver at the provider's address", () => {
  for (const provider of compatible) {
    for (const capability of provider.capabilities) {
      const where = `${provider.slug} ${capability.key}`;
      assert.is(capability.routeType, CAPABILITIES.find((c) => c.key === capability.key)!.routeType, where);
      const config = capabilityConfig(provider, capability)!;
      const model = config.config.model as ConfigObject;
      const options = model.options as ConfigObject;
      assert.is(model.provider, "openai", where);
      const url = compatibleUrl(provider.urlPatterns[0]!, capability.routeType)!;
      assert.is(options.upstream_url, url, where);
      assert.ok(url.startsWith(provider.urlPatterns[0]!.replace(/\/+$/, "")), where);
      assert.ok(url.endsWith(OPENAI_PATHS[capability.routeType]!), where);
      assert.match(configFormats(config).deck, `upstream_url: ${JSON.stringify(url)}`);
    }
  }
});

test("the fixture's configuration, with the file's own options kept beside upstream_url", () => {
  const provider = compatible.find((p) => p.file.startsWith("test/"))!;
  const config = capabilityConfig(provider, provider.capabilities[0]!)!;
  assert.equal(config.config.model, {
    provider: "openai",
    name: "compatible/chat-1",
    options: { max_tokens: 256, upstream_url: "https://api.compatible.example/inference/v1/chat/completions" },
  });
  assert.is(config.gatewayVersion, "3.6");
  assert.is(config.confirmed, false);
});

test.run();
