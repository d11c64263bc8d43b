import { renderLlmsTxt } from "../outputs/llms-txt.ts";
import type { BuildState } from "./build-state.ts";

/** `{% llmsTxt %}`: `/llms.txt`, every provider page and its Markdown twin for language models. */
export function registerLlmsTxtShortcode(eleventyConfig: any, state: BuildState, schemaUrl?: string): void {
  eleventyConfig.addShortcode("llmsTxt", () => {
    const { registry, site } = state.current;
    return renderLlmsTxt(registry.providers, site, schemaUrl);
  });
}
