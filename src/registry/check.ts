import { DataError, formatProblem } from "./errors.ts";
import { loadRegistry } from "./load.ts";
import { loadSiteConfig } from "../site-config.ts";

/** What `npm run check` prints and whether it passed. */
export interface CheckReport {
  ok: boolean;
  /** Warnings and errors as the build prints them, then one summary line. */
  lines: string[];
}

export interface CheckOptions {
  /** Fail on warnings too (consistency lint, untouched scaffold): what CI runs. */
  strict?: boolean;
}

/**
 * Validates the site settings and every provider file without building: the same messages as
 * the build. A DataError becomes a failed report; a bug in our code is thrown, stack and all.
 * With `strict`, a warning fails the check too (the build still passes on warnings).
 */
export function checkData(providersDir: string, siteFile = "_data/site.yaml", options: CheckOptions = {}): CheckReport {
  try {
    loadSiteConfig(siteFile);
    const registry = loadRegistry(providersDir);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const aliases = registry.providers.reduce((sum, provider) => sum + provider.aliases.length, 0);
    const warnings = registry.warnings.length;
    const failed = options.strict === true && warnings > 0;
    const summary =
      `${plural(registry.providers.length, "provider", "providers")} in ${providersDir}, ` +
      `${plural(aliases, "alias", "aliases")}, ${plural(warnings, "warning", "warnings")}`;
    return {
      ok: !failed,
      lines: [
        ...registry.warnings.map(formatProblem),
        failed
          ? `FAILED (--strict): ${summary}. Fix each warning, or silence a lint rule for one file with a \`lint_ignore\` entry and a reason.`
          : `OK: ${summary}.`,
      ],
    };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { ok: false, lines: [error.message] };
  }
}
