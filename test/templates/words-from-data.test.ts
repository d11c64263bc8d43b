// Words made from the data: a provider's name said once ("OpenAI models", not "OpenAI AI models"),
// "the <name> provider", and the self-hosted note naming the providers the registry marks
// `self_hosted`, linked, or left out when there are none.
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { SiteNavigation } from "../../src/navigation.ts";
import { text } from "../helpers/build-site.ts";
import { capabilityYaml, providerFrom, testSite } from "../helpers/providers.ts";
import { renderInclude, useFacts } from "../helpers/templates.ts";

const named = (name: string, extra = "") =>
  providerFrom(
    `name: '${name}'\nurl_patterns: ['https://x.example.com/{route_type_path}']\n${extra}${capabilityYaml("chat")}`,
    `_data/providers/${name.toLowerCase().replaceAll(" ", "-")}.yaml`,
  );

test("the intro names a provider's models without doubling AI, whatever the name", () => {
  for (const [name, models] of [
    ["OpenAI", "OpenAI models"],
    ["Nimbus AI", "Nimbus AI models"],
    ["xAI", "xAI models"],
    ["Mistral", "Mistral AI models"],
  ]) {
    const intro = text(parse(`<p>${renderInclude("prose/intro", { provider: named(name!), site: testSite })}</p>`));
    assert.match(intro, `You can proxy requests to ${models} through`, name);
    assert.not.match(intro, "AI AI");
  }
  const capabilities = renderInclude("prose/capabilities-intro", { provider: named("Nimbus AI"), site: testSite });
  assert.match(capabilities, "supported by the Nimbus AI provider when used with");
});

test("the self-hosted providers: those marked self_hosted, in the registry's order, shared by every page", () => {
  const providers = [named("Alpha", "self_hosted: true\n"), named("Beta"), named("Gamma", "self_hosted: true\n")];
  const navigation = new SiteNavigation(providers, testSite);
  assert.equal(navigation.selfHosted, [
    { name: "Alpha", url: "/ai-providers/alpha/" },
    { name: "Gamma", url: "/ai-providers/gamma/" },
  ]);
  assert.equal(new SiteNavigation([named("Beta")], testSite).selfHosted, []);
});

test("the self-hosted note lists them linked, and is left out when there are none", () => {
  const provider = named("Beta");
  // The registry the page is built from (in name order): Beta and the self-hosted ones named.
  const reference = (selfHosted: string[]) => {
    useFacts([provider, ...selfHosted.map((name) => named(name, "self_hosted: true\n"))]);
    return parse(renderInclude("provider-reference/reference", { provider, site: testSite, prefix: "" }));
  };
  const three = reference(["Alpha", "Gamma", "Delta"]);
  const note = three.querySelectorAll(".callout").find((c) => text(c).includes("self-hosted"))!;
  assert.match(text(note), "While only Alpha, Delta and Gamma are classed as self-hosted, the target URL can be");
  assert.equal(
    note.querySelectorAll("a").map((a) => a.getAttribute("href")),
    ["/ai-providers/alpha/", "/ai-providers/delta/", "/ai-providers/gamma/"],
  );
  const five = text(reference(["Alpha", "Delta", "Epsilon", "Gamma", "Zeta"]));
  assert.match(five, "While only Alpha, Delta, Epsilon, Gamma and Zeta are classed as self-hosted");
  // Past five, their number and the first three: the note stays a sentence however large the registry.
  const many = reference(["Alpha", "Delta", "Epsilon", "Gamma", "Iota", "Zeta"]);
  assert.match(text(many), "While only 6 providers, such as Alpha, Delta and Epsilon, are classed as self-hosted, the");
  assert.not.match(text(many), "Gamma");
  const one = reference(["Alpha"]);
  assert.match(text(one), "While only Alpha is classed as self-hosted");
  const none = reference([]);
  assert.not.match(text(none), "classed as self-hosted");
  assert.ok(none.querySelector(".callout"), "the other callouts stay");
});

test.run();
