// `npm run check`: validates the provider files and site settings without building, printing
// the same messages as the build. Exit 1 on errors; one OK line otherwise.
// The folder is PROVIDERS_DIR, or the first argument, or _data/providers.
import { DataError, formatProblem } from "../src/registry/errors.ts";
import { loadRegistry } from "../src/registry/load.ts";
import { loadSiteConfig } from "../src/site-config.ts";

const providersDir = process.argv[2] ?? process.env.PROVIDERS_DIR ?? "_data/providers";
try {
  loadSiteConfig("_data/site.yaml");
  const registry = loadRegistry(providersDir);
  for (const warning of registry.warnings) console.warn(formatProblem(warning));
  const warnings = registry.warnings.length;
  const aliases = registry.redirects.length;
  console.log(
    `OK: ${registry.providers.length} providers in ${providersDir}, ${aliases} ${aliases === 1 ? "alias" : "aliases"}, ` +
      `${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
