import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { parse, type HTMLElement } from "node-html-parser";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (name: string) => path.join(projectRoot, "test/fixtures", name);

export interface BuiltPage {
  url: string;
  html: string;
  dom: HTMLElement;
}

/**
 * Builds the whole site in memory over a registry folder (nothing is written to disk) and
 * returns its pages by URL.
 */
export async function buildSite(
  providersDir: string,
  extraTemplates: Record<string, string> = {},
): Promise<Map<string, BuiltPage>> {
  const previous = process.env.PROVIDERS_DIR;
  process.env.PROVIDERS_DIR = providersDir;
  try {
    const elev = new Eleventy(path.join(projectRoot, "pages"), path.join(projectRoot, "_site-test"), {
      configPath: path.join(projectRoot, "eleventy.config.ts"),
      quietMode: true,
      config(eleventyConfig: any) {
        for (const [name, content] of Object.entries(extraTemplates)) eleventyConfig.addTemplate(name, content);
      },
    });
    const results = (await elev.toJSON()) as { url: string; content: string }[];
    return new Map(results.map((r) => [r.url, { url: r.url, html: r.content, dom: parse(r.content) }]));
  } finally {
    if (previous === undefined) delete process.env.PROVIDERS_DIR;
    else process.env.PROVIDERS_DIR = previous;
  }
}

/**
 * The text of an element as a screen reader would read it: icons hidden with `aria-hidden`
 * left out, a footnote marker set apart from its label, whitespace folded.
 */
export function text(element: HTMLElement | null | undefined): string {
  if (!element) return "";
  const copy = parse(element.outerHTML);
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  for (const apart of copy.querySelectorAll("sup, p, li, div, br")) apart.insertAdjacentHTML("beforebegin", " ");
  return copy.textContent.replace(/\s+/g, " ").trim();
}

/** Rows of a table as arrays of cell texts (header and data cells alike). */
export function tableRows(table: HTMLElement): string[][] {
  return table.querySelectorAll("tbody tr").map((tr) => tr.querySelectorAll("th, td").map((cell) => text(cell)));
}
