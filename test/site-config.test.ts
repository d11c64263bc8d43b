// _data/site.yaml is data too: read as strictly as a provider file, each mistake located, and
// every address that becomes a link on every page `https:`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadSiteConfig } from "../src/site-config.ts";
import { projectRoot } from "./helpers/build-site.ts";

const GOOD = `title: "AI provider reference"
product: "Kong AI Gateway"
description: "Providers."
pluginDocsUrl: "https://developer.konghq.com"
url: "https://ai-provider-reference.netlify.app/"
repositoryUrl: "https://github.com/example/ai-provider-reference"
`;

/** The message loading `text` as site.yaml gives, or the settings. */
function load(text: string | Buffer): any {
  const root = mkdtempSync(path.join(os.tmpdir(), "site-config-"));
  try {
    writeFileSync(path.join(root, "site.yaml"), text);
    return loadSiteConfig(path.join(root, "site.yaml"), { root });
  } catch (error) {
    assert.is((error as Error).name, "SiteConfigError", (error as Error).stack);
    return (error as Error).message;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("the shipped settings load; addresses lose their trailing slash, optional fields their defaults", () => {
  assert.is(loadSiteConfig(path.join(projectRoot, "_data/site.yaml")).pluginDocsUrl, "https://developer.konghq.com");
  assert.equal(load(GOOD), {
    title: "AI provider reference",
    product: "Kong AI Gateway",
    pluginDocsUrl: "https://developer.konghq.com",
    repositoryUrl: "https://github.com/example/ai-provider-reference",
    repositoryBranch: "main",
    url: "https://ai-provider-reference.netlify.app",
    language: "en",
    description: "Providers.",
  });
});

test("addresses must be https:, each mistake at its line and column", () => {
  const text = GOOD.replace('"https://developer.konghq.com"', '"http://developer.konghq.com"').replace(
    '"https://github.com/example/ai-provider-reference"',
    "\"javascript:alert('edit')\"",
  );
  assert.is(
    load(`${text}repositoryBranch: "main; rm -rf"\n`),
    "The site settings have 3 errors:\n" +
      '  site.yaml:4:16: `pluginDocsUrl`: found "http://developer.konghq.com", expected an https: address: ' +
      "it becomes a link on every page. Write `pluginDocsUrl: 'https://developer.konghq.com'`.\n" +
      "  site.yaml:6:16: `repositoryUrl`: found \"javascript:alert('edit')\", expected an https: address: it " +
      "becomes a link on every page. Write `repositoryUrl: " +
      "'https://github.com/example/ai-provider-reference'`.\n" +
      '  site.yaml:7:19: `repositoryBranch`: found "main; rm -rf", expected a branch name (letters, digits, ' +
      "`.`, `_`, `/`, `-`), like 'main'.",
  );
});

test("site addresses are plain https: origins (the repository a path): each smuggling form is named", () => {
  const withUrl = (url: string, repository = "https://github.com/example/ai-provider-reference") =>
    load(
      GOOD.replace('"https://ai-provider-reference.netlify.app/"', JSON.stringify(url)).replace(
        '"https://github.com/example/ai-provider-reference"',
        JSON.stringify(repository),
      ),
    );
  const found = (text: string) => /found "[^"]*", (.*): it becomes a link/.exec(text)?.[1];
  assert.is(found(withUrl("https://site.example/#top")), "with a fragment (`#...`), expected an address without one");
  assert.is(found(withUrl("https://site.example/?a=1")), "with a query (`?...`), expected an address without one");
  assert.is(
    found(withUrl("https://u@site.example")),
    "with a user name or password in it, expected an address without them",
  );
  assert.is(
    found(withUrl("https://site.example//x")),
    "with a doubled slash (`//`) in its path, expected single slashes",
  );
  assert.is(
    found(withUrl("https://site.example/docs")),
    "with a path, expected the site's origin alone (`https://` and the host)",
  );
  assert.match(withUrl("https://site.example", "https://github.com/x/../y"), "with a `.` or `..` part in its path");
  assert.match(withUrl("https://site.example/a)b"), "with the character `)`, expected only letters");
  assert.match(withUrl("https://site.example", "https://github.com/x/y/](javascript:x)"), "with the character `]`");
  assert.is(
    withUrl("https://site.example:8443/", "https://github.com/example/repo.git").url,
    "https://site.example:8443",
  );
});

test("language is a BCP 47 tag", () => {
  const withLanguage = (language: string) => load(`${GOOD}language: ${JSON.stringify(language)}\n`);
  for (const good of ["en", "en-GB", "zh-Hant-TW", "de-CH-1996"]) assert.is(withLanguage(good).language, good);
  for (const bad of ["e", "english-language-tag-x", "en_GB", 'en"><b>', "en-", `en${"-abc".repeat(10)}`]) {
    assert.match(withLanguage(bad), "expected a language tag (BCP 47)", bad);
  }
});

test("missing settings, wrong types, controls, anchors and broken YAML are located messages", () => {
  assert.is(
    load(GOOD.replace(/^product: .*\n/m, "").replace('"Providers."', "[1, 2]")),
    "The site settings have 2 errors:\n" +
      "  site.yaml:1:1: `product`: missing, expected in the site settings. Add `product: 'Kong AI Gateway'`.\n" +
      "  site.yaml:2:14: `description`: found a list, expected text in quotes. Write `description: 'Which AI " +
      "providers ...'`.",
  );
  assert.match(load(GOOD.replace("Providers.", "Provi\u202eders.")), /`description`: found a right-to-left override/);
  assert.match(
    load(`${GOOD}x: &a 1\n`),
    /^The site settings have 1 error:\n {2}site\.yaml:7:4: found the YAML anchor `&a`/,
  );
  assert.match(load('title: "unclosed\nproduct: x\n'), /^The site settings have 1 error:\n {2}site\.yaml:\d+:\d+: /);
  assert.match(load(Buffer.from([0x74, 0x3a, 0x20, 0xe9])), /site\.yaml:1:4: found the byte 0xE9, which is not UTF-8/);
  assert.is(
    load(""),
    "The site settings have 1 error:\n  site.yaml:1:1: found nothing, expected a mapping of site settings " +
      "(`title: ...`).",
  );
});

test.run();
