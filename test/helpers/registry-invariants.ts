// The checks that hold for ANY valid registry, whatever its data: run on the shipped data and on
// a copy a writer has edited (a provider added, one renamed with an alias, one deleted). Counts
// and exact texts belong to fixtures; these say only what must agree with what.
import path from "node:path";
import MarkdownIt from "markdown-it";
import { parse, type HTMLElement } from "node-html-parser";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { readFileHistoryAsync } from "../../src/file-history.ts";
import { checkData } from "../../src/registry/check.ts";
import { loadRegistry, providerFiles } from "../../src/registry/load.ts";
import type { Registry } from "../../src/registry/registry.ts";
import { plainText } from "../../src/render/inline.ts";
import { distinctVersions } from "../../src/versions.ts";
import { buildSite, projectRoot, tableRows, text, type BuiltPage } from "./build-site.ts";

const markdown = new MarkdownIt();
const siteFile = path.join(projectRoot, "_data/site.yaml");

/** The provider pages of a build: those whose main content the search index reads. */
export const providerPages = (pages: Map<string, BuiltPage>) =>
  [...pages.values()].filter((p) => p.dom.querySelector("main[data-pagefind-body]"));

const notesOf = (dom: HTMLElement) =>
  dom
    .querySelectorAll(".notes li")
    .map((li) => [Number(li.getAttribute("value")), text(li).replace(/ Back to note reference \d+$/, "")]);

/** A registry folder checked and built once, with every invariant's failures (empty when all hold). */
export interface InvariantReport {
  registry: Registry;
  pages: Map<string, BuiltPage>;
  failures: string[];
  /** How many table rows, notes and links were compared: proof the checks really read the build. */
  compared: { rows: number; links: number };
}

/** Checks (`npm run check -- --strict`), builds and compares a registry folder; returns what does not hold. */
export async function checkRegistryInvariants(dir: string): Promise<InvariantReport> {
  const failures: string[] = [];
  const report = checkData(dir, siteFile, { strict: true });
  if (!report.ok) failures.push(`npm run check -- --strict fails:\n${report.lines.join("\n")}`);
  const registry = loadRegistry(dir, { root: projectRoot });
  const pages = await buildSite(dir);
  const compared = { rows: 0, links: 0 };
  failures.push(
    ...onePagePerFile(dir, registry, pages),
    ...twinsAgree(pages, compared),
    ...redirectsLand(registry, pages),
    ...linksResolve(pages, compared),
    ...viewsCoverTheData(registry, pages),
    ...(await lastUpdatedIsKnownOrAbsent(dir, registry, pages)),
  );
  return { registry, pages, failures, compared };
}

/** Every data file yields exactly one provider page, named by its file, and one row of the matrix. */
function onePagePerFile(dir: string, registry: Registry, pages: Map<string, BuiltPage>): string[] {
  const failures: string[] = [];
  const expected = providerFiles(dir)
    .map((file) => `/ai-providers/${path.basename(file, path.extname(file))}/`)
    .sort();
  const built = providerPages(pages)
    .map((p) => p.url)
    .sort();
  if (JSON.stringify(built) !== JSON.stringify(expected))
    failures.push(`provider pages ${JSON.stringify(built)}, expected one per file ${JSON.stringify(expected)}`);
  if (registry.providers.length !== expected.length)
    failures.push(`${registry.providers.length} providers loaded from ${expected.length} files`);
  const rows = pages
    .get("/ai-providers/")
    ?.dom.querySelectorAll("main tbody th a")
    .map((a) => a.getAttribute("href"))
    .sort();
  if (JSON.stringify(rows) !== JSON.stringify(expected))
    failures.push(`matrix rows ${JSON.stringify(rows)}, expected one per file`);
  const all = JSON.parse(pages.get("/api/providers.json")?.html ?? "{}");
  if (all.provider_count !== expected.length) failures.push(`/api/providers.json counts ${all.provider_count}`);
  for (const provider of all.providers ?? []) {
    const own = pages.get(`/api/providers/${provider.slug}.json`);
    if (!own || JSON.stringify(JSON.parse(own.html)) !== JSON.stringify(provider))
      failures.push(`/api/providers.json: ${provider.slug} differs from its own file`);
  }
  return failures;
}

