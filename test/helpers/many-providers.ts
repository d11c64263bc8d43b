import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { buildWithCli } from "./built-site.ts";

const VERSIONS = ["3.6", "3.8", "3.11", "3.13"];

/** Every this many providers, one is as large as a provider gets: see `largestProviderYaml`. */
export const LARGEST_EVERY = 50;

/** Whether generated provider number `n` is one of the largest. */
export const isLargest = (n: number) => n % LARGEST_EVERY === 7;

const providerName = (n: number) => `Provider ${String(n).padStart(3, "0")}`;

/**
 * The data file of generated provider number `n` (1-based): "Provider 001"... Which
 * capabilities it supports, from which version, and whether they stream all vary with `n`,
 * so that every view of the matrix has rows (one view, realtime, few enough for one page of
 * the matrix), every version view hides some providers and
 * marks some capabilities as later, and some providers stream nothing. Each has a `gateway`
 * block, so its page shows a configuration under each capability. One in `LARGEST_EVERY` is
 * `largestProviderYaml(n)` instead.
 */
export function generatedProviderYaml(n: number): string {
  if (isLargest(n)) return largestProviderYaml(n);
  const name = providerName(n);
  const own = VERSIONS[n % VERSIONS.length]!;
  let yaml = `name: '${name}'\nurl_patterns: ['https://p${n}.example.com']\nmin_version: '${own}'\n`;
  CAPABILITIES.forEach((c, i) => {
    // Chat always; another capability when (n + i) falls on a third; later versions now and then. The
    // last (realtime) only for the largest providers: its view fits one page of the matrix.
    if (i > 0 && (n + i) % 3 !== 0) return;
    if (i === CAPABILITIES.length - 1) return;
    const later = (n + i) % 4 === 0 ? VERSIONS[Math.min(VERSIONS.length - 1, VERSIONS.indexOf(own) + 1)]! : own;
    const fields = [
      `supported: true`,
      `streaming: ${n % 5 !== 0 && i % 2 === 0 && !["files", "batches"].includes(c.id)}`,
      `upstream_path: '/v1/${c.id}'`,
      `route_type: '${c.routeType}'`,
      `model_example: 'model-${n}-${c.id}'`,
      `min_version: '${i === 1 ? "n/a" : later}'`,
    ];
    yaml += capabilityYaml(c.path, fields);
  });
  return (
    yaml +
    "gateway:\n  provider: 'openai'\n  confirmed: true\n" +
    "  auth:\n    style: 'header'\n    header_name: 'Authorization'\n    bearer: true\n" +
    `    env: 'PROVIDER_${n}_API_KEY'\n`
  );
}

/**
 * A provider as large as the shipped data's largest (Azure's), and then some: every capability
 * supported, a note on every fourth, Azure-like upstream paths and model names, the `gateway`
 * block with the most options, and its facts unconfirmed (a warning beside every configuration).
 */
export function largestProviderYaml(n: number): string {
  const url = `https://{instance}.p${n}.example.com:443/openai/deployments/{deployment_name}/{route_type_path}`;
  let yaml = `name: '${providerName(n)}'\nurl_patterns:\n  - '${url}'\nmin_version: '3.6'\n`;
  const groups = new Map<string, string[]>();
  CAPABILITIES.forEach((c, i) => {
    const fields = [
      `supported: true`,
      `streaming: ${c.id !== "files" && c.id !== "batches"}`,
      `upstream_path: '\`/openai/deployments/{deployment_name}/${c.id}\`'`,
      `route_type: '${c.routeType}'`,
      `model_example: 'model-${n}-${c.id}-2026-01-01'`,
      `min_version: '3.13'`,
    ];
    // A note on every fourth capability, as on Azure's page.
    if (i % 4 === 0)
      fields.push(
        `note:\n  content: 'To choose the ${c.id} settings, use \`model-${n}-large\` or \`model-${n}-small\`, ` +
          "as the provider''s documentation says.'",
      );
    const [group, key] = c.path;
    if (!key) yaml += capabilityYaml(c.path, fields);
    else groups.set(group!, [...(groups.get(group!) ?? []), capabilityYaml(c.path, fields).replace(/^.*\n/, "")]);
  });
  for (const [group, blocks] of groups) yaml += `${group}:\n${blocks.join("")}`;
  return (
    yaml +
    "gateway:\n  provider: 'azure'\n  confirmed: false\n" +
    `  auth:\n    style: 'header'\n    header_name: 'api-key'\n    env: 'PROVIDER_${n}_API_KEY'\n` +
    "  options:\n    required:\n" +
    `      azure_instance: { env: 'PROVIDER_${n}_INSTANCE_NAME' }\n` +
    `      azure_deployment_id: { env: 'PROVIDER_${n}_DEPLOYMENT_ID' }\n` +
    "      azure_api_version: '2025-01-01-preview'\n"
  );
}

/** A capability's block, at the top level or inside its group's. */
function capabilityYaml([group, key]: readonly string[], fields: string[]): string {
  const indent = key ? "    " : "  ";
  const body = fields.map((f) => `${indent}${f.replaceAll("\n", `\n${indent}`)}\n`).join("");
  return key ? `${group}:\n  ${key}:\n${body}` : `${group}:\n${body}`;
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

/** How many providers the generated registry that the site and browser suites share has. */
export const MANY_PROVIDERS = 1000;

let manyDir: string | undefined;

/** The generated registry of MANY_PROVIDERS providers, written once per test run. */
export function manyProviders(): string {
  manyDir ??= manyProvidersDir(MANY_PROVIDERS);
  return manyDir;
}

let built: Promise<string> | undefined;

/**
 * The site built ONCE per test run over the generated registry of MANY_PROVIDERS providers, with
 * the real build command (`npm run build`, search index included) into a temporary folder:
 * enough providers for the matrix and its views to have several pages, and for a provider
 * page's size to show how the registry's size weighs on it. Every suite that needs a large
 * registry reads this one build. A suite that needs it calls this when its file is loaded: the
 * build (a child process) then goes beside the suites that run before it.
 */
export function builtSiteOfMany(): Promise<string> {
  if (!built) {
    built = buildWithCli({ PROVIDERS_DIR: manyProviders() }, `ai-provider-site-${MANY_PROVIDERS}-`);
    // A failed build fails each test that waits for it, not the run (a suite may start it before it waits).
    built.catch(() => {});
  }
  return built;
}
