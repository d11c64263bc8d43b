import { CAPABILITIES } from "./catalogue.ts";
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

export const HOME_URL = "/";
export const MATRIX_URL = "/ai-providers/";
/** `/ai-providers/compare/`: two providers side by side, built in the browser from the JSON API. */
export const COMPARE_URL = `${MATRIX_URL}compare/`;

/** `/ai-providers/capability/embeddings/`: the matrix's view of the providers that support one capability. */
export const capabilityViewUrl = (capability: { id: string }) => `${MATRIX_URL}capability/${capability.id}/`;

/** The catalogue's capabilities as templates list them: key, label, row id and the matrix's view. */
export const catalogueCapabilities = CAPABILITIES.map((c) => ({
  key: c.key,
  id: c.id,
  label: c.label,
  viewUrl: capabilityViewUrl(c),
}));

/** `/ai-providers/streaming/`: the matrix's view of the providers that stream. */
export const STREAMING_VIEW_URL = `${MATRIX_URL}streaming/`;

/** `/ai-providers/version/3.11/`: the matrix's view of the providers that work on one gateway version. */
export const versionViewUrl = (version: string) => `${MATRIX_URL}version/${version}/`;

/** The site's own path segments, the ONE list of them: a slug or alias equal to one would take its address. */
export const SITE_PATH_SEGMENTS = {
  /** Segments directly under `/ai-providers/` that the matrix and its views use. */
  matrix: ["capability", "streaming", "version", "page", "compare"],
  /** The twins' file name (`/ai-providers/<slug>/index.md`). */
  twins: ["index"],
  /** First segments of the site's other addresses: JSON, assets, schema, search, the list itself. */
  site: ["api", "assets", "schema", "pagefind", "ai-providers"],
} as const;

/** Every segment of `SITE_PATH_SEGMENTS`, for a quick look-up. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(Object.values(SITE_PATH_SEGMENTS).flat());
export const PROVIDERS_JSON_URL = "/api/providers.json";
export const SCHEMA_URL = "/schema/provider.schema.json";
export const LLMS_TXT_URL = "/llms.txt";

/** An absolute URL on the deployed site, for the sitemap, llms.txt, JSON and Open Graph. */
export const absoluteUrl = (site: Pick<SiteConfig, "url">, path: string) => `${site.url}${path}`;

/** A plugin's documentation: `pluginUrl(site, "ai-proxy")` → `https://developer.konghq.com/plugins/ai-proxy/`. */
export const pluginUrl = (site: Pick<SiteConfig, "pluginDocsUrl">, plugin: string) =>
  `${site.pluginDocsUrl}/plugins/${plugin}/`;

/** The "Edit this page" link: the provider's data file in the repository's web editor. */
export const editUrl = (
  site: Pick<SiteConfig, "repositoryUrl" | "repositoryBranch">,
  provider: Pick<Provider, "file">,
) => `${site.repositoryUrl}/edit/${site.repositoryBranch}/${provider.file}`;
