import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { closestMatches, RegistryError, UnknownProviderError, type DataProblem } from "./errors.ts";
import type { Provider } from "./model.ts";
import { normaliseProvider, ProblemCollector } from "./normalise.ts";
import { parseYaml } from "./yaml-source.ts";

// One collator for every comparison: `localeCompare` with options builds one per call.
const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The providers, loaded once, in name order, with lookups by name and slug. */
export class Registry {
  readonly providers: readonly Provider[];
  /** Warnings found while loading (errors stop the load instead). */
  readonly warnings: readonly DataProblem[];
  private readonly byName = new Map<string, Provider>();
  private readonly bySlug = new Map<string, Provider>();

  constructor(providers: Provider[], warnings: DataProblem[] = []) {
    this.providers = [...providers].sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.slug, b.slug));
    this.warnings = warnings;
    for (const provider of this.providers) {
      this.byName.set(provider.name, provider);
      this.bySlug.set(provider.slug, provider);
    }
  }

  /** The provider with this exact name or slug; throws with the closest names when there is none. */
  get(nameOrSlug: string): Provider {
    const found = this.byName.get(nameOrSlug) ?? this.bySlug.get(nameOrSlug);
    if (found) return found;
    const close = closestMatches(String(nameOrSlug), this.byName.keys());
    const hint = close.length
      ? ` Did you mean ${close.map((n) => `"${n}"`).join(" or ")}?`
      : ` Known providers: ${[...this.byName.keys()].map((n) => `"${n}"`).join(", ")}.`;
    throw new UnknownProviderError(`No provider is named "${nameOrSlug}".${hint}`);
  }

  has(nameOrSlug: string): boolean {
    return this.byName.has(nameOrSlug) || this.bySlug.has(nameOrSlug);
  }
}

export interface LoadOptions {
  /** Paths in messages are relative to this folder (default: the working directory). */
  root?: string;
}

/** Reads one provider file; returns the provider, if it can make a page, and its problems. */
export function loadProviderFile(file: string, options: LoadOptions = {}) {
  const relative = path.relative(options.root ?? process.cwd(), file).split(path.sep).join("/");
  const source = readFileSync(file, "utf8");
  return parseProviderSource(source, relative);
}

/** Parses and normalises one provider file's text; `file` is the name used in messages. */
export function parseProviderSource(source: string, file: string) {
  let parsed;
  try {
    parsed = parseYaml(source, file);
  } catch (error) {
    const collector = new ProblemCollector(file);
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    collector.problems.push({
      file,
      position: mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined,
      message: `This is not valid YAML: ${reason}. Check the quotes and the indentation on this line and the one before.`,
      severity: "error",
    });
    return { provider: undefined, problems: collector.problems };
  }
  const collector = new ProblemCollector(file, parsed);
  const provider = normaliseProvider(parsed.value, collector);
  return { provider, problems: collector.problems };
}

/** The provider data files in a folder, sorted by name. */
export function providerFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Loads every provider file in `dir`, validates it and builds the registry. All problems in
 * all files are gathered; if any is an error, throws one RegistryError that lists them all.
 */
export function loadRegistry(dir: string, options: LoadOptions = {}): Registry {
  return createRegistryLoader(dir, options)();
}

type FileResult = ReturnType<typeof parseProviderSource>;

/**
 * A loader that keeps each file's parsed result and, when called again (the dev server after
 * an edit), parses only the files whose size or modification time changed.
 */
export function createRegistryLoader(dir: string, options: LoadOptions = {}): () => Registry {
  const cache = new Map<string, { stamp: string; result: FileResult }>();
  return () => {
    const providers: Provider[] = [];
    const problems: DataProblem[] = [];
    const files = providerFiles(dir);
    for (const file of files) {
      const stat = statSync(file);
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      let entry = cache.get(file);
      if (entry?.stamp !== stamp) {
        entry = { stamp, result: loadProviderFile(file, options) };
        cache.set(file, entry);
      }
      problems.push(...entry.result.problems);
      if (entry.result.provider) providers.push(entry.result.provider);
    }
    const present = new Set(files);
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
    return buildRegistry(providers, problems);
  };
}

function buildRegistry(providers: Provider[], problems: DataProblem[]): Registry {
  problems.push(...crossFileProblems(providers));
  if (problems.some((p) => p.severity === "error")) throw new RegistryError(problems);
  return new Registry(providers, problems);
}

/** Two files with the same name or the same slug would fight over one page. */
function crossFileProblems(providers: Provider[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Map<string, Provider>();
  for (const provider of providers) {
    for (const [kind, key] of [["name", provider.name.toLowerCase()], ["slug", provider.slug]] as const) {
      const other = seen.get(`${kind}:${key}`);
      if (other) {
        problems.push({
          file: provider.file,
          field: "name",
          message:
            kind === "name"
              ? `\`name\`: "${provider.name}" is also the name in ${other.file}. Each provider needs its own name.`
              : `\`name\`: "${provider.name}" makes the slug "${provider.slug}", as does "${other.name}" in ${other.file}. Rename one, or give one a \`slug\` field.`,
          severity: "error",
        });
        break;
      }
      seen.set(`${kind}:${key}`, provider);
    }
  }
  return problems;
}
