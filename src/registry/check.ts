import { DataError, formatProblem } from "./errors.ts";
import { loadRegistry } from "./load.ts";
import { loadSiteConfig } from "../site-config.ts";

/** What `npm run check` prints and whether it passed. */
export interface CheckReport {
  ok: boolean;
  /** Warnings and errors as the build prints them, then (when ok) one summary line. */
  lines: string[];
}

/**
 * Validates the site settings and every provider file without building: the same messages as
 * the build. A DataError becomes a failed report; a bug in our code is thrown, stack and all.
 */
export function checkData(providersDir: string, siteFile = "_data/site.yaml"): CheckReport {
  try {
    loadSiteConfig(siteFile);
    const registry = loadRegistry(providersDir);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    return {
      ok: true,
      lines: [
        ...registry.warnings.map(formatProblem),
        `OK: ${plural(registry.providers.length, "provider", "providers")} in ${providersDir}, ` +
          `${plural(registry.redirects.length, "alias", "aliases")}, ${plural(registry.warnings.length, "warning", "warnings")}.`,
      ],
    };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { ok: false, lines: [error.message] };
  }
}
