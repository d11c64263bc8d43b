import type { Liquid } from "liquidjs";
import type { Provider } from "../registry/model.ts";
import { createTemplateEngine } from "../render/template-engine.ts";
import type { SiteConfig } from "../site-config.ts";
import { absoluteUrl, providerPageUrl } from "../urls.ts";

/** The template of the twin, under `_includes/`; its sentences are the HTML page's (`prose/`). */
const TWIN_TEMPLATE = "provider-markdown/twin";

/** Renders Markdown twins with one engine, so each template is parsed once for all providers. */
export class ProviderMarkdownRenderer {
  private readonly engine: Liquid;

  /** `includesDir`: the folder of layouts and partials (default `_includes`). */
  constructor(includesDir?: string) {
    this.engine = createTemplateEngine("markdown", includesDir);
  }

  /**
   * The Markdown twin of a provider's page (`/ai-providers/<slug>/index.md`): the same sections,
   * tables and numbered notes, as GitHub-flavoured Markdown with `[^n]` footnotes.
   */
  render(provider: Provider, site: SiteConfig, lastUpdated?: string): string {
    const pageUrl = absoluteUrl(site, providerPageUrl(provider));
    return this.engine.renderFileSync(TWIN_TEMPLATE, { provider, site, pageUrl, lastUpdated });
  }
}

let shared: ProviderMarkdownRenderer | undefined;

/** The Markdown twin of a provider's page, from the templates under the working directory's `_includes/`. */
export function renderProviderMarkdown(provider: Provider, site: SiteConfig, lastUpdated?: string): string {
  shared ??= new ProviderMarkdownRenderer();
  return shared.render(provider, site, lastUpdated);
}
