import path from "node:path";
import { createRegistryLoader, type Registry } from "../registry/load.ts";
import { formatProblem } from "../registry/errors.ts";
import { renderProviderReference } from "../render/provider-reference.ts";
import { loadSiteConfig, type SiteConfig } from "../site-config.ts";
import { stopCliBuildOnDataError } from "./check-before-build.ts";
import { registerReaderOutputs } from "./reader-outputs.ts";

export interface ProviderReferenceOptions {
  /** Folder of provider data files (default `_data/providers`). */
  providersDir?: string;
  /** Site settings file (default `_data/site.yaml`). */
  siteFile?: string;
  /** Folder that data-file paths in messages and edit links are relative to (default: working directory). */
  root?: string;
  /** CSS and JavaScript, published under fingerprinted names (default `pages/assets`). */
  assetsDir?: string;
  /** The data files' JSON Schema, published when present (default `schema/provider.schema.json`). */
  schemaFile?: string;
}

/**
 * The Eleventy side of the project: loads the provider registry and site settings as global
 * data (`registry`, `site`), and registers the shortcodes and filters templates use.
 */
export default function providerReferencePlugin(eleventyConfig: any, options: ProviderReferenceOptions = {}) {
  const root = options.root ?? process.cwd();
  const providersDir = path.resolve(root, options.providersDir ?? "_data/providers");
  const siteFile = path.resolve(root, options.siteFile ?? "_data/site.yaml");
  const providers = createRegistryLoader(providersDir, { root });
  stopCliBuildOnDataError(
    () => [loadSiteConfig(siteFile, { root }), providers.load()],
    path.relative(root, providersDir) || ".",
  );

  // Loaded at the start of every build (and every dev-server rebuild); the shortcodes read the
  // same instance, so a page never mixes two versions of the data.
  let registry: Registry | undefined;
  let site: SiteConfig | undefined;
  const current = () => {
    if (!registry || !site) throw new Error("The provider registry was used before the build loaded it.");
    return { registry, site };
  };

  eleventyConfig.addWatchTarget(providersDir);
  eleventyConfig.addWatchTarget(siteFile);

  // The watcher knows which files changed: only those are parsed again.
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: string[]) => providers.invalidate(changedFiles));
  eleventyConfig.on("eleventy.before", () => {
    site = loadSiteConfig(siteFile, { root });
    registry = providers.load();
    for (const warning of registry.warnings) console.warn(formatProblem(warning));
  });
  eleventyConfig.addGlobalData("registry", () => current().registry);
  eleventyConfig.addGlobalData("site", () => current().site);

  /** `{% providerReference "OpenAI" %}`: a provider's whole reference section, by name or slug. */
  eleventyConfig.addShortcode("providerReference", (nameOrSlug: string, idPrefix?: string) => {
    const { registry, site } = current();
    return renderProviderReference(registry.get(nameOrSlug), site, { idPrefix: idPrefix ?? "" });
  });

  registerReaderOutputs(eleventyConfig, current, {
    root,
    providersDir,
    assetsDir: path.resolve(root, options.assetsDir ?? "pages/assets"),
    schemaFile: path.resolve(root, options.schemaFile ?? "schema/provider.schema.json"),
  });
}
