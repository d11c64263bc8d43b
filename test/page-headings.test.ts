import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pageHeadings } from "../src/page-headings.ts";
import { renderProviderReference } from "./helpers/templates.ts";
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

test("headings read as tags dropped, references decoded, white space collapsed and trimmed, in any markup", () => {
  // The definition the fast path of pageHeadings keeps to, written out in full.
  const heading = /<h([23])\b[^>]*?\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
  const reference = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  const decode = (text: string) =>
    text.replace(reference, (whole, ref: string) => {
      const lower = ref.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
      return named[lower] ?? whole;
    });
  const byDefinition = (html: string) =>
    [...html.matchAll(heading)].flatMap((m) => {
      const text = decode(m[3]!.replace(/<[^>]*>/g, ""))
        .replace(/\s+/g, " ")
        .trim();
      return text ? [{ level: m[1] === "2" ? 2 : 3, id: decode(m[2]!), text }] : [];
    });
  const piece = fc.constantFrom(
    ...['<h2 id="a">', '<h3 class="x" id="b&amp;c">', "</h2>", "</h3>", "</H2 >", '<H3 ID="u">'],
    ...["<code>", "</code>", " ", "  ", "\n", "\t", "\u00a0", "&nbsp;", "&#32;", "&#x21;", "&amp;", "&lt;"],
    ...["x", "Word", "é", "<", ">", "&", '"'],
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const html = parts.join("");
      return JSON.stringify(pageHeadings(html)) === JSON.stringify(byDefinition(html));
    }),
    { numRuns: 5000 },
  );
});

test.run();
