import type { Provider } from "../registry/model.ts";
import type { BuildState } from "./build-state.ts";

/**
 * `{{ provider | providerNavigation }}` (sidebar, previous and next, breadcrumbs and their
 * JSON-LD) and `{{ provider | providerSummary }}` (the box at the top of its page), from this
 * build's facts: the navigation is indexed once a build, each page then costs its own size.
 */
export function registerProviderPageFilters(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addFilter("providerNavigation", (provider: Provider) =>
    state.current.navigation.forProvider(provider),
  );
  eleventyConfig.addFilter("providerSummary", (provider: Provider) => state.current.summary(provider));
}
