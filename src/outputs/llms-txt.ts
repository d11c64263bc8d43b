import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, MATRIX_URL, PROVIDERS_JSON_URL, providerMarkdownUrl, providerPageUrl } from "../urls.ts";
import { escapeMarkdownText } from "./markdown-text.ts";

/**
 * `/llms.txt` (llmstxt.org): what the site is, then every provider's Markdown twin with its
 * web page, then the machine-readable data. One line per provider.
 */
export function renderLlmsTxt(providers: readonly Provider[], site: SiteConfig, schemaUrl?: string): string {
  const url = (path: string) => absoluteUrl(site, path);
  const lines = providers.map(
    (p) =>
      `- [${escapeMarkdownText(p.name)}](${url(providerMarkdownUrl(p))}): the ${escapeMarkdownText(p.name)} ` +
      `reference in Markdown; web page: ${url(providerPageUrl(p))}`,
  );
  const data = [
    `- [Capability matrix](${url(MATRIX_URL)}): every provider against the 15 capabilities, with minimum ` +
      `versions and streaming`,
    `- [All providers as JSON](${url(PROVIDERS_JSON_URL)}): each provider normalised, with its capabilities ` +
      `and footnotes; one provider at ${url("/api/providers/")}<slug>.json`,
    ...(schemaUrl ? [`- [Data file schema](${url(schemaUrl)}): the JSON Schema of a provider's data file`] : []),
  ];
  return (
    `# ${escapeMarkdownText(site.title)}\n\n> ${escapeMarkdownText(site.description)}\n\n` +
    `Each provider page has a Markdown twin at the same address plus \`index.md\`, with the same tables and ` +
    `numbered footnotes.\n\n` +
    `## Providers\n\n${lines.join("\n")}\n\n## Data\n\n${data.join("\n")}\n`
  );
}
