// Every internal link and #anchor in the built site leads somewhere: in pages, and in the
// files for machines (sitemap, llms.txt, JSON) that name pages by their absolute URL.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadSiteConfig } from "../../src/site-config.ts";
import { projectRoot } from "../helpers/build-site.ts";
import { builtSite, htmlPages } from "../helpers/built-site.ts";

const site = loadSiteConfig(path.join(projectRoot, "_data/site.yaml"));

test("every internal href and src, and every #anchor, resolves in the built site", async () => {
  const dir = await builtSite();
  const pages = htmlPages(dir);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found)
      ids.set(
        file,
        (found = new Set(
          parse(readFileSync(file, "utf8"))
            .querySelectorAll("[id]")
            .map((e) => e.id),
        )),
      );
    return found;
  };
  const broken: string[] = [];
  let checked = 0;
  const check = (from: string, reference: string) => {
    const url = new URL(reference, `${site.url}${from}`);
    if (url.origin !== new URL(site.url).origin) return;
    checked++;
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) return void broken.push(`${from} → ${reference}: no file`);
    if (url.hash && !idsOf(file).has(decodeURIComponent(url.hash.slice(1))))
      broken.push(`${from} → ${reference}: no such anchor`);
  };
  for (const page of pages) {
    const dom = parse(page.html);
    for (const element of dom.querySelectorAll("a[href], link[href], script[src], img[src]")) {
      check(page.url, element.getAttribute("href") ?? element.getAttribute("src")!);
    }
  }
  // The files for machines name pages by absolute URL.
  for (const file of ["sitemap.xml", "llms.txt", "api/providers.json"]) {
    const content = readFileSync(path.join(dir, file), "utf8");
    for (const match of content.matchAll(new RegExp(`${site.url.replace(/[.]/g, "\\.")}[^\\s"<>)]*`, "g"))) {
      if (!match[0].endsWith("/api/providers/")) check(`/${file}`, match[0]);
    }
  }
  assert.equal(broken, []);
  // Every page links somewhere (the header's links at least): the links were really read.
  assert.ok(checked > pages.length, `checked ${checked} links on ${pages.length} pages`);
});

test("the data files' JSON Schema is published, and linked, exactly when the repository has it", async () => {
  const dir = await builtSite();
  const source = path.join(projectRoot, "schema/provider.schema.json");
  const published = path.join(dir, "schema/provider.schema.json");
  const llms = readFileSync(path.join(dir, "llms.txt"), "utf8");
  const json = JSON.parse(readFileSync(path.join(dir, "api/providers.json"), "utf8"));
  if (existsSync(source)) {
    assert.is(readFileSync(published, "utf8"), readFileSync(source, "utf8"));
    assert.match(llms, `${site.url}/schema/provider.schema.json`);
    assert.is(json.data_file_schema, `${site.url}/schema/provider.schema.json`);
  } else {
    assert.not.ok(existsSync(published));
    assert.not.match(llms, "schema");
    assert.not.ok("data_file_schema" in json);
  }
});

test.run();
