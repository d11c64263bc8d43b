import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { DataError } from "./registry/errors.ts";

/** Site-wide settings from `_data/site.yaml`. */
export interface SiteConfig {
  title: string;
  /** The product the providers plug into: "Kong AI Gateway". */
  product: string;
  /** Origin of the plugin docs the pages link to, without a trailing slash. */
  pluginDocsUrl: string;
  /** Repository web URL, for "Edit this page" links. */
  repositoryUrl: string;
  /** Branch that edit links point at. */
  repositoryBranch: string;
  /** The deployed site's origin, for absolute URLs (sitemap, Open Graph), no trailing slash. */
  url: string;
  language: string;
  description: string;
}

const REQUIRED: (keyof SiteConfig)[] = ["title", "product", "pluginDocsUrl", "repositoryUrl", "url", "description"];

/** Reads and checks `_data/site.yaml`. */
export function loadSiteConfig(file: string): SiteConfig {
  const raw = load(readFileSync(file, "utf8"), { filename: file }) as Partial<SiteConfig> | null;
  if (!raw || typeof raw !== "object") throw new DataError(`${file}: expected a mapping of site settings.`);
  for (const key of REQUIRED) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      throw new DataError(`${file}: \`${key}\` is required and must be a non-empty string.`);
    }
  }
  const trim = (url: string) => url.replace(/\/+$/, "");
  return {
    title: raw.title!,
    product: raw.product!,
    pluginDocsUrl: trim(raw.pluginDocsUrl!),
    repositoryUrl: trim(raw.repositoryUrl!),
    repositoryBranch: raw.repositoryBranch ?? "main",
    url: trim(raw.url!),
    language: raw.language ?? "en",
    description: raw.description!,
  };
}
