import { SiteNavigation } from "../navigation.ts";
import type { Registry } from "../registry/load.ts";
import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import type { BuildState } from "./build-state.ts";
import { addLiquidFilters } from "./liquid-filters.ts";

/**
 * `{{ provider | providerNavigation }}` (sidebar, previous and next, breadcrumbs and their
 * JSON-LD) and `{{ provider | providerSummary }}` (the box at the top of its page).
 */
export function registerProviderPageFilters(eleventyConfig: any, state: BuildState): void {
  // Indexed once a registry (a build); each page then costs the size of its own sidebar.
  const navigations = new WeakMap<Registry, SiteNavigation>();
  addLiquidFilters(eleventyConfig, {
    providerNavigation(this: any, provider: Provider) {
      // The layout asks, and Eleventy compiles a layout once a process with the filters of the
      // first build's plugin: so the registry and site come from the page's data, which is this build's.
      const registry: Registry = this?.context?.get(["registry"]) ?? state.current.registry;
      const site: SiteConfig = this?.context?.get(["site"]) ?? state.current.site;
      let navigation = navigations.get(registry);
      if (!navigation) navigations.set(registry, (navigation = new SiteNavigation(registry.providers, site)));
      return navigation.forProvider(provider);
    },
    providerSummary: (provider: Provider) => state.current.summary(provider),
  });
}
