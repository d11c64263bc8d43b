// One page per provider. The page is rendered whole by TypeScript (the `providerPage`
// shortcode, src/eleventy/reader-outputs.ts): no layout pass, no template engine per page.
export const data = {
  pagination: { data: "registry.providers", size: 1, alias: "provider" },
  permalink: (data) => `/ai-providers/${data.provider.slug}/`,
  // The sitemap lists provider pages from the registry; collections need not hold 10,000 pages.
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return this.providerPage(data.provider.slug);
}
