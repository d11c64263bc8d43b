import MarkdownIt from "markdown-it";
import { legacyHtmlToMarkdown } from "./legacy-html.ts";

/** The link schemes a value may use; a link without a scheme (a path, `#anchor`, `?query`) is relative. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ["https", "http", "mailto"];
const allowedSchemes = new Set(ALLOWED_LINK_SCHEMES);
// The renderer's parser with every destination let through, so that the check sees each link.
const linkFinder = new MarkdownIt({ html: false, linkify: false, typographer: false });
const markdownItValidateLink = linkFinder.validateLink.bind(linkFinder);
linkFinder.validateLink = () => true;

/** The one link rule of every output: markdown-it's own `validateLink`, narrowed to https, http, mailto, relative. */
export function isAllowedLink(url: string): boolean {
  if (!markdownItValidateLink(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1];
  return scheme === undefined || allowedSchemes.has(scheme.toLowerCase());
}

type Token = ReturnType<MarkdownIt["parseInline"]>[number];

/** Every link and image of an inline-Markdown value (legacy HTML too), with whether every output may carry it. */
export function inlineLinks(text: string) {
  // Every link form needs `](` or `<` (an autolink, a legacy `<a href>`).
  if (!text.includes("](") && !text.includes("<")) return [];
  const links: { href: string; image: boolean; allowed: boolean }[] = [];
  const visit = (tokens: Token[] | null) => {
    for (const token of tokens ?? []) {
      if (token.type === "link_open" || token.type === "image") {
        const href = token.attrGet(token.type === "image" ? "src" : "href") ?? "";
        const image = token.type === "image";
        links.push({ href, image, allowed: !image && isAllowedLink(href) });
      }
      visit(token.children);
    }
  };
  visit(linkFinder.parseInline(legacyHtmlToMarkdown(text), {}));
  return links;
}
