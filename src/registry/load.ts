import path from "node:path";
import { byPosition, InternalError, RegistryError, type DataProblem } from "./errors.ts";
import { lintProvider } from "./consistency-lint.ts";
import { crossFileProblems, fileIdentity, type FileIdentity } from "./cross-file.ts";
import type { Provider } from "./model.ts";
import { normaliseProvider, type ProviderFile } from "./normalise.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { checkProviderRules } from "./provider-rules.ts";
import { displayPath, readDataFile, readProviderFolder } from "./read-files.ts";
import { Registry } from "./registry.ts";
import { checkAgainstSchema } from "./error-map.ts";
import { checkSiteRules, emptyRegistryProblem, fileNameProblems } from "./site-rules.ts";
import { parseYaml } from "./yaml-file.ts";

export { Registry, type Redirect } from "./registry.ts";
export { crossFileProblems, type FileIdentity } from "./cross-file.ts";

export interface LoadOptions {
  /** Paths in messages are relative to this folder (default: the working directory). */
  root?: string;
}

/** Reads one provider file; returns the provider, if it can make a page, and its problems. */
export function loadProviderFile(file: string, options: LoadOptions = {}): FileResult {
  const relative = displayPath(file, options.root);
  const read = readDataFile(file, relative);
  if (read.problem) return { file: relative, provider: undefined, problems: [read.problem], identity: undefined };
  try {
    // A clash between files is rare: its position is found by reading the file again.
    const reread = () => readDataFile(file, relative).source ?? "";
    return withListedProblems(parseProviderSource(read.source, relative, reread));
  } catch (error) {
    throw new InternalError(relative, error);
  }
}

/** The most problems listed for one file: past this many, the file is barely a provider file. */
export const MAX_PROBLEMS_PER_FILE = 50;

function withListedProblems(result: FileResult): FileResult {
  if (result.problems.length <= MAX_PROBLEMS_PER_FILE) return result;
  const listed = result.problems.slice(0, MAX_PROBLEMS_PER_FILE);
  const rest = result.problems.length - listed.length;
  const summary: DataProblem = {
    file: result.file,
    ...(result.problems[MAX_PROBLEMS_PER_FILE]!.position
      ? { position: result.problems[MAX_PROBLEMS_PER_FILE]!.position }
      : {}),
    message: `and ${rest.toLocaleString("en")} more problems from here on, not listed: fix the ones above first.`,
    severity: "error",
  };
  return { ...result, problems: [...listed, summary] };
}

/** One file's outcome: the provider, if it can make a page, its own problems, and its identity. */
export interface FileResult {
  /** The file as messages name it. */
  file: string;
  provider: Provider | undefined;
  problems: DataProblem[];
  identity: FileIdentity | undefined;
}

/** Parses, validates and normalises one provider file's text; `file` is the name used in messages. */
export function parseProviderSource(source: string, file: string, reread?: () => string): FileResult {
  const parsed = parseYaml(source);
  const collector = new ProblemCollector(file, parsed);
  for (const problem of parsed.problems) collector.add(problem.field, problem.message, { position: problem.position });
  if (parsed.refused) return { file, provider: undefined, problems: collector.problems, identity: undefined };
  const raw = parsed.value;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    if (parsed.malformed) return { file, provider: undefined, problems: collector.problems, identity: undefined };
    const found =
      raw === undefined || raw === null
        ? "an empty file"
        : Array.isArray(raw)
          ? "a list"
          : `a single value (${JSON.stringify(raw)})`;
    collector.add(
      undefined,
      `found ${found}, expected a mapping of provider fields (\`name: ...\`, \`url_patterns: ...\`). Start ` +
        `from \`npm run new-provider -- "Name"\` or copy another provider's file.`,
      { position: parsed.positions.value.get("") ?? { line: 1, column: 1 } },
    );
    return { file, provider: undefined, problems: collector.problems, identity: undefined };
  }
  const rules = new ProblemCollector(file, parsed);
  checkAgainstSchema(raw, rules);
  checkProviderRules(raw as Record<string, unknown>, rules);
  checkSiteRules(raw as Record<string, unknown>, rules);
  lintProvider(raw as Record<string, unknown>, rules);
  // One message a place: a value the reader refused (a number past the safe range) is not described again.
  const placed = new Set(parsed.problems.map((p) => `${p.field}@${p.position.line}:${p.position.column}`));
  const unplaced = (p: DataProblem) => !placed.has(`${p.field}@${p.position?.line}:${p.position?.column}`);
  collector.problems.push(...rules.problems.filter((p) => unplaced(p) && parsed.intact(p.field, p.position)));
  const problems = [...collector.problems].sort(byPosition);
  if (parsed.malformed) return { file, provider: undefined, problems, identity: undefined };
  const provider = collector.hasErrors ? undefined : normaliseProvider(raw as ProviderFile, file);
  return {
    file,
    provider,
    problems,
    identity: fileIdentity(raw as Record<string, unknown>, file, reread ?? (() => source)),
  };
}

