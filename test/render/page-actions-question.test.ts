// The "Open in ChatGPT" and "Open in Claude" links carry the question as its text, URL-encoded:
// a name with `&` or quotes reaches the assistant as written, not as HTML markup ("&amp;").
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { providerSummary } from "../../src/provider-summary.ts";
import { renderInclude } from "../helpers/templates.ts";
import { capabilityYaml, providerFrom, testSite } from "../helpers/providers.ts";

const name = `Éclair & Co's "AI"`;
const provider = providerFrom(
  `name: '${name.replaceAll("'", "''")}'\nslug: 'eclair-co-ai'\nurl_patterns: ['https://e.example.com']\n` +
    capabilityYaml("chat"),
  "_data/providers/eclair-co-ai.yaml",
);
const question =
  `Read https://site.example.com/ai-providers/eclair-co-ai/index.md and answer my questions about ${name} ` +
  "in Kong AI Gateway.";

test("the assistants' links send the question's text, encoded once", () => {
  const html = renderInclude("provider-page/page-actions", {
    provider,
    site: testSite,
    summary: providerSummary(provider, testSite),
  });
  const links = parse(html).querySelectorAll("a").slice(2);
  assert.equal(
    links.map((a) => new URL(a.getAttribute("href")!).searchParams.get("q")),
    [question, question],
  );
  assert.not.match(html, "%26amp%3B", "no escaped markup in the encoded text");
});

test.run();
