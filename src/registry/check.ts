import { DataError, formatProblem, InternalError } from "./errors.ts";
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
 * the build. A DataError becomes a failed report; so does a bug in our code, reported as an
 * internal error in one line (`dataErrorMessage`), never a stack trace.
 */
export function checkData(providersDir: string, siteFile = "_data/site.yaml", root?: string): CheckReport {
  try {
    loadSiteConfig(siteFile, { root });
    const registry = loadRegistry(providersDir, { root });
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
    return { ok: false, lines: [dataErrorMessage(error, providersDir)] };
  }
}

/**
 * What to print for an error met while loading data: a data mistake's own message; anything
 * else, which only a bug in our code can throw, as an "internal error" naming the file (or
 * folder) being processed. Never a stack trace: data comes from pull requests, and a stack says
 * nothing a writer can act on.
 */
export function dataErrorMessage(error: unknown, processing: string): string {
  if (error instanceof DataError || error instanceof InternalError) return error.message;
  return new InternalError(processing, error).message;
}
