import path from "node:path";
import { lintProvider } from "./consistency-lint.ts";
import { crossFileProblems, type FileIdentity, fileIdentity } from "./cross-file.ts";
import { checkAgainstSchema } from "./error-map.ts";
import { byPosition, type DataProblem, dataProblem, InternalError, isMapping, RegistryError } from "./errors.ts";
import { normaliseProvider, type Provider, type ProviderFile } from "./model.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { checkProviderRules } from "./provider-rules.ts";
import { displayPath, readDataFile, readProviderFolder } from "./read-files.ts";
import { Registry } from "./registry.ts";
import { parseYaml } from "./yaml-file.ts";

/** One file's outcome: its name in messages, the provider if it can make a page, its own problems, its identity. */
export type FileResult = { file: string; provider?: Provider; problems: DataProblem[]; identity?: FileIdentity };

/** The most problems listed for one file: past this many, the file is barely a provider file. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** Reads one provider file; returns the provider, if it can make a page, and its problems. */
export function loadProviderFile(file: string, options: { root?: string } = {}): FileResult {
  const shown = displayPath(file, options.root);
  const read = readDataFile(file, shown);
  if (read.problem) return { file: shown, problems: [read.problem] };
  let result: FileResult;
  try {
    result = parseProviderSource(read.source, shown);
  } catch (error) {
    throw new InternalError(shown, error);
  }
  const { problems } = result;
  const next = problems[MAX_PROBLEMS_PER_FILE];
  if (next === undefined) return result;
  const more = (problems.length - MAX_PROBLEMS_PER_FILE).toLocaleString("en");
  const message = `and ${more} more problems from here on, not listed: fix the ones above first.`;
  problems.splice(MAX_PROBLEMS_PER_FILE, Number.POSITIVE_INFINITY, dataProblem(shown, message, next.position));
  return result;
}

/** Parses, validates and normalises one provider file's text; `file` is the name used in messages. */
export function parseProviderSource(source: string, file: string): FileResult {
  const parsed = parseYaml(source);
  const collector = new ProblemCollector(file, parsed);
  for (const problem of parsed.problems) collector.add(problem.field, problem.message, { position: problem.position });
  const raw = parsed.value;
  if (parsed.refused || (parsed.malformed && !isMapping(raw))) return { file, problems: collector.problems };
  if (!isMapping(raw)) {
    const found =
      raw === undefined || raw === null
        ? "an empty file"
        : Array.isArray(raw)
          ? "a list"
          : `a single value (${JSON.stringify(raw)})`;
    collector.add(
      undefined,
      `found ${found}, expected a mapping of provider fields (\`name: ...\`, \`url_patterns: ...\`). Start from ` +
        '`npm run new-provider -- "Name"` or copy another provider\'s file.',
      { position: parsed.positions.value.get("") ?? { line: 1, column: 1 } },
    );
    return { file, problems: collector.problems };
  }
  const rules = new ProblemCollector(file, parsed);
  checkAgainstSchema(raw, rules);
  checkProviderRules(raw, rules);
  lintProvider(raw, rules);
  // One message a place: a value the reader refused (a number past the safe range) is not described again.
  const placed = new Set(parsed.problems.map((p) => `${p.field}@${p.position.line}:${p.position.column}`));
  const unplaced = (p: DataProblem) => !placed.has(`${p.field}@${p.position?.line}:${p.position?.column}`);
  const problems = [
    ...collector.problems,
    ...rules.problems.filter((p) => unplaced(p) && parsed.intact(p.field, p.position)),
  ].sort(byPosition);
  if (parsed.malformed) return { file, problems };
  const valid = !problems.some((p) => p.severity === "error");
  return {
    file,
    ...(valid ? { provider: normaliseProvider(raw as ProviderFile, file) } : {}),
    problems,
    identity: fileIdentity(raw, rules),
  };
}

/** The provider data files in a folder, sorted by name: regular files only (see `readProviderFolder`). */
export function providerFiles(dir: string): string[] {
  return readProviderFolder(dir).files;
}

/** Loads every provider file in `dir`, validates it and builds the registry; messages name files from `root`. */
export function loadRegistry(dir: string, options: { root?: string } = {}): Registry {
  return createRegistryLoader(dir, options).load();
}

/** A loader of a registry folder that keeps each file's parsed result: after edits, only changed files are parsed. */
export function createRegistryLoader(dir: string, options: { root?: string } = {}) {
  const cache = new Map<string, FileResult>();
  let registry: Registry | undefined;
  return {
    /** The registry as the files now stand; the same instance until something is invalidated. */
    load(): Registry {
      if (registry) return registry;
      const { files, refused } = readProviderFolder(dir, options.root);
      if (files.length === 0 && refused.length === 0)
        throw new RegistryError([
          dataProblem(
            displayPath(dir, options.root),
            "found no provider file (*.yaml), expected at least one. Add one with `npm run new-provider -- " +
              '"Name"`, or point PROVIDERS_DIR at the folder that holds them.',
          ),
        ]);
      const present = new Set(files);
      for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
      for (const file of files) if (!cache.has(file)) cache.set(file, loadProviderFile(file, options));
      const results = [
        ...files.map((file) => cache.get(file)!),
        ...refused.map((p) => ({ file: p.file, problems: [p] })),
      ];
      registry = registryFromResults(results.sort((a, b) => (a.file < b.file ? -1 : 1)));
      return registry;
    },
    /** Marks files as changed (all of them when none are named); the next `load` reads them again. */
    invalidate(files?: readonly string[]): void {
      registry = undefined;
      if (files === undefined) cache.clear();
      else for (const file of files) cache.delete(path.resolve(file));
    },
  };
}

/** Loads a registry folder, and again after edits, parsing only the files that changed. */
export type RegistryLoader = ReturnType<typeof createRegistryLoader>;

/** Builds the registry from parsed files (in file-name order), adding the cross-file problems. */
export function registryFromResults(results: FileResult[]): Registry {
  const own = results.flatMap((r) => r.problems);
  // A name or slug that is wrong in its file is fixed first; the file is then named after the fixed one.
  const unsettled = new Set(
    own.filter((p) => p.severity === "error" && (p.field === "name" || p.field === "slug")).map((p) => p.file),
  );
  const identities = results.flatMap((r) => (r.identity ? [r.identity] : []));
  const order = new Map(results.map((r, index) => [r.file, index]));
  const problems = [...own, ...crossFileProblems(identities, unsettled)]
    .sort(byPosition)
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  if (problems.some((p) => p.severity === "error")) throw new RegistryError(problems);
  return new Registry(
    results.flatMap((r) => (r.provider ? [r.provider] : [])),
    problems,
  );
}
