// Property: hostile text in any text field of a provider file (lone surrogates, controls, bidi
// overrides, huge values, deeply nested Markdown, every spelling of a link) ends either in pages
// whose every output carries only allowed links and clean text, or in located messages, and
// never in an exception that is not a data error. The loader and renderers run in process; the
// corpus test (hostile.test.ts) runs the command-line build and checks that a failure writes nothing.
import path from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderLlmsTxt } from "./helpers/templates.ts";
import { providerJsonObject } from "../src/outputs/provider-json.ts";
import { renderProviderMarkdown } from "./helpers/templates.ts";
import { providerSearchRecord } from "../src/outputs/search-records.ts";
import { DataError, INVISIBLE_CHARACTER, RegistryError } from "../src/registry/errors.ts";
import { parseProviderSource, registryFromResults } from "../src/registry/load.ts";
import { isAllowedLink } from "../src/registry/inline-links.ts";
import { renderProviderReference } from "./helpers/templates.ts";
import { loadSiteConfig } from "../src/site-config.ts";
import { projectRoot } from "./helpers/build-site.ts";

const site = loadSiteConfig(path.join(projectRoot, "_data/site.yaml"));

/** Every text field of a provider file, as a path into the mapping below. */
const TEXT_FIELDS = [
  ["name"],
  ["slug"],
  ["aliases", 0],
  ["url_patterns", 0],
  ["min_version"],
  ["formats"],
  ["chat", "upstream_path"],
  ["chat", "route_type"],
  ["chat", "model_example"],
  ["chat", "min_version"],
  ["chat", "note", "content"],
  ["native_formats", 0, "llm_format"],
  ["native_formats", 0, "supported_apis", 0],
  ["limitations", "provider_specific", 0],
  ["limitations", "statistics_logging", 0],
] as const;

const validProvider = () => ({
  name: "Property AI",
  aliases: ["Old Property"],
  url_patterns: ["https://api.example.com/{route_type_path}"],
  min_version: "3.6",
  formats: "`openai`",
  chat: {
    supported: true,
    streaming: true,
    upstream_path: "`/v1/chat/completions`",
    route_type: "llm/v1/chat",
    model_example: "[models](https://example.com/models)",
    min_version: "3.6",
    note: { content: "A *note*." },
  },
  native_formats: [{ llm_format: "openai", supported_apis: ["/v1/chat/completions"] }],
  limitations: { provider_specific: ["None."], statistics_logging: ["None."] },
});

// Pieces of hostile text, combined at random below.
const ATOMS = [
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u0085",
  "\t",
  "\n",
  "\r\n",
  "<a",
  '<a href="',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="javascript&amp;colon;alert(1)">x</a>',
  "<code>",
  "</code>",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "](",
  "[x](javascript:alert(1))",
  "[x](javascript\\:alert(1))",
  "[x](\tjavascript:alert(1))",
  "[x](JaVaScRiPt&#58;alert(1))",
  "[x](javas&#99;ript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](data:text/html,hi)",
  "[x](vbscript:x)",
  "[x](file:///etc/passwd)",
  "[x](https://example.com/ok)",
  "[x](mailto:a@example.com)",
  "[x](/relative)",
  "<javascript:alert(1)>",
  "<https://example.com>",
  "![x](https://evil.example/t.png)",
  "[x]: javascript:alert(1)",
  "`",
  "``",
  "*",
  "_",
  "[",
  "]",
  "&amp;",
  "&#0;",
  "&",
  "{{ x }}",
  "{% raw %}",
  "---",
  "x",
  " ",
  "é",
  "3.11",
  "llm/v1/chat",
  // Invisible characters (format characters, fillers, separators) and lookalike letters.
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "\u061c",
  "\u115f",
  "\u3164",
  "\uffa0",
  "\u2800",
  "\u{e0041}",
  "\u{e007f}",
  "\u2028",
  "\u2029",
  "\u0410",
  "\u03bf",
  "\uff2f",
];

const atoms = fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
const randomUnits = fc.string({ maxLength: 40, unit: "binary" });
// Huge and deeply nested: past the value limit, and just under it.
const huge = fc
  .tuple(fc.constantFrom(...ATOMS), fc.constantFrom(1_999, 2_001, 20_000, 200_000))
  .map(([atom, length]) => atom.repeat(Math.ceil(length / atom.length)).slice(0, length));
const nested = fc
  .tuple(fc.constantFrom("[", "*", "_", "`", "<code>", "![", "[x](", "<"), fc.integer({ min: 1, max: 600 }))
  .map(([open, depth]) => `${open.repeat(depth)}x${"](https://example.com)".repeat(depth)}`);
const hostileText = fc.oneof(atoms, randomUnits, huge, nested);

function withValue(field: readonly (string | number)[], value: string): Record<string, unknown> {
  const provider: Record<string, unknown> = validProvider();
  let parent: any = provider;
  for (const part of field.slice(0, -1)) parent = parent[part];
  parent[field[field.length - 1]!] = value;
  return provider;
}

