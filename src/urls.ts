import type { Provider } from "./registry/model.ts";
import type { SiteConfig } from "./site-config.ts";

/** The addresses every output links to; the page templates' permalinks use the same shapes. */

/** `/ai-providers/openai/` */
export const providerPageUrl = (provider: Pick<Provider, "slug">) => `/ai-providers/${provider.slug}/`;

/** `/ai-providers/openai/index.md`: the page's Markdown twin. */
export const providerMarkdownUrl = (provider: Pick<Provider, "slug">) => `/ai-providers/${provider.slug}/index.md`;

/** `/api/providers/openai.json` */
export const providerJsonUrl = (provider: Pick<Provider, "slug">) => `/api/providers/${provider.slug}.json`;

/** `/ai-providers/openai/#embeddings`: a capability's row on its provider's page. */
export const capabilityUrl = (provider: Pick<Provider, "slug">, capabilityId: string) =>
  `${providerPageUrl(provider)}#${capabilityId}`;

export const MATRIX_URL = "/ai-providers/";
export const PROVIDERS_JSON_URL = "/api/providers.json";
export const SCHEMA_URL = "/schema/provider.schema.json";
export const LLMS_TXT_URL = "/llms.txt";

/** An absolute URL on the deployed site, for the sitemap, llms.txt, JSON and Open Graph. */
export const absoluteUrl = (site: Pick<SiteConfig, "url">, path: string) => `${site.url}${path}`;

/** The "Edit this page" link: the provider's data file in the repository's web editor. */
export const editUrl = (
  site: Pick<SiteConfig, "repositoryUrl" | "repositoryBranch">,
  provider: Pick<Provider, "file">,
) => `${site.repositoryUrl}/edit/${site.repositoryBranch}/${provider.file}`;
