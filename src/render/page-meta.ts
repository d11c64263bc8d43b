import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { editUrl, providerJsonUrl, providerMarkdownUrl } from "../urls.ts";
import { escapeHtml } from "./inline.ts";

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "Last updated" as the reader sees it: `25 November 2025`, in a `<time>` element. */
export function renderDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  return `<time datetime="${date.toISOString().slice(0, 10)}">${longDate.format(date)}</time>`;
}

/**
 * The line under a provider page's heading: when its data file last changed (omitted when
 * there is no git history to ask; "not yet committed" for a new file), a link to edit that
 * file, and the page's Markdown and JSON twins. Search leaves it out of the index.
 */
export function renderProviderPageMeta(
  provider: Provider,
  site: SiteConfig,
  history: { available: boolean; lastUpdated?: string },
): string {
  const items: string[] = [];
  if (history.lastUpdated) items.push(`Last updated ${renderDate(history.lastUpdated)}`);
  else if (history.available) items.push("Not yet committed");
  items.push(
    `<a href="${escapeHtml(editUrl(site, provider))}">Edit this page</a>`,
    `<a href="${providerMarkdownUrl(provider)}" type="text/markdown">Markdown</a>`,
    `<a href="${providerJsonUrl(provider)}" type="application/json">JSON</a>`,
  );
  return `<ul class="page-meta" data-pagefind-ignore>${items.map((i) => `<li>${i}</li>`).join("")}</ul>\n`;
}
