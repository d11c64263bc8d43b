import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, fixture } from "../helpers/build-site.ts";

test("each alias becomes a Netlify 301 from its slug's page to the provider's page", async () => {
  const pages = await buildSite(fixture("aliases"));
  const redirects = pages.get("/_redirects");
  assert.ok(redirects, [...pages.keys()].join(", "));
  assert.is(
    redirects.html,
    [
      "/ai-providers/sample-ai/ /ai-providers/example-ai/ 301",
      "/ai-providers/vertex-ai/ /ai-providers/gemini-vertex/ 301",
      "/ai-providers/google-vertex/ /ai-providers/gemini-vertex/ 301",
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
