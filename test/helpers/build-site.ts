import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { parse, type HTMLElement } from "node-html-parser";
import * as assert from "uvu/assert";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (name: string) => path.join(projectRoot, "test/fixtures", name);

export interface BuiltPage {
  url: string;
  html: string;
  dom: HTMLElement;
}

/**
 * Runs `build` with the configuration reading the registry and output folders from the
 * environment (its `dir.output` wins over the constructor's), and restores the environment after.
 */
export async function withBuildFolders<T>(providersDir: string, out: string, build: () => Promise<T>): Promise<T> {
  const previous = { PROVIDERS_DIR: process.env.PROVIDERS_DIR, ELEVENTY_OUTPUT: process.env.ELEVENTY_OUTPUT };
  Object.assign(process.env, { PROVIDERS_DIR: providersDir, ELEVENTY_OUTPUT: out });
  try {
    return await build();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Eleventy over the project's pages and configuration, quiet; `extra` adds templates, `config` more. */
export function projectEleventy(
  out: string,
  extra: Record<string, string> = {},
  config?: (eleventyConfig: any) => void,
): Eleventy {
  const elev = new Eleventy(path.join(projectRoot, "pages"), out, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: true,
    config(eleventyConfig: any) {
      for (const [name, content] of Object.entries(extra)) eleventyConfig.addTemplate(name, content);
      config?.(eleventyConfig);
    },
  });
  // A failed build throws to the test, which asserts on the error: Eleventy's own report of it stays quiet.
  const quiet = () => {};
  elev.logger.overrideLogger({ log: quiet, info: quiet, warn: quiet, error: quiet });
  return elev;
}

/**
 * Builds the whole site over a registry folder into a temporary folder, exactly as a build
 * writes it (pages, and the files written after them: Markdown and JSON twins, search index),
 * and returns every page and file by URL. The folder is removed before it returns.
 */
export async function buildSite(
  providersDir: string,
  extraTemplates: Record<string, string> = {},
): Promise<Map<string, BuiltPage>> {
  const out = mkdtempSync(path.join(os.tmpdir(), "provider-site-test-"));
  return withBuildFolders(providersDir, out, async () => {
    const elev = projectEleventy(out, extraTemplates);
    try {
      await elev.write();
    } catch (error) {
      // A failed build may still be copying files into the folder: remove it when the run ends.
      process.on("exit", () => rmSync(out, { recursive: true, force: true }));
      throw error;
    }
    const pages = new Map<string, BuiltPage>();
    for (const file of filesUnder(out)) {
      if (file.startsWith("pagefind/") || file.startsWith("assets/")) continue;
      const url = `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
      const html = readFileSync(path.join(out, file), "utf8");
      pages.set(url, { url, html, dom: parse(html) });
    }
    rmSync(out, { recursive: true, force: true });
    return pages;
  });
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
    })
    .sort();
}

/** Asserts that two folders hold the same files with the same bytes; `how` says how they were made. */
export function assertSameFiles(actual: string, expected: string, how: string): void {
  const files = filesUnder(expected);
  assert.equal(filesUnder(actual), files, `the same files ${how}`);
  for (const file of files) {
    assert.ok(
      readFileSync(path.join(actual, file)).equals(readFileSync(path.join(expected, file))),
      `${file} differs ${how}`,
    );
  }
}

/**
 * The text of an element as a screen reader would read it: icons hidden with `aria-hidden`
 * and controls that stay `hidden` without JavaScript (copy buttons) left out, a footnote
 * marker set apart from its label, whitespace folded.
 */
export function text(element: HTMLElement | null | undefined): string {
  if (!element) return "";
  const copy = parse(element.outerHTML);
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], [hidden]')) hidden.remove();
  for (const apart of copy.querySelectorAll("sup, p, li, div, br")) apart.insertAdjacentHTML("beforebegin", " ");
  return copy.textContent.replace(/\s+/g, " ").trim();
}

/** Rows of a table as arrays of cell texts (header and data cells alike). */
export function tableRows(table: HTMLElement): string[][] {
  // A capability's "Configure" row (its configuration, under its row) holds no cell of the table's columns.
  return table
    .querySelectorAll("tbody tr:not(.configure)")
    .map((tr) => tr.querySelectorAll("th, td").map((cell) => text(cell)));
}
