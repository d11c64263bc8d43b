import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { createTemplateEngine } from "./template-engine.ts";

let engine: ReturnType<typeof createTemplateEngine> | undefined;

/**
 * One provider's whole reference section as HTML, from the include every provider page renders
 * (`_includes/provider-reference/reference.liquid`), for code outside Eleventy (tests, the benchmark).
 * `idPrefix` prefixes every id, so that two providers can share a page.
 */
export function renderProviderReference(
  provider: Provider,
  site: SiteConfig,
  options: { idPrefix?: string } = {},
): string {
  engine ??= createTemplateEngine("html");
  return engine.renderFileSync("provider-reference/reference", { provider, site, prefix: options.idPrefix ?? "" });
}
