import { DataError, formatProblem, InternalError } from "./errors.ts";
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
  /** Folder that file paths in messages are relative to (default: working directory). */
  root?: string;
}

/** Validates the site settings and every provider file without building: the same messages as the build. */
export function checkData(providersDir: string, siteFile = "_data/site.yaml", options: CheckOptions = {}): CheckReport {
  const { root } = options;
  try {
    loadSiteConfig(siteFile, { root });
    const registry = loadRegistry(providersDir, { root });
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
          ? `FAILED (--strict): ${summary}. Fix each warning, or silence a lint rule for one file with a ` +
            `\`lint_ignore\` entry and a reason.`
          : `OK: ${summary}.`,
      ],
    };
  } catch (error) {
    return { ok: false, lines: [dataErrorMessage(error, providersDir)] };
  }
}

/** What to print for an error met while loading: a data mistake's message, else an internal error (no stack). */
export function dataErrorMessage(error: unknown, processing: string): string {
  if (error instanceof DataError || error instanceof InternalError) return error.message;
  return new InternalError(processing, error).message;
}
