import type { Callout } from "../catalogue.ts";
import type { Footnote, Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import { codeSpan, upstreamPathMarkdown } from "../render/inline.ts";
import { referenceProse, routeTypeCallout, SELF_HOSTED_CALLOUT, type ProseFormat } from "../render/reference-prose.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, providerPageUrl } from "../urls.ts";
import { escapeMarkdownText, inlineMarkdown, markdownTable } from "./markdown-text.ts";

function callout(item: Callout, site: SiteConfig): string {
  const label = item.kind === "warning" ? "Warning" : "Note";
  const paragraphs = item.text
    .replaceAll("{pluginDocs}", site.pluginDocsUrl)
    .split(/\n{2,}/)
    .map((p) => inlineMarkdown(p.trim()));
  return `> **${label}:** ${paragraphs.join("\n>\n> ")}\n`;
}

const marker = (note: Footnote | undefined) => (note ? `[^${note.number}]` : "");

function groupSection(_provider: Provider, group: ProviderGroup, site: SiteConfig): string {
  const rows = group.capabilities.map((c: ProviderCapability) => [
    `${escapeMarkdownText(c.groupLabel)}${marker(c.note)}`,
    codeSpan(c.routeType),
    c.streaming ? "Supported" : "Not supported",
    inlineMarkdown(c.modelExample),
    escapeMarkdownText(c.minVersion),
  ]);
  return [
    `### ${escapeMarkdownText(group.title)}\n`,
    `${inlineMarkdown(group.intro)}\n`,
    ...group.calloutsBefore.map((c) => callout(c, site)),
    markdownTable(["Capability", "Route type", "Streaming", "Model example", "Min version"], rows),
    ...group.calloutsAfter.map((c) => callout(c, site)),
    ...(group.footnotes.length
      ? [`${group.footnotes.map((n) => `[^${n.number}]: ${inlineMarkdown(n.content)}`).join("\n")}\n`]
      : []),
  ].join("\n");
}

/** Prose in Markdown: text escaped, code in code spans. */
const markdownProse: ProseFormat = {
  text: escapeMarkdownText,
  code: codeSpan,
  link: (label, href) => `[${label}](${href})`,
};

function extras(provider: Provider, nativeFormatsIntro: string): string[] {
  const parts: string[] = [];
  const list = (items: string[]) => `${items.map((i) => `- ${inlineMarkdown(i)}`).join("\n")}\n`;
  const { providerSpecific, statisticsLogging } = provider.limitations;
  if (providerSpecific.length || statisticsLogging.length) {
    parts.push("## Limitations\n");
    if (providerSpecific.length) parts.push(list(providerSpecific));
    if (statisticsLogging.length) parts.push("Statistics logging:\n", list(statisticsLogging));
  }
  if (provider.nativeFormats.length) {
    parts.push(
      "## Native formats\n",
      `${nativeFormatsIntro}\n`,
      ...provider.nativeFormats.flatMap((f) => [
        `${codeSpan(`llm_format: ${f.llmFormat}`)}\n`,
        `${f.supportedApis.map((api) => `- ${codeSpan(api)}`).join("\n")}\n`,
      ]),
    );
  }
  return parts;
}

/**
 * The Markdown twin of a provider's page (`/ai-providers/<slug>/index.md`): the same sections,
 * tables and numbered notes, as GitHub-flavoured Markdown with `[^n]` footnotes.
 */
export function renderProviderMarkdown(provider: Provider, site: SiteConfig, lastUpdated?: string): string {
  const name = escapeMarkdownText(provider.name);
  const prose = referenceProse(provider, site, markdownProse);
  const upstreamRows = provider.capabilities.map((c) => [
    escapeMarkdownText(c.label),
    upstreamPathMarkdown(c.upstreamPath).replace(/\s*\n\s*/g, " "),
  ]);
  const about = [`the web page: <${absoluteUrl(site, providerPageUrl(provider))}>`, `data: \`${provider.file}\``];
  if (lastUpdated) about.push(`last updated ${lastUpdated.slice(0, 10)}`);
  const baseUrl =
    prose.baseUrl.sentence +
    (prose.baseUrl.list.length ? `\n\n${prose.baseUrl.list.map((p) => `- ${p}`).join("\n")}` : "");
  return [
    `# ${name}\n`,
    `> The ${name} reference in Markdown; ${about.join("; ")}.\n`,
    `${prose.intro}\n`,
    `## ${prose.baseUrlHeading}\n`,
    `${baseUrl}\n`,
    "### Upstream paths\n",
    `${prose.upstreamIntro}\n`,
    upstreamRows.length
      ? markdownTable(["Capability", "Upstream path or API"], upstreamRows)
      : `${prose.noCapabilities}\n`,
    callout(SELF_HOSTED_CALLOUT, site),
    "## Supported capabilities\n",
    `${prose.capabilitiesIntro}\n`,
    callout(routeTypeCallout(site), site),
    ...(provider.groups.length
      ? provider.groups.map((g) => groupSection(provider, g, site))
      : [`${prose.noCapabilities}\n`]),
    ...extras(provider, prose.nativeFormatsIntro),
  ].join("\n");
}
