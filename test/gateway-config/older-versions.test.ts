import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRegistry } from "../../src/registry/load.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";
import { testSite } from "../helpers/providers.ts";
import { renderInclude, renderProviderJson, renderProviderMarkdown } from "../helpers/templates.ts";

// A provider whose options include fields later gateway versions added: the page says which
// versions lack which option, and the JSON carries the configuration for each run of versions.
const [provider] = loadRegistry(fixture("gateway-versions"), { root: projectRoot }).providers;
const page = parse(renderInclude("provider-reference/reference", { provider, site: testSite, prefix: "" }));
const intro = (id: string) => page.getElementById(`${id}-config`)!.querySelector(".config-intro")!.text;

test("the sentence before a configuration names the versions that lack an option it sets", () => {
  assert.is(
    intro("chat"),
    "The AI Proxy plugin on the route later-options-chat, for Kong Gateway 3.8 or later. On Kong Gateway 3.8 to " +
      "3.12, which have no model.options.bedrock.video_output_s3_uri or model.options.bedrock.batch_role_arn, " +
      "the configuration leaves them out. On Kong Gateway 3.13, which has no " +
      "model.options.bedrock.batch_role_arn, the configuration leaves it out.",
  );
  assert.is(
    intro("video-generations"),
    "The AI Proxy plugin on the route later-options-video-generations, for Kong Gateway 3.13 or later. On Kong " +
      "Gateway 3.13, which has no model.options.bedrock.batch_role_arn, the configuration leaves it out.",
  );
  // The twin says the same, in Markdown.
  assert.match(
    renderProviderMarkdown(provider!, testSite),
    "On Kong Gateway 3.13, which has no `model.options.bedrock.batch_role_arn`, the configuration leaves it out.",
  );
});

test("the JSON carries the configuration of each run of older versions, without the options they lack", () => {
  const json = JSON.parse(renderProviderJson(provider!, testSite));
  const chat = json.capabilities.find((c: { id: string }) => c.id === "chat").config;
  assert.equal(
    chat.older_versions.map((o: any) => [
      o.from,
      o.before,
      o.omitted,
      Object.keys(o.plugin_config.config.model.options.bedrock),
    ]),
    [
      ["3.8", "3.13", ["bedrock.video_output_s3_uri", "bedrock.batch_role_arn"], ["aws_region"]],
      ["3.13", "3.14", ["bedrock.batch_role_arn"], ["aws_region", "video_output_s3_uri"]],
    ],
  );
  assert.not.match(chat.older_versions[0].deck, "video_output_s3_uri");
  assert.match(chat.older_versions[1].terraform, "video_output_s3_uri = var.later_video_s3_uri");
  assert.equal(chat.older_versions[1].environment, [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "LATER_VIDEO_S3_URI",
  ]);
  assert.match(chat.deck, "batch_role_arn");
});

test.run();