/** Each provider's JSON and Markdown twin have the same rows, values, footnotes and headings as its page. */
export function twinsAgree(pages: Map<string, BuiltPage>, compared = { rows: 0, links: 0 }): string[] {
  const failures: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      failures.push(`${what}: ${JSON.stringify(a)} differs from ${JSON.stringify(b)}`);
  };
  for (const page of providerPages(pages)) {
    const jsonPage = pages.get(page.url.replace(/^\/ai-providers\/(.*)\/$/, "/api/providers/$1.json"));
    const twin = pages.get(`${page.url}index.md`);
    if (!jsonPage || !twin) {
      failures.push(`${page.url}: a twin is missing (JSON ${!!jsonPage}, Markdown ${!!twin})`);
      continue;
    }
    const json = JSON.parse(jsonPage.html);
    same(`${page.url} JSON name`, json.name, text(page.dom.querySelector("h1")));
    same(
      `${page.url} JSON rows`,
      json.capabilities.map((c: any) => c.id),
      page.dom.querySelectorAll("main tbody tr[id]").map((tr) => tr.id),
    );
    for (const c of json.capabilities) {
      const row = page.dom.getElementById(c.id);
      if (!row) continue;
      const [label, routeType, streaming, model, minVersion] = tableRows(
        parse(`<table><tbody>${row.outerHTML}</tbody></table>`),
      )[0]!;
      same(
        `${page.url}#${c.id}`,
        [routeType, streaming, model, minVersion, label!.match(/ Note (\d+)$/)?.[1] ?? null],
        [
          c.route_type,
          c.streaming ? "Supported" : "Not supported",
          plainText(c.model_example),
          c.min_version,
          c.note ? String(c.note.number) : null,
        ],
      );
      compared.rows++;
    }
    same(
      `${page.url} JSON footnotes`,
      json.footnotes.map((f: any) => [f.number, plainText(f.text)]),
      notesOf(page.dom),
    );
    const rendered = parse(markdown.render(twin.html));
    const mdTables = rendered
      .querySelectorAll("table")
      .map((t) => tableRows(t).map((row) => row.map((cell) => cell.replace(/\[\^(\d+)\]$/, " Note $1"))));
    const htmlTables = page.dom.querySelectorAll("main table").map((t) => tableRows(t));
    same(`${page.url} Markdown tables`, mdTables, htmlTables);
    const mdNotes = [...twin.html.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), plainText(m[2]!)]);
    same(`${page.url} Markdown footnotes`, mdNotes, notesOf(page.dom));
    same(
      `${page.url} Markdown headings`,
      rendered.querySelectorAll("h1, h2, h3").map((h) => text(h)),
      page.dom.querySelectorAll("main h1, main h2, main h3").map((h) => text(h)),
    );
    compared.rows += htmlTables.flat().length + mdNotes.length;
  }
  return failures;
}

/**
 * Every alias redirects the page, the Markdown twin and the JSON to the provider's, which exist; no alias shadows a
 * page.
 */
function redirectsLand(registry: Registry, pages: Map<string, BuiltPage>): string[] {
  const failures: string[] = [];
  const lines = new Set((pages.get("/_redirects")?.html ?? "").split("\n").map((line) => line.trim()));
  for (const { from, to } of registry.redirects) {
    if (!lines.has(`${from} ${to} 301`)) failures.push(`_redirects lacks ${from} ${to} 301`);
    if (!pages.has(to)) failures.push(`redirect ${from} leads to ${to}, which is not built`);
    if (pages.has(from)) failures.push(`redirect ${from} would hide a built page`);
  }
  const forms = registry.providers.reduce((sum, p) => sum + p.aliases.length, 0) * 3;
  if (registry.redirects.length !== forms) failures.push(`${registry.redirects.length} redirects for ${forms} forms`);
  return failures;
}

/** Every internal link of every page leads to a built page or file, and every `#anchor` to its element. */
function linksResolve(pages: Map<string, BuiltPage>, compared: { rows: number; links: number }): string[] {
  const failures: string[] = [];
  for (const page of pages.values()) {
    if (!page.url.endsWith("/") && !page.url.endsWith(".html")) continue;
    for (const a of page.dom.querySelectorAll("a[href^='/'], a[href^='#']")) {
      const href = a.getAttribute("href")!;
      const [pathname, hash] = href.split("#");
      // Assets and the search index are not read into `pages`; the site suites check those files.
      if (pathname!.startsWith("/assets/") || pathname!.startsWith("/pagefind/")) continue;
      const target = pathname ? pages.get(pathname) : page;
      compared.links++;
      if (!target) failures.push(`${page.url} → ${href}: no such page`);
      else if (hash && target.url.endsWith("/") && !target.dom.getElementById(decodeURIComponent(hash)))
        failures.push(`${page.url} → ${href}: no such anchor`);
    }
  }
  return failures;
}

/** The matrix has a view per capability, streaming, and per gateway version the data names. */
function viewsCoverTheData(registry: Registry, pages: Map<string, BuiltPage>): string[] {
  const expected = [
    "/ai-providers/",
    "/ai-providers/streaming/",
    ...CAPABILITIES.map((c) => `/ai-providers/capability/${c.id}/`),
    ...distinctVersions(registry.providers).map((v) => `/ai-providers/version/${v}/`),
  ];
  return expected.filter((url) => !pages.has(url)).map((url) => `the view ${url} is not built`);
}

/** "Last updated" shows the data file's last commit when git knows it, and never a date it does not know. */
async function lastUpdatedIsKnownOrAbsent(dir: string, registry: Registry, pages: Map<string, BuiltPage>) {
  const failures: string[] = [];
  const history = await readFileHistoryAsync(dir);
  for (const provider of registry.providers) {
    const page = pages.get(`/ai-providers/${provider.slug}/`);
    const json = pages.get(`/api/providers/${provider.slug}.json`);
    if (!page || !json) continue;
    const known = history.lastCommitted(path.resolve(projectRoot, provider.file));
    const summary = text(page.dom.querySelector("h1 + section.summary"));
    const shown = /Last updated/.test(summary);
    if (shown !== (known !== undefined)) failures.push(`${provider.file}: page says "${summary}", git knows ${known}`);
    if (JSON.parse(json.html).last_updated !== (known ?? null))
      failures.push(`${provider.file}: JSON last_updated is not ${known ?? null}`);
  }
  return failures;
}
