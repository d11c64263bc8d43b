import type { Liquid } from "liquidjs";
import { UnknownProviderError } from "../registry/errors.ts";
import { providerReferenceTag } from "../render/provider-reference-tag.ts";
import { stopCliBuild } from "./check-before-build.ts";
import type { BuildState } from "./build-state.ts";

/** `{% providerReference "OpenAI" %}` in any page, by name or slug, and `{% providerReference provider %}`. */
export function registerProviderReferenceTag(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addLiquidTag("providerReference", (liquid: Liquid) =>
    providerReferenceTag(liquid, {
      provider: (nameOrSlug, where) => {
        try {
          return state.current.registry.get(nameOrSlug);
        } catch (error) {
          // Eleventy's CLI prints a template error twice, wrapped three deep: say it once, located.
          if (error instanceof UnknownProviderError) stopCliBuild(`${where}: ${error.message}`);
          throw error;
        }
      },
      site: () => state.current.site,
    }),
  );
}
