import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { buildWithCli } from "./built-site.ts";

const VERSIONS = ["3.6", "3.8", "3.11", "3.13"];

/**
 * The data file of generated provider number `n` (1-based): "Provider 001"... Which
 * capabilities it supports, from which version, and whether they stream all vary with `n`,
 * so that every view of the matrix has rows, every version view hides some providers and
 * marks some capabilities as later, and some providers stream nothing.
 */
export function generatedProviderYaml(n: number): string {
  const name = `Provider ${String(n).padStart(3, "0")}`;
  const own = VERSIONS[n % VERSIONS.length]!;
  let yaml = `name: '${name}'\nurl_patterns: ['https://p${n}.example.com']\nmin_version: '${own}'\n`;
  CAPABILITIES.forEach((c, i) => {
    // Chat always; another capability when (n + i) falls on a third; later versions now and then.
    if (i > 0 && (n + i) % 3 !== 0) return;
    const later = (n + i) % 4 === 0 ? VERSIONS[Math.min(VERSIONS.length - 1, VERSIONS.indexOf(own) + 1)]! : own;
    const fields = [
      `supported: true`,
      `streaming: ${n % 5 !== 0 && i % 2 === 0}`,
      `upstream_path: '/v1/${c.id}'`,
      `route_type: '${c.routeType}'`,
      `model_example: 'model-${n}-${c.id}'`,
      `min_version: '${i === 1 ? "n/a" : later}'`,
    ];
    const [group, key] = c.path;
    yaml += key
      ? `${group}:\n  ${key}:\n${fields.map((f) => `    ${f}\n`).join("")}`
      : `${group}:\n${fields.map((f) => `  ${f}\n`).join("")}`;
  });
  return yaml;
}

/** A folder of `count` generated provider files, removed when the process ends. */
export function manyProvidersDir(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `providers-${count}-`));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= count; n++)
    writeFileSync(path.join(dir, `provider-${String(n).padStart(3, "0")}.yaml`), generatedProviderYaml(n));
  return dir;
}

const built = new Map<number, Promise<string>>();

/**
 * The site built once per test run over `count` generated providers, with the real build
 * command (`npm run build`, search index included) into a temporary folder: enough
 * providers for the matrix and its views to have several pages.
 */
export function builtSiteOfMany(count: number): Promise<string> {
  let site = built.get(count);
  if (!site) {
    site = buildWithCli({ PROVIDERS_DIR: manyProvidersDir(count) }, `ai-provider-site-${count}-`);
    built.set(count, site);
  }
  return site;
}
