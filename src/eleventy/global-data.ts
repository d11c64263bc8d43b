/**
 * Global data whose value is frozen (shallowly: its own properties). Eleventy copies plain objects of global data
 * into every template's data and wraps them, on each paginated page, in proxies that look a property up in the
 * page's own data first: every `site.title` or `urls.matrix` a page reads goes through two proxy traps. A frozen
 * object is shared as it is (Eleventy's `DeepCopy` and `ProxyWrap` both leave frozen objects alone), so a template
 * reads its properties directly. Values that are not plain objects (a class instance, an array) were never wrapped.
 */
export function addFrozenGlobalData(
  eleventyConfig: any,
  name: string,
  value: object | (() => object) | (() => Promise<object>),
): void {
  if (typeof value !== "function") {
    eleventyConfig.addGlobalData(name, Object.freeze(value));
    return;
  }
  eleventyConfig.addGlobalData(name, async () => Object.freeze(await value()));
}
