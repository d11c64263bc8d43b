import { test } from "uvu";
import * as assert from "uvu/assert";
import { pageHeadings } from "../src/page-headings.ts";
import { renderProviderReference } from "../src/render/provider-reference.ts";
import { capabilityYaml, providerFrom, testSite } from "./helpers/providers.ts";

test("h2 and h3 with ids, in page order, as plain text", () => {
  const html =
    `<h1 id="top">Title</h1><h2 id="base-url">A &amp; B <code>&lt;x&gt;</code></h2>` +
    `<p>text</p><h3 class="x" id="paths">Upstream&#32;paths&#x21;</h3><h2>No id</h2><h4 id="deep">Deep</h4>` +
    `<H2 ID="upper">Upper</H2><h3 id="empty"> </h3>`;
  assert.equal(pageHeadings(html), [
    { level: 2, id: "base-url", text: "A & B <x>" },
    { level: 3, id: "paths", text: "Upstream paths!" },
    { level: 2, id: "upper", text: "Upper" },
  ]);
});

test("a provider's reference: every section heading, and a name with & and quotes reads as written", () => {
  const provider = providerFrom(
    `name: 'Q&A "Labs"'\nurl_patterns: ` +
      `['https://a.example.com']\n${capabilityYaml("chat")}${capabilityYaml("function_calling")}`,
  );
  const headings = pageHeadings(renderProviderReference(provider, testSite));
  assert.equal(
    headings.map((h) => `${h.level} ${h.id} ${h.text}`),
    [
      '2 base-url Q&A "Labs" base URL',
      "3 upstream-paths Upstream paths",
      "2 supported-capabilities Supported capabilities",
      "3 text-generation Text generation",
      "3 advanced-text-generation Advanced text generation",
    ],
  );
});

test.run();
