// netlify.toml's headers, and a built site that lives within its Content-Security-Policy.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "node-html-parser";
import { providerFiles } from "../../src/registry/load.ts";
import { projectRoot } from "../helpers/build-site.ts";
import { builtSite, htmlPages } from "../helpers/built-site.ts";
import { headersFor, netlifyHeaderRules } from "../helpers/netlify-headers.ts";

const rules = netlifyHeaderRules();
const csp = (urlPath: string) =>
  new Map(
    (headersFor(rules, urlPath)["Content-Security-Policy"] ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

test("every page gets a CSP that allows no inline script or style and no eval", () => {
  for (const urlPath of ["/", "/ai-providers/", "/ai-providers/openai/", "/404.html", "/pagefind/pagefind-worker.js"]) {
    const policy = csp(urlPath);
    assert.equal(policy.get("default-src"), ["'self'"], urlPath);
    assert.equal(
      policy.get("script-src"),
      ["'self'", "'wasm-unsafe-eval'"],
      `${urlPath}: scripts from this origin; WebAssembly for Pagefind`,
    );
    assert.equal(policy.get("style-src"), ["'self'"], urlPath);
    assert.equal(policy.get("object-src"), ["'none'"]);
    assert.equal(policy.get("base-uri"), ["'self'"]);
    assert.equal(policy.get("frame-ancestors"), ["'none'"]);
    const all = [...policy.values()].flat();
    assert.not.ok(
      all.includes("'unsafe-inline'") || all.includes("'unsafe-eval'") || all.includes("*"),
      `${urlPath}: ${all.join(" ")}`,
    );
  }
});

test("every response is HTTPS only, denies powerful features and opens in a window of its own", () => {
  for (const urlPath of [
    "/",
    "/ai-providers/openai/",
    "/ai-providers/openai/index.md",
    "/llms.txt",
    "/assets/site.0123456789.css",
  ]) {
    const headers = headersFor(rules, urlPath);
    const hsts = headers["Strict-Transport-Security"] ?? "";
    const maxAge = Number(/(?:^|;)\s*max-age=(\d+)\s*(?:;|$)/i.exec(hsts)?.[1] ?? 0);
    assert.ok(maxAge >= 31536000, `${urlPath}: HSTS for at least a year, got "${hsts}"`);
    assert.match(hsts, /;\s*includeSubDomains\b/, urlPath);
    assert.is(headers["Cross-Origin-Opener-Policy"], "same-origin", urlPath);
    const permissions = new Map(
      (headers["Permissions-Policy"] ?? "").split(",").map((d) => d.trim().split("=") as [string, string]),
    );
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      assert.is(permissions.get(feature), "()", `${urlPath}: ${feature} allowed to no origin`);
    }
    assert.ok(
      [...permissions.values()].every((allow) => allow === "()"),
      `${urlPath}: no feature allowed: ${headers["Permissions-Policy"]}`,
    );
  }
});

test("nosniff, a referrer policy, a year's cache for hashed files, Markdown twins as text/markdown", () => {
  const page = headersFor(rules, "/ai-providers/openai/");
  assert.is(page["X-Content-Type-Options"], "nosniff");
  assert.is(page["Referrer-Policy"], "strict-origin-when-cross-origin");
  assert.is(page["Cache-Control"], undefined, "pages are not cached for long");
  assert.is(page["Content-Type"], undefined);
  for (const hashed of [
    "/assets/site.0123456789.css",
    "/pagefind/fragment/en_1a2b3c.pf_fragment",
    "/pagefind/index/en_1a2b3c.pf_index",
  ]) {
    assert.is(headersFor(rules, hashed)["Cache-Control"], "public, max-age=31536000, immutable", hashed);
  }
  assert.is(
    headersFor(rules, "/pagefind/pagefind-entry.json")["Cache-Control"],
    undefined,
    "the index's list of its files is not cached for long",
  );
  assert.is(
    headersFor(rules, "/pagefind/pagefind-ui.js")["Cache-Control"],
    undefined,
    "Pagefind's unhashed files are not cached for long",
  );
  assert.is(headersFor(rules, "/ai-providers/openai/index.md")["Content-Type"], "text/markdown; charset=utf-8");
  assert.is(headersFor(rules, "/llms.txt")["Content-Type"], "text/plain; charset=utf-8");
});

test(
  "no built page has an inline script (JSON-LD data aside), a style element or attribute, an event handler or a " +
    "javascript: URL",
  async () => {
    const pages = htmlPages(await builtSite());
    // Home, matrix, 404 and a page per provider at least.
    const providers = providerFiles(path.join(projectRoot, "_data/providers")).length;
    assert.ok(pages.length >= providers + 3, `${pages.length} pages for ${providers} providers`);
    for (const page of pages) {
      const dom = parse(page.html);
      for (const script of dom.querySelectorAll("script")) {
        // JSON-LD is a data block: browsers never run it, so the CSP does not apply. It must be JSON.
        if (script.getAttribute("type") === "application/ld+json") {
          assert.not.ok(script.hasAttribute("src"), page.url);
          assert.type(JSON.parse(script.textContent), "object", `${page.url}: JSON-LD parses`);
          continue;
        }
        assert.match(
          script.getAttribute("src") ?? "",
          /^\/assets\/[a-z-]+\.[0-9a-f]{10}\.js$/,
          `${page.url}: a script from a hashed file`,
        );
        assert.is(script.textContent.trim(), "", page.url);
      }
      assert.is(dom.querySelectorAll("style").length, 0, page.url);
      for (const element of dom.querySelectorAll("*")) {
        for (const [name, value] of Object.entries(element.attributes)) {
          assert.not.ok(
            name.toLowerCase() === "style" || /^on/i.test(name),
            `${page.url}: <${element.tagName} ${name}>`,
          );
          assert.not.match(value, /^\s*javascript:/i, `${page.url}: ${name} on <${element.tagName}>`);
        }
      }
      for (const link of dom.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')) {
        assert.match(
          link.getAttribute("href")!,
          /^\/assets\/[a-z-]+\.[0-9a-f]{10}\.(css|svg)$/,
          `${page.url}: hashed asset`,
        );
      }
    }
  },
);

test.run();