/** The provider data files in a folder, sorted by name: regular files only (see `readProviderFolder`). */
export function providerFiles(dir: string): string[] {
  return readProviderFolder(dir).files;
}

/** Loads every provider file in `dir`, validates it and builds the registry. */
export function loadRegistry(dir: string, options: LoadOptions = {}): Registry {
  return createRegistryLoader(dir, options).load();
}

/** Loads a registry folder, and again after edits, parsing only the files that changed. */
export interface RegistryLoader {
  /** The registry as the files now stand; the same instance until something is invalidated. */
  load(): Registry;
  /** Marks files as changed (all of them when none are named); the next `load` reads them again. */
  invalidate(files?: readonly string[]): void;
}

/** A loader that keeps each file's parsed result. */
export function createRegistryLoader(dir: string, options: LoadOptions = {}): RegistryLoader {
  const cache = new Map<string, FileResult>();
  let registry: Registry | undefined;
  return {
    load() {
      if (registry) return registry;
      const folder = readProviderFolder(dir, options.root);
      const files = folder.files;
      if (files.length === 0 && folder.refused.length === 0)
        throw new RegistryError([emptyRegistryProblem(dir, options.root ?? process.cwd())]);
      const results = files.map((file) => {
        let result = cache.get(file);
        if (!result) {
          result = loadProviderFile(file, options);
          cache.set(file, result);
        }
        return result;
      });
      const present = new Set(files);
      for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
      const refused = folder.refused.map((problem) => ({
        file: problem.file,
        provider: undefined,
        problems: [problem],
        identity: undefined,
      }));
      registry = registryFromResults([...results, ...refused].sort((a, b) => (a.file < b.file ? -1 : 1)));
      return registry;
    },
    invalidate(files) {
      registry = undefined;
      if (files === undefined) cache.clear();
      else for (const file of files) cache.delete(path.resolve(file));
    },
  };
}

/** Builds the registry from parsed files (in file-name order), adding the cross-file problems. */
export function registryFromResults(results: FileResult[]): Registry {
  const identities = results.flatMap((r) => (r.identity ? [r.identity] : []));
  const clashes = crossFileProblems(identities);
  // A name or slug that is wrong or taken is fixed first; the file is then named after the fixed one.
  const unsettled = new Set(
    [...results.flatMap((r) => r.problems), ...clashes]
      .filter((p) => p.severity === "error" && (p.field === "name" || p.field === "slug"))
      .map((p) => p.file),
  );
  const crossFile = [...clashes, ...fileNameProblems(identities, unsettled)];
  const order = new Map(results.map((r, index) => [r.file, index]));
  const problems = [...results.flatMap((r) => r.problems), ...crossFile]
    .sort(byPosition)
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  if (problems.some((p) => p.severity === "error")) throw new RegistryError(problems);
  return new Registry(
    results.flatMap((r) => (r.provider ? [r.provider] : [])),
    problems,
  );
}
