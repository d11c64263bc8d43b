import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { parseProviderSource } from "../../src/registry/load.ts";
import { envNameFor, planScaffold, ScaffoldError, scaffoldText } from "../../src/registry/scaffold.ts";
import { fixture, projectRoot } from "../helpers/build-site.ts";

const temporaries: string[] = [];
const temporary = (what: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `scaffold-${what}-`));
  temporaries.push(dir);
  return dir;
};

const refusal = (name: string, dir: string): string => {
  try {
    planScaffold(name, dir, projectRoot);
  } catch (error) {
    assert.instance(error, ScaffoldError);
    return (error as Error).message;
  }
  assert.unreachable(`"${name}" should be refused`);
  return "";
};

test("the scaffold is valid as it stands, warned as untouched: a placeholder URL, no capability yet", () => {
  const { provider, problems } = parseProviderSource(scaffoldText("Example AI"), "_data/providers/example-ai.yaml");
  assert.equal(
    problems.map((p) => [p.severity, p.position?.line, p.message]),
    [
      [
        "warning",
        6,
        "`url_patterns[0]`: found the scaffold's placeholder " +
          '"https://api.example-ai.example/{route_type_path}", expected the provider\'s real base URL. Replace ' +
          "it with the URL from the provider's API reference.",
      ],
      [
        "warning",
        14,
        "found no supported capability, expected at least one: the page would have no table. Set `supported: " +
          "true` on each capability the gateway supports for this provider, and fill in its fields.",
      ],
    ],
  );
  assert.is(provider!.name, "Example AI");
  assert.is(provider!.slug, "example-ai");
  assert.equal(provider!.capabilities, []);
});

test("the scaffold lists every capability in canonical order, its route type in a comment", () => {
  const text = scaffoldText("Example AI");
  const keys = [...text.matchAll(/^( *)([a-z_]+):\n\1 {2}supported: false$/gm)].map((m) => m[2]);
  assert.equal(
    keys,
    CAPABILITIES.map((c) => c.key.split(".").pop()),
  );
  for (const capability of CAPABILITIES) assert.match(text, `# route_type: '${capability.routeType}'`);
  // Uncommenting a capability's fields and setting `supported: true` makes a valid entry.
  const filled = text
    .replace("chat:\n  supported: false", "chat:\n  supported: true")
    .replace(/^chat:\n(?: {2}.*\n)+/m, (entry) => entry.replace(/^ {2}# (?!note| {2}content)/gm, "  "));
  const { provider, problems } = parseProviderSource(
    filled.replace("https://api.example-ai.example/", "https://api.example-ai.com/"),
    "example-ai.yaml",
  );
  assert.equal(problems, []);
  assert.equal(
    provider!.capabilities.map((c) => [c.key, c.routeType, c.minVersion]),
    [["chat", "llm/v1/chat", "3.14"]],
  );
});

test("the scaffold writes a valid gateway block, its variables named after the slug", () => {
  const { provider } = parseProviderSource(scaffoldText("01 Example Labs"), "_data/providers/01-example-labs.yaml");
  assert.equal(provider!.gateway, {
    provider: "openai",
    confirmed: false,
    auth: { style: "header", header_name: "Authorization", env: "AI_01_EXAMPLE_LABS_API_KEY", bearer: true },
    options: [{ name: "upstream_url", value: { env: "AI_01_EXAMPLE_LABS_UPSTREAM_URL" }, required: true }],
  });
  // A writer who switches to a provider with required options is told what to add.
  const anthropic = scaffoldText("Example AI").replace("provider: 'openai'", "provider: 'anthropic'");
  assert.match(
    parseProviderSource(anthropic, "example-ai.yaml")
      .problems.map((p) => p.message)
      .join("\n"),
    "`gateway.options.required`: missing `anthropic_version`, expected because the gateway's `anthropic` provider",
  );
  // At most 64 characters, the limit of an `env` name.
  assert.is(envNameFor("x".repeat(80), "UPSTREAM_URL").length, 64);
});

test("the scaffold names its file after the slug and points editors at the schema", () => {
  const dir = temporary("plan");
  const { file, text } = planScaffold("Ünïcode Labs", dir, projectRoot);
  assert.is(path.basename(file), "unicode-labs.yaml");
  assert.match(text, /^# yaml-language-server: \$schema=(\.\.\/)+.*schema\/provider\.schema\.json\n/);
  assert.match(text, "name: 'Ünïcode Labs'");
});

test("refuses to overwrite a file, or to reuse a name, a slug or an alias", () => {
  const dir = temporary("refusals");
  writeFileSync(path.join(dir, "example-ai.yaml"), "name: 'Whatever'\nurl_patterns: ['https://x.example']\n");
  assert.match(refusal("Example AI", dir), /example-ai\.yaml already exists\. Edit it, or choose another name\.$/);
  assert.match(refusal("whatever", dir), /already has the name "Whatever"/);
  const aliases = fixture("aliases");
  assert.is(
    refusal("Tom Jerry's AI Labs", fixture("hostile-text")),
    "test/fixtures/hostile-text/tom-jerry-s-ai-labs.yaml already exists. Edit it, or choose another name.",
  );
  // A file not (yet) named after its slug still holds the slug.
  writeFileSync(
    path.join(dir, "legacy.yaml"),
    "name: 'Acme Labs'\nslug: 'acme'\nurl_patterns: ['https://x.example']\n",
  );
  assert.match(
    refusal("Acme", dir),
    /"Acme" makes the slug "acme", which .*legacy\.yaml \("Acme Labs"\) already uses\./,
  );
  assert.match(
    refusal("Vertex AI", aliases),
    /"Vertex AI" makes the slug "vertex-ai", which .*gemini-vertex\.yaml \("Gemini Vertex"\) lists as an alias/,
  );
});

test("refuses a name that cannot make a slug, or holds HTML", () => {
  const dir = temporary("names");
  assert.match(refusal("   ", dir), /^Give the provider's name/);
  assert.match(refusal("日本語", dir), /has no letters or digits to make a file name and page slug from/);
  assert.match(refusal("Acme <i>AI</i>", dir), /`name`: found HTML \(`<i>`\)/);
});

test.after(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

test.run();
