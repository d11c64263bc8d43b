import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { LLMS_TXT_URL, MATRIX_URL, PROVIDERS_JSON_URL, providerPageUrl, SCHEMA_URL } from "../urls.ts";
import { providerReferenceTag } from "./provider-reference-tag.ts";
import { createTemplateEngine } from "./template-engine.ts";

export interface ProviderPageContext {
  /** Whether git history is known, and when the provider's data file last changed. */
  history: { available: boolean; lastUpdated?: string };
  /** The fingerprinted URL of an asset by its file name. */
  assetUrl: (name: string) => string;
}

let engine: ReturnType<typeof createTemplateEngine> | undefined;
let assetUrl: (name: string) => string = (name) => name;
let currentSite: SiteConfig;

/**
 * A provider's whole page as the build writes it, from the same templates (the page's content
 * `provider-page/body.liquid` in the layout `layouts/base.liquid`), for code outside Eleventy: the
 * benchmark's plain loop and tests.
 */
export function renderProviderPage(provider: Provider, site: SiteConfig, context: ProviderPageContext): string {
  if (!engine) {
    engine = createTemplateEngine("html");
    engine.registerFilter("assetUrl", (name: string) => assetUrl(name));
    engine.registerTag(
      "providerReference",
      providerReferenceTag(engine, {
        provider: () => {
          throw new Error("A provider page renders its own provider.");
        },
        site: () => currentSite,
      }),
    );
  }
  assetUrl = context.assetUrl;
  currentSite = site;
  const data = {
    provider,
    site,
    page: { url: providerPageUrl(provider) },
    urls: { matrix: MATRIX_URL, llmsTxt: LLMS_TXT_URL, providersJson: PROVIDERS_JSON_URL, schema: SCHEMA_URL },
    history: { available: context.history.available },
    updated: context.history.lastUpdated ?? "",
  };
  // As pages/ai-providers/provider.liquid includes it: the body, then the template's last line break.
  const content = `${engine.renderFileSync("provider-page/body", data)}\n`;
  return engine.renderFileSync("layouts/base", { ...data, content });
}
