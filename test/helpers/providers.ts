import { parseProviderSource } from "../../src/registry/load.ts";
import type { Provider } from "../../src/registry/model.ts";
import type { SiteConfig } from "../../src/site-config.ts";

/** A site configuration for unit tests. */
export const testSite: SiteConfig = {
  title: "AI provider reference",
  product: "Kong AI Gateway",
  pluginDocsUrl: "https://docs.example.com",
  repositoryUrl: "https://git.example.com/org/repo",
  repositoryBranch: "main",
  url: "https://site.example.com",
  language: "en",
  description: "Which AI providers the gateway can proxy.",
};

/** One capability entry of a data file, as YAML lines. */
export function capabilityYaml(
  key: string,
  fields: {
    streaming?: boolean;
    minVersion?: string;
    note?: string;
    modelExample?: string;
    upstreamPath?: string;
  } = {},
): string {
  const lines = [
    `  supported: true`,
    `  streaming: ${fields.streaming ?? false}`,
    `  upstream_path: '${fields.upstreamPath ?? `/v1/${key}`}'`,
    `  route_type: 'llm/v1/chat'`,
    `  model_example: '${fields.modelExample ?? `model-${key}`}'`,
    `  min_version: '${fields.minVersion ?? "3.6"}'`,
    ...(fields.note ? [`  note:`, `    content: '${fields.note}'`] : []),
  ];
  const [group, name] = key.split(".");
  return name ? `${group}:\n  ${name}:\n${lines.map((l) => `  ${l}`).join("\n")}\n` : `${key}:\n${lines.join("\n")}\n`;
}

/** A normalised provider from YAML text; throws with the problems if it does not load. */
export function providerFrom(yaml: string, file = "_data/providers/test.yaml"): Provider {
  const { provider, problems } = parseProviderSource(yaml, file);
  if (!provider) throw new Error(problems.map((p) => p.message).join("\n"));
  return provider;
}
