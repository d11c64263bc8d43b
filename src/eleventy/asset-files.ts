import path from "node:path";
import { assetManifest, assetUrlOf } from "../outputs/assets.ts";
import { addLiquidFilters } from "./liquid-filters.ts";

const fromCwd = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");

/**
 * The CSS and JavaScript files, copied to `/assets/` under content-hashed names (so they can be
 * cached for a year), and the `assetUrl` filter that names them: `{{ "site.css" | assetUrl }}`.
 * `copy` false: the filter only (a split build's helper process; the first process copies them).
 * Returns the copies' paths in the output folder.
 */
export function registerAssetFiles(eleventyConfig: any, assetsDir: string, copy = true): string[] {
  const assets = assetManifest(assetsDir);
  const copied: string[] = [];
  for (const [name, hashed] of copy ? assets : []) {
    eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(assetsDir, name))]: `assets/${hashed}` });
    copied.push(`assets/${hashed}`);
  }
  addLiquidFilters(eleventyConfig, { assetUrl: assetUrlOf(assets, fromCwd(assetsDir)) });
  return copied;
}
