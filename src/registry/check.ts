import { loadSiteConfig } from "../site-config.ts";
import { DataError, formatProblem, InternalError, plural } from "./errors.ts";
import { loadRegistry } from "./load.ts";

/** `npm run check`: the build's messages and a summary line, and whether it passed (`strict`: warnings fail). */
export function checkData(
  providersDir: string,
  siteFile = "_data/site.yaml",
  { strict = false, root }: { strict?: boolean; root?: string } = {},
): { ok: boolean; lines: string[] } {
  try {
    loadSiteConfig(siteFile, { root });
    const registry = loadRegistry(providersDir, { root });
    const aliases = registry.providers.reduce((sum, provider) => sum + provider.aliases.length, 0);
    const warnings = registry.warnings.length;
    const failed = strict && warnings > 0;
    const summary =
      `${plural(registry.providers.length, "provider")} in ${providersDir}, ` +
      `${plural(aliases, "alias", "aliases")}, ${plural(warnings, "warning")}`;
    return {
      ok: !failed,
      lines: [
        ...registry.warnings.map(formatProblem),
        failed
          ? `FAILED (--strict): ${summary}. Fix each warning, or silence a lint rule for one file with a ` +
            "`lint_ignore` entry and a reason."
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
