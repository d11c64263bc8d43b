// Rendered pages are kept by Eleventy until the build ends, so each is compacted as soon as it is
// rendered (src/eleventy/flat-rendered-pages.ts): one flat string, one byte a character where the
// page allows it. V8's serialiser writes a string as it is held, so its length tells the two apart.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compactPage, registerFlatRenderedPages } from "../../src/eleventy/flat-rendered-pages.ts";
import { projectEleventy, projectRoot, withBuildFolders } from "../helpers/build-site.ts";

/** Bytes a character the string is held in: about 1 (Latin-1) or 2 (two bytes a character). */
const bytesPerChar = (text: string) => v8.serialize(text).length / text.length;

/** A page as liquidjs makes one: a chain of appended pieces, one of them two bytes a character. */
function chainedPage(): string {
  const twoByte = "\u203a <nav>".slice(1);
  let page = "<!DOCTYPE html>";
  for (let i = 0; i < 2000; i++) page += `${twoByte}<a href="/ai-providers/p-${i}/">Provider ${i} \u00b7</a>`;
  return page;
}

test("a page of Latin-1 characters is kept one byte a character, with the same text", () => {
  const page = chainedPage();
  assert.ok(bytesPerChar(page) > 1.9, "the chain is held two bytes a character");
  const compact = compactPage(page);
  assert.is(compact, page);
  assert.ok(bytesPerChar(compact) < 1.01, `${bytesPerChar(compact)} bytes a character`);
});

test("an engine amended again (the dev server, each rebuild) is wrapped once", async () => {
  const amendments: ((liquid: any) => void)[] = [];
  registerFlatRenderedPages({ amendLibrary: (_: string, amend: (liquid: any) => void) => amendments.push(amend) });
  const liquid = { render: async () => "<p>page</p>" };
  amendments[0]!(liquid);
  const wrapped = liquid.render;
  amendments[0]!(liquid);
  assert.is(liquid.render, wrapped);
  assert.is(await liquid.render(), "<p>page</p>");
});

test("a page with a character beyond Latin-1 keeps its text", () => {
  const page = `${chainedPage()}<td>\u2713</td>`;
  assert.is(compactPage(page), page);
});

test("a built page is held one byte a character, though its template holds a character beyond Latin-1", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "provider-flat-pages-"));
  const held = new Map<string, number>();
  // A `›` in a comment: liquidjs cuts the page's text out of a source held two bytes a character.
  const extra = {
    "flat-page-test.liquid":
      "---\npermalink: /flat-page-test/\n---\n{% comment %}\u203a{% endcomment %}<p>" +
      "{% for provider in registry.providers %}<a href='/{{ provider.slug }}/'>{{ provider.name }}</a> " +
      "{% endfor %}</p>",
  };
  try {
    await withBuildFolders(path.join(projectRoot, "_data/providers"), out, async () => {
      const elev = projectEleventy(out, extra, (config) =>
        config.on("eleventy.after", ({ results }: { results: { url: string; content: unknown }[] }) => {
          for (const { url, content } of results) {
            // Pages with a character beyond Latin-1 in them need two bytes a character.
            if (typeof content === "string" && content && !/[^\u0000-\u00ff]/.test(content))
              held.set(url, bytesPerChar(content));
          }
        }),
      );
      await elev.write();
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  assert.ok((held.get("/flat-page-test/") ?? 2) < 1.01, `held at ${held.get("/flat-page-test/")} bytes a character`);
  for (const [url, bytes] of held) assert.ok(bytes < 1.01, `${url} held at ${bytes.toFixed(2)} bytes a character`);
});

test.run();
