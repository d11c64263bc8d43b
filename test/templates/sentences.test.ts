// A sentence is written once: changing the intro in its one .liquid file changes it on every
// provider page and in every Markdown twin. Built from a copy of the templates.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { filesUnder, fixture, projectRoot } from "../helpers/build-site.ts";

test(
  "the intro sentence, edited in " + "_includes/prose/intro.liquid, changes on every page " + "and in every twin",
  async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "provider-templates-"));
    const out = path.join(copy, "_site");
    const previous = { PROVIDERS_DIR: process.env.PROVIDERS_DIR, ELEVENTY_OUTPUT: process.env.ELEVENTY_OUTPUT };
    try {
      cpSync(path.join(projectRoot, "pages"), path.join(copy, "pages"), { recursive: true });
      cpSync(path.join(projectRoot, "_includes"), path.join(copy, "_includes"), { recursive: true });
      cpSync(path.join(projectRoot, "_data/site.yaml"), path.join(copy, "_data/site.yaml"));
      const intro = path.join(copy, "_includes/prose/intro.liquid");
      const original = readFileSync(intro, "utf8");
      assert.match(original, "You can proxy requests to {{ provider.name }}");
      writeFileSync(
        intro,
        original.replace("You can proxy requests to {{ provider.name }}", "Send {{ provider.name }}"),
      );

      Object.assign(process.env, { PROVIDERS_DIR: fixture("aliases"), ELEVENTY_OUTPUT: out });
      // The copy is the project the build runs in: Eleventy finds pages/ and _includes/ from the working folder.
      process.chdir(copy);
      const elev = new Eleventy("pages", out, {
        configPath: path.join(projectRoot, "eleventy.config.ts"),
        quietMode: true,
      });
      await elev.write();

      const files = filesUnder(out);
      // One page and one twin per provider of the fixture.
      const twins = files.filter((f) => f.endsWith("/index.md"));
      const pages = twins.map((twin) => twin.replace(/index\.md$/, "index.html"));
      assert.is(twins.length, 3, files.join("\n"));
      for (const file of [...pages, ...twins]) {
        const text = readFileSync(path.join(out, file), "utf8");
        assert.match(text, /Send [^<\n]+ models through Kong AI Gateway using the /, file);
        assert.not.match(text, "You can proxy requests to", file);
      }
    } finally {
      process.chdir(projectRoot);
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(copy, { recursive: true, force: true });
    }
  },
);

test.run();
