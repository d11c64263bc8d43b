/** The templates a split build's helper process builds: the provider pages and the matrix's pages, each its share. */
const SHARED = new Set(["providerPages", "capabilityMatrix.pages"]);

/**
 * In a split build's helper process, only the templates that paginate `providerPages` or the
 * matrix's pages are built (each its share): the first process builds every other page, once.
 */
export function registerHelperTemplates(eleventyConfig: any): void {
  eleventyConfig.addPreprocessor("helperTemplates", "*", (data: { pagination?: { data?: string } }) =>
    SHARED.has(data.pagination?.data ?? "") ? undefined : false,
  );
}
