import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, LLMS_TXT_URL, MATRIX_URL, PROVIDERS_JSON_URL } from "../urls.ts";
import { escapeHtml } from "./inline.ts";

/** What one page tells the document shell about itself. */
export interface DocumentOptions {
  site: SiteConfig;
  /** The page's URL path: `/ai-providers/openai/`. */
  url: string;
  /** The page's own title, before the site's; none for a page titled by the site alone. */
  title?: string;
  /** The meta and Open Graph description; the site's when absent. */
  description?: string;
  /** Keep the page out of search engines (the 404 page). */
  noindex?: boolean;
  /** Let `<main>` use the full width (the matrix). */
  wide?: boolean;
  /** Index `<main>` for site search (provider pages). */
  searchable?: boolean;
  /** `<link rel="alternate">` twins of the page. */
  alternates?: { type: string; href: string }[];
  /** The fingerprinted URL of an asset by its file name: `site.css` → `/assets/site.3f9c2a71b0.css`. */
  assetUrl: (name: string) => string;
  /** The page's content: HTML we made. */
  body: string;
}

/**
 * The document every page stands in: head (title, description, canonical and Open Graph,
 * stylesheet and the two deferred scripts), header with navigation and search box, `<main>`,
 * footer. One TypeScript function, so the 10,000 provider pages of a large registry skip a
 * template engine's pass, and the other pages use the same shell through a paired shortcode.
 */
export function renderDocument(options: DocumentOptions): string {
  const { site, url } = options;
  const title = options.title ? `${escapeHtml(options.title)} · ${escapeHtml(site.title)}` : escapeHtml(site.title);
  const description = escapeHtml(options.description ?? site.description);
  const pageUrl = escapeHtml(absoluteUrl(site, url));
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    options.noindex ? `<meta name="robots" content="noindex">` : `<link rel="canonical" href="${pageUrl}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${escapeHtml(site.title)}">`,
    `<meta property="og:title" content="${escapeHtml(options.title ?? site.title)}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:url" content="${pageUrl}">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="color-scheme" content="light dark">`,
    ...(options.alternates ?? []).map(
      (a) => `<link rel="alternate" type="${escapeHtml(a.type)}" href="${escapeHtml(a.href)}">`,
    ),
    `<link rel="icon" href="${options.assetUrl("favicon.svg")}" type="image/svg+xml">`,
    `<link rel="stylesheet" href="${options.assetUrl("site.css")}">`,
    `<script src="${options.assetUrl("search.js")}" defer></script>`,
    `<script src="${options.assetUrl("table-focus.js")}" defer></script>`,
  ];
  const current = url === MATRIX_URL ? ` aria-current="page"` : "";
  const mainAttributes = `${options.wide ? ` class="wide"` : ""}${options.searchable ? " data-pagefind-body" : ""}`;
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(site.language)}">\n<head>\n${head.join("\n")}\n</head>\n<body>\n` +
    `<a class="skip-link" href="#main">Skip to content</a>\n` +
    `<header class="site-header">\n<a class="site-name" href="/">${escapeHtml(site.title)}</a>\n` +
    `<nav aria-label="Main"><ul>\n<li><a href="${MATRIX_URL}"${current}>Providers</a></li>\n</ul></nav>\n` +
    `<div class="site-search" id="site-search"></div>\n</header>\n` +
    `<main id="main"${mainAttributes}>\n${options.body}\n</main>\n` +
    `<footer class="site-footer">\n<p>Reference for ${escapeHtml(site.product)} provider support, generated from one data file per provider. ` +
    `For tools and language models: <a href="${LLMS_TXT_URL}">llms.txt</a>, <a href="${PROVIDERS_JSON_URL}">all providers as JSON</a>.</p>\n</footer>\n` +
    `</body>\n</html>\n`
  );
}
