import { escapeHtml } from "../render/inline.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl } from "../urls.ts";

export interface SitemapEntry {
  /** Path on the site: `/ai-providers/openai/`. */
  url: string;
  /** When the page's content last changed (ISO 8601), if known. */
  lastModified?: string;
}

// The HTML escapes (&amp; &lt; &gt; &quot; &#39;) are XML escapes too.
const escapeXml = escapeHtml;

/** `/sitemap.xml`: one `<url>` per page, absolute, with `<lastmod>` where known. */
export function renderSitemap(entries: readonly SitemapEntry[], site: SiteConfig): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(absoluteUrl(site, e.url))}</loc>` +
      `${e.lastModified ? `<lastmod>${escapeXml(e.lastModified)}</lastmod>` : ""}</url>`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset ` +
    `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`
  );
}
