import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, fixture } from "../helpers/build-site.ts";

test("each alias becomes a Netlify 301 of its page, Markdown twin and JSON to the provider's", async () => {
  const pages = await buildSite(fixture("aliases"));
  const redirects = pages.get("/_redirects");
  assert.ok(redirects, [...pages.keys()].join(", "));
  assert.is(
    redirects.html,
    [
      "/ai-providers/sample-ai/ /ai-providers/example-ai/ 301",
      "/ai-providers/sample-ai/index.md /ai-providers/example-ai/index.md 301",
      "/api/providers/sample-ai.json /api/providers/example-ai.json 301",
      "/ai-providers/vertex-ai/ /ai-providers/gemini-vertex/ 301",
      "/ai-providers/vertex-ai/index.md /ai-providers/gemini-vertex/index.md 301",
      "/api/providers/vertex-ai.json /api/providers/gemini-vertex.json 301",
      "/ai-providers/google-vertex/ /ai-providers/gemini-vertex/ 301",
      "/ai-providers/google-vertex/index.md /ai-providers/gemini-vertex/index.md 301",
      "/api/providers/google-vertex.json /api/providers/gemini-vertex.json 301",
      "",
    ].join("\n"),
  );
  assert.ok(pages.get("/ai-providers/gemini-vertex/"), "the provider's own page is still there");
});

test("with no aliases the redirects file is empty", async () => {
  const pages = await buildSite(fixture("only-video"));
  assert.is(pages.get("/_redirects")?.html, "");
});

test.run();
