import MarkdownIt from "markdown-it";
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { configFormats } from "../../src/gateway-config/formats.ts";
import { capabilityConfig } from "../../src/gateway-config/plugin-config.ts";
import { renderProviderMarkdown } from "../helpers/templates.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";
import { providerFrom, testSite } from "../helpers/providers.ts";
import { renderInclude } from "../helpers/templates.ts";

// The "Configure" rows of the reference and the decK blocks of the twin, over the fixture with
// a provider per auth style: each capability's configuration, as the generator wrote it.
const styles = loadRegistry(fixture("gateway-auth-styles"), { root: projectRoot });
const reference = (provider: (typeof styles.providers)[number], prefix = "") =>
  // `pre` parsed as elements, not as raw text, to read the `code` inside.
  parse(renderInclude("provider-reference/reference", { provider, site: testSite, prefix }), {
    blockTextElements: { script: true, style: true },
  });

test("each capability row is followed by its Configure row: a closed disclosure with the decK configuration", () => {
  for (const provider of styles.providers) {
    const dom = reference(provider, "p-");
    const rows = dom.querySelectorAll("tbody tr");
    for (const capability of provider.capabilities) {
      const row = dom.getElementById(`p-${capability.id}`)!;
      const next = rows[rows.indexOf(row) + 1]!;
      assert.ok(next.classList.contains("configure"), `${provider.slug} ${capability.id}`);
      const details = next.querySelector("details")!;
      assert.is(details.id, `p-${capability.id}-config`);
      assert.is(details.getAttribute("open"), undefined);
      const formats = configFormats(capabilityConfig(provider, capability)!);
      assert.equal(
        details.querySelectorAll("pre code").map((code) => [code.id, code.text]),
        [[`p-${capability.id}-config-deck-code`, formats.deck]],
      );
      assert.equal(
        details
          .querySelectorAll("button.copy-button")
          .map((b) => [b.getAttribute("data-copy-target"), b.hasAttribute("hidden")]),
        [[`p-${capability.id}-config-deck-code`, true]],
      );
      // The other formats come from the provider's JSON (config-tabs.js): where, and which capability.
      const formatsGroup = details.querySelector("[data-config-formats]")!;
      assert.is(formatsGroup.getAttribute("data-config-json"), `/api/providers/${provider.slug}.json`);
      assert.is(formatsGroup.getAttribute("data-config-capability"), capability.id);
      // Unconfirmed facts say so beside the configuration, linking to the full warning; confirmed ones do not.
      const unconfirmed = details.querySelectorAll(".config-unconfirmed");
      assert.is(unconfirmed.length, provider.gateway!.confirmed ? 0 : 1);
      if (unconfirmed[0]) assert.is(unconfirmed[0].querySelector("a")!.getAttribute("href"), "#p-config-unconfirmed");
    }
    // Once a page: the full warning when unconfirmed, and the templates config-tabs.js copies (the tabs in order).
    assert.is(
      dom.querySelectorAll("#p-config-unconfirmed .callout-warning").length,
      provider.gateway!.confirmed ? 0 : 1,
    );
    const tabs = parse(dom.querySelector("template[data-config-tabs-template]")!.innerHTML);
    assert.equal(
      tabs.querySelectorAll("[role=tab]").map((t) => [t.text, t.getAttribute("data-config-format")]),
      [
        ["decK", "deck"],
        ["Admin API", "admin-api"],
        ["Konnect API", "konnect-api"],
        ["Kubernetes", "kubernetes"],
        ["Terraform", "terraform"],
      ],
    );
    assert.is(dom.querySelectorAll("template[data-config-panel-template]").length, 1);
  }
});

test("before the tables: what Configure holds, where all five formats are, and the variables to set", () => {
  const say = (slug: string) => reference(styles.get(slug)).querySelector(".config-more")!.text;
  assert.is(
    say("gcp-ai"),
    "Under each capability, Configure gives its AI Proxy plugin configuration in five formats (decK only, " +
      "without JavaScript). The configurations for decK, the Admin API, the Konnect API, Kubernetes and Terraform " +
      "are all in this provider's JSON: deck, admin_api, konnect_api, kubernetes and terraform in each " +
      "capability's config, with plugin_config, the body to send to a plugins endpoint, as data. Each " +
      "configuration reads GCP_PROJECT_ID " +
      "from your environment: set it first (no secret is written here). The gateway reads the Google Cloud " +
      "service account's JSON from GCP_SERVICE_ACCOUNT in its own environment.",
  );
  assert.match(
    say("aws-ai"),
    "Each configuration reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from your environment",
  );
  assert.not.match(say("none-ai"), "from your environment");
});

test("the sentence before a configuration: the route, the version, the model", () => {
  const say = (slug: string, id: string) =>
    reference(styles.get(slug)).getElementById(`${id}-config`)!.querySelector(".config-intro")!.text;
  assert.is(
    say("gcp-ai", "video-generations"),
    "The AI Proxy plugin on the route gcp-ai-video-generations, for Kong Gateway 3.13 or later.",
  );
  assert.is(
    say("none-ai", "chat"),
    "The AI Proxy plugin on the route none-ai-chat, for Kong Gateway 3.6 or later. No model is set: the " +
      "gateway takes it from each request's model field.",
  );
});

test("a provider without a gateway block has no Configure rows", () => {
  const provider = providerFrom(
    "name: 'Plain AI'\nurl_patterns: ['https://plain.example.com']\nchat:\n  supported: true\n  streaming: true\n" +
      "  upstream_path: '/v1/chat'\n  route_type: 'llm/v1/chat'\n  model_example: 'plain-1'\n  min_version: '3.6'\n",
  );
  const dom = reference(provider);
  assert.ok(dom.getElementById("chat"));
  assert.is(dom.querySelectorAll("tr.configure, details").length, 0);
});

test("the twin carries each capability's decK configuration in a yaml block, after its group's table", () => {
  const markdown = new MarkdownIt({ html: false });
  for (const provider of styles.providers) {
    const md = renderProviderMarkdown(provider, testSite);
    const blocks = markdown
      .parse(md, {})
      .filter((t) => t.type === "fence")
      .map((t) => [t.info, t.content.replace(/\n$/, "")]);
    assert.equal(
      blocks,
      provider.capabilities.map((c) => ["yaml", configFormats(capabilityConfig(provider, c)!).deck]),
      provider.slug,
    );
    assert.is(md.includes("> **Warning:** Unconfirmed:"), !provider.gateway!.confirmed, provider.slug);
    // Beside each configuration too, linking to the page's full warning.
    const marks = md.split("\n").filter((line) => line.startsWith("**Unconfirmed:**"));
    assert.is(marks.length, provider.gateway!.confirmed ? 0 : provider.capabilities.length, provider.slug);
    for (const mark of marks) assert.match(mark, `/ai-providers/${provider.slug}/#config-unconfirmed)`);
    // Where the other two formats are.
    assert.match(md, `[this provider's JSON](https://`);
  }
});

test.run();