const UNSAFE_TEXT = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]|${INVISIBLE_CHARACTER.source}`,
  "u",
);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// A CommonMark renderer without a scheme filter, as a reader of the Markdown twin may use.
const unfiltered = new MarkdownIt({ html: true });
unfiltered.validateLink = () => true;

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** Every token (inline ones included) a CommonMark renderer reads in a Markdown output. */
function markdownTokens(markdown: string): Token[] {
  const all: Token[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      all.push(token);
      if (token.children) visit(token.children);
    }
  };
  visit(unfiltered.parse(markdown, {}));
  return all;
}

/** What a CommonMark renderer reads as raw HTML in the outputs of a harmless provider: the templates' own text. */
const TEMPLATE_HTML = (() => {
  const provider = registryFromResults([
    parseProviderSource(JSON.stringify(validProvider()), "_data/providers/property-ai.yaml"),
  ]).providers[0]!;
  const outputs = [renderProviderMarkdown(provider, site), renderLlmsTxt([provider], site)];
  return new Set(
    outputs.flatMap((output) =>
      markdownTokens(output)
        .filter((t) => /^html_/.test(t.type))
        .map((t) => t.content),
    ),
  );
})();

function pageOrLocatedMessage(field: readonly (string | number)[], value: string): void {
  try {
    pageOrLocatedMessageUnlabelled(field, value);
  } catch (error) {
    if (error instanceof Error)
      error.message = `${field.join(".")} = ${JSON.stringify(value.slice(0, 120))}: ${error.message}`;
    throw error;
  }
}

function pageOrLocatedMessageUnlabelled(field: readonly (string | number)[], value: string): void {
  const file = "_data/providers/property-ai.yaml";
  // YAML is a superset of JSON, and JSON spells out every character, lone surrogates included.
  const source = JSON.stringify(withValue(field, value), null, 1);
  const result = parseProviderSource(source, file);
  for (const problem of result.problems) {
    assert.ok(problem.position, `located: ${problem.message}`);
    assert.ok(problem.message.length < 1_000, `a short message: ${problem.message.slice(0, 200)}...`);
    assert.not.match(problem.message, UNSAFE_TEXT, "the message quotes no control or bidi character raw");
  }
  let registry: ReturnType<typeof registryFromResults>;
  try {
    registry = registryFromResults([result]);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    // Cross-file rules (the file named after its slug) add their own problems to the file's.
    const problems = error instanceof RegistryError ? error.problems : result.problems;
    assert.ok(problems.length > 0, "a failure has its messages");
    for (const problem of problems) assert.ok(problem.position, `located: ${problem.message}`);
    return;
  }
  for (const provider of registry.providers) {
    const outputs = {
      html: renderProviderReference(provider, site),
      markdown: renderProviderMarkdown(provider, site),
      json: JSON.stringify(providerJsonObject(provider, site, null), null, 2),
      search: JSON.stringify(providerSearchRecord(provider, site)),
      llms: renderLlmsTxt([provider], site),
    };
    for (const [name, output] of Object.entries(outputs)) {
      assert.not.match(output, UNSAFE_TEXT, `${name}: no control or bidi character`);
      assert.not.match(output, LONE_SURROGATE, `${name}: no lone surrogate`);
    }
    assert.not.match(outputs.html, /<img\b/i, "html: no image");
    for (const href of outputs.html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const url = href[1]!.replace(/&amp;/g, "&");
      assert.ok(isAllowedLink(url) || url.startsWith("https://"), `html: ${url}`);
    }
    // The Markdown outputs as a CommonMark renderer with raw HTML on and no link filter reads them.
    for (const name of ["markdown", "llms"] as const) {
      const tokens = markdownTokens(outputs[name]);
      for (const token of tokens) {
        // The page's own words may show a placeholder (`/api/providers/<slug>.json`); data may not add any.
        const raw = /^html_/.test(token.type) && !TEMPLATE_HTML.has(token.content);
        assert.not.ok(raw, `${name}: raw HTML ${token.content}`);
        assert.not.ok(token.type === "image", `${name}: an image`);
        const target = token.attrGet("href");
        if (target !== null) assert.ok(isAllowedLink(target) || target.startsWith("https://"), `${name}: ${target}`);
      }
    }
  }
}

test("hostile text in any text field makes a clean page or located messages, never a crash", () => {
  fc.assert(
    fc.property(fc.constantFrom(...TEXT_FIELDS), hostileText, (field, value) => pageOrLocatedMessage(field, value)),
    { numRuns: 1500 },
  );
});

test("every atom alone in every field", () => {
  for (const field of TEXT_FIELDS) for (const atom of ATOMS) pageOrLocatedMessage(field, `Text ${atom} here`);
});

// Latin letters of "Property AI" and a Cyrillic, Greek or full-width letter that looks the same.
const LOOKALIKES: [string, string][] = [
  ["P", "\u0420"],
  ["o", "\u043e"],
  ["p", "\u0440"],
  ["e", "\u0435"],
  ["A", "\u0391"],
  ["I", "\u0399"],
  ["o", "\u03bf"],
  ["y", "\uff59"],
];

test("a name that reads as another provider's, a letter swapped for its lookalike, is refused", () => {
  fc.assert(
    fc.property(fc.subarray(LOOKALIKES, { minLength: 1 }), (swaps) => {
      let name = validProvider().name;
      for (const [latin, lookalike] of swaps) name = name.replace(latin, lookalike);
      const spoof = { ...validProvider(), name, slug: "spoof-ai", aliases: [] };
      const results = [
        parseProviderSource(JSON.stringify(validProvider()), "_data/providers/property-ai.yaml"),
        parseProviderSource(JSON.stringify(spoof), "_data/providers/spoof-ai.yaml"),
      ];
      try {
        registryFromResults(results);
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        assert.ok(
          error.problems.some((p) => p.field === "name" && /reads as "Property AI"/.test(p.message)),
          error.message,
        );
        return;
      }
      assert.unreachable(`${JSON.stringify(name)} was accepted beside "Property AI"`);
    }),
    { numRuns: 100 },
  );
});

test.run();
