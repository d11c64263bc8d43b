import type { Liquid } from "liquidjs";
import { providerReferenceTag } from "../render/provider-reference-tag.ts";
import type { BuildState } from "./build-state.ts";

/** `{% providerReference "OpenAI" %}` in any page, by name or slug, and `{% providerReference provider %}`. */
export function registerProviderReferenceTag(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addLiquidTag("providerReference", (liquid: Liquid) =>
    providerReferenceTag(liquid, {
      provider: (nameOrSlug) => state.current.registry.get(nameOrSlug),
      site: () => state.current.site,
    }),
  );
}
