// Option names that walk the prototype (issue 21, class 2): the check refuses them, and the
// configuration builder, given such a name past the check, makes a property of its own and
// never touches a global; template syntax never reaches a configuration as a model name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gatewaySetup, plainModelName } from "../src/gateway-config/plugin-config.ts";
import type { Provider } from "../src/registry/model.ts";

function providerWithOptions(names: string[]): Provider {
  return {
    name: "Example AI",
    slug: "example-ai",
    file: "_data/providers/example-ai.yaml",
    urlPatterns: ["https://api.example.org"],
    urlIsVariable: false,
    nativeFormats: [],
    limitations: { providerSpecific: [], statisticsLogging: [] },
    aliases: [],
    selfHosted: false,
    capabilities: [],
    groups: [],
    footnotes: [],
    gateway: {
      provider: "openai",
      confirmed: true,
      auth: { style: "none" },
      options: names.map((name) => ({ name, value: "x", required: true })),
    },
  };
}

test("nested options from prototype names are own properties, and no global changes", () => {
  const before = Object.getOwnPropertyNames(Object).length;
  const setup = gatewaySetup(providerWithOptions(["constructor.assign_x", "__proto__.polluted", "prototype.y"]));
  assert.ok(setup);
  assert.is((Object as unknown as Record<string, unknown>).assign_x, undefined, "Object is untouched");
  assert.is(({} as Record<string, unknown>).polluted, undefined, "Object.prototype is untouched");
  assert.is(Object.getOwnPropertyNames(Object).length, before);
});

test("a model example with template or shell syntax never becomes a model name in a configuration", () => {
  // The data's own `${`, built from parts: no placeholder of ours.
  const dollarBrace = "$" + "{";
  for (const example of [
    `\`${dollarBrace}{ env "DECK_X" }}\``,
    "`$(whoami)`",
    "gpt-$(id)",
    `m-${dollarBrace}HOME}`,
    "`a`b`",
    `<code>${dollarBrace}X}</code>`,
  ]) {
    assert.is(plainModelName(example), undefined, example);
  }
  assert.is(plainModelName("`llama3.2:1b`"), "llama3.2:1b");
});

test.run();
