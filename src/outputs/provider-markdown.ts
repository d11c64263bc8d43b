import type { Callout } from "../catalogue.ts";
import type { Footnote, Provider, ProviderCapability, ProviderGroup } from "../registry/model.ts";
import { codeSpan, upstreamPathMarkdown } from "../render/inline.ts";
import { pluginLinks, routeTypeCallout, SELF_HOSTED_CALLOUT } from "../render/provider-reference.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, providerPageUrl } from "../urls.ts";
import { escapeMarkdownText, inlineMarkdown, markdownTable } from "./markdown-text.ts";

function callout(item: Callout, site: SiteConfig): string {
  const label = item.kind === "warning" ? "Warning" : "Note";
  const paragraphs = item.text.replaceAll("{pluginDocs}", site.pluginDocsUrl).split(/\n{2,}/).map((p) => inlineMarkdown(p.trim()));
  return `> **${label}:** ${paragraphs.join("\n>\n> ")}\n`;
}

const marker = (note: Footnote | undefined) => (note ? `[^${note.number}]` : "");

function groupSection(provider: Provider, group: ProviderGroup, site: SiteConfig): string {
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
    ...(group.footnotes.length ? [group.footnotes.map((n) => `[^${n.number}]: ${inlineMarkdown(n.content)}`).join("\n") + "\n"] : []),
  ].join("\n");
}

function baseUrl(provider: Provider, name: string): string {
  const patterns = provider.urlPatterns.map(codeSpan);
  const placeholder = provider.urlPatterns.some((u) => u.includes("{route_type_path}"))
    ? ", where `{route_type_path}` is determined by the capability being used"
    : "";
  if (provider.urlIsVariable) {
    return `${name} has no fixed base URL: it is the URL you set in the plugin's \`config.model.options.upstream_url\` option, shown here as ${patterns.join(" or ")}.\n`;
  }
  if (patterns.length === 0) return `${name} has no base URL in this reference.\n`;
  if (patterns.length === 1) return `The base URL for ${name} is ${patterns[0]}${placeholder}.\n`;
  return `The base URL for ${name} is one of the following${placeholder}:\n\n${patterns.map((p) => `- ${p}`).join("\n")}\n`;
}

function extras(provider: Provider, name: string): string[] {
  const parts: string[] = [];
  const list = (items: string[]) => items.map((i) => `- ${inlineMarkdown(i)}`).join("\n") + "\n";
  const { providerSpecific, statisticsLogging } = provider.limitations;
  if (providerSpecific.length || statisticsLogging.length) {
    parts.push("## Limitations\n");
    if (providerSpecific.length) parts.push(list(providerSpecific));
    if (statisticsLogging.length) parts.push("Statistics logging:\n", list(statisticsLogging));
  }
  if (provider.nativeFormats.length) {
    parts.push(
      "## Native formats\n",
      `With the plugin's \`llm_format\` set to a native format, requests in ${name}'s own API format pass through to these APIs:\n`,
      ...provider.nativeFormats.flatMap((f) => [`${codeSpan(`llm_format: ${f.llmFormat}`)}\n`, f.supportedApis.map((api) => `- ${codeSpan(api)}`).join("\n") + "\n"]),
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
  const links = pluginLinks(site);
  const product = escapeMarkdownText(site.product);
  const since = provider.minVersion && provider.minVersion !== "n/a" ? ` ${name} is supported from ${product} ${escapeMarkdownText(provider.minVersion)}.` : "";
  const upstreamRows = provider.capabilities.map((c) => [escapeMarkdownText(c.label), upstreamPathMarkdown(c.upstreamPath).replace(/\s*\n\s*/g, " ")]);
  const about = [`the web page: <${absoluteUrl(site, providerPageUrl(provider))}>`, `data: \`${provider.file}\``];
  if (lastUpdated) about.push(`last updated ${lastUpdated.slice(0, 10)}`);
  return [
    `# ${name}\n`,
    `> The ${name} reference in Markdown; ${about.join("; ")}.\n`,
    `You can proxy requests to ${name} AI models through ${product} using the [AI Proxy](${links.aiProxy}) and [AI Proxy Advanced](${links.aiProxyAdvanced}) plugins. ` +
      `This reference documents all supported AI capabilities, configuration requirements, and provider-specific details needed for proper integration.${since}\n`,
    `## ${name} base URL\n`,
    baseUrl(provider, name),
    "### Upstream paths\n",
    `${product} forwards requests to the following ${name} API endpoints based on the capability:\n`,
    upstreamRows.length ? markdownTable(["Capability", "Upstream path or API"], upstreamRows) : `No capabilities of ${name} are supported yet.\n`,
    callout(SELF_HOSTED_CALLOUT, site),
    "## Supported capabilities\n",
    `The following tables show the AI capabilities supported by ${name} provider when used with the [AI Proxy](${links.aiProxy}) or the [AI Proxy Advanced](${links.aiProxyAdvanced}) plugin.\n`,
    callout(routeTypeCallout(site), site),
    ...(provider.groups.length ? provider.groups.map((g) => groupSection(provider, g, site)) : [`No capabilities of ${name} are supported yet.\n`]),
    ...extras(provider, name),
  ].join("\n");
}
