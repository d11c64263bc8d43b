/**
 * In a split build's helper process, only the templates that paginate `providerPages` are built:
 * the first process builds every other page, once.
 */
export function registerHelperTemplates(eleventyConfig: any): void {
  eleventyConfig.addPreprocessor("helperTemplates", "*", (data: { pagination?: { data?: string } }) =>
    data.pagination?.data === "providerPages" ? undefined : false,
  );
}
