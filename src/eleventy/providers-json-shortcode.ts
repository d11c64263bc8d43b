import { renderProvidersJson } from "../outputs/provider-json.ts";
import type { BuildState } from "./build-state.ts";

/** `{% providersJson %}`: every provider (`/api/providers.json`), reusing each one's own JSON. */
export function registerProvidersJsonShortcode(eleventyConfig: any, state: BuildState, schemaUrl?: string): void {
  eleventyConfig.addShortcode("providersJson", () => {
    const facts = state.current;
    return renderProvidersJson(
      facts.site,
      facts.registry.providers.map((provider) => facts.providerJson(provider)),
      schemaUrl,
    );
  });
}
