import path from "node:path";
import {
  closestMatches,
  describe,
  InternalError,
  RegistryError,
  UnknownProviderError,
  type DataProblem,
} from "./errors.ts";
import type { Provider } from "./model.ts";
import { normaliseProvider, type ProviderFile } from "./normalise.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { checkProviderRules, isText } from "./provider-rules.ts";
import { displayPath, readDataFile, readProviderFolder } from "./read-files.ts";
import { checkAgainstSchema } from "./schema-validation.ts";
import { lintProvider } from "./consistency-lint.ts";
import { checkSiteRules, emptyRegistryProblem, fileNameProblems } from "./site-rules.ts";
import { slugify } from "./slug.ts";
import { diagnoseMalformedYaml } from "./yaml-recovery.ts";
import { parseYaml } from "./yaml-source.ts";
import { providerJsonUrl, providerMarkdownUrl, providerPageUrl } from "../urls.ts";

// One collator for every comparison: `localeCompare` with options builds one per call.
const nameCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** A Netlify redirect from an alias's address to the provider's. */
export interface Redirect {
  from: string;
  to: string;
}

/** The provider's addresses under a slug: its page, its Markdown twin and its JSON. */
const addressesOf = (slug: string) => [
  providerPageUrl({ slug }),
  providerMarkdownUrl({ slug }),
  providerJsonUrl({ slug }),
];

/** The providers, loaded once, in name order, with lookups by name, slug and alias. */
export class Registry {
  readonly providers: readonly Provider[];
  /** Warnings found while loading (errors stop the load instead). */
  readonly warnings: readonly DataProblem[];
  /**
   * Per alias, in provider order, three redirects: its page, Markdown twin and JSON to the
   * provider's (`/ai-providers/<alias>/` to `/ai-providers/<slug>/`, `.../index.md`, `/api/providers/<alias>.json`).
   */
  readonly redirects: readonly Redirect[];
  private readonly byName = new Map<string, Provider>();
  private readonly bySlug = new Map<string, Provider>();
  private readonly byAlias = new Map<string, Provider>();

  constructor(providers: Provider[], warnings: DataProblem[] = []) {
    this.providers = [...providers].sort(
      (a, b) => nameCollator.compare(a.name, b.name) || nameCollator.compare(a.slug, b.slug),
    );
    this.warnings = warnings;
    this.redirects = this.providers.flatMap((provider) =>
      provider.aliases.flatMap((alias) => {
        const to = addressesOf(provider.slug);
        return addressesOf(slugify(alias)).map((from, i) => ({ from, to: to[i]! }));
      }),
    );
    for (const provider of this.providers) {
      this.byName.set(provider.name, provider);
      this.bySlug.set(provider.slug, provider);
      for (const alias of provider.aliases) {
        this.byAlias.set(alias, provider);
        this.byAlias.set(slugify(alias), provider);
      }
    }
  }

  /**
   * The provider with this exact name or slug, or an alias (an old name or slug) of it; throws
   * with the closest names when there is none.
   */
  get(nameOrSlug: string): Provider {
    if (typeof nameOrSlug !== "string" || nameOrSlug.trim() === "") {
      throw new UnknownProviderError(
        `No provider name was given (found ` +
          `${nameOrSlug === undefined ? "nothing" : JSON.stringify(nameOrSlug)}), expected a provider's name, ` +
          `slug or alias, e.g. "${this.providers[0]?.name ?? "OpenAI"}".`,
      );
    }
    const found = this.byName.get(nameOrSlug) ?? this.bySlug.get(nameOrSlug) ?? this.byAlias.get(nameOrSlug);
    if (found) return found;
    const close = closestMatches(nameOrSlug, this.byName.keys());
    const hint = close.length
      ? ` Did you mean ${close.map((n) => `"${n}"`).join(" or ")}?`
      : ` Known providers: ${[...this.byName.keys()].map((n) => `"${n}"`).join(", ")}.`;
    throw new UnknownProviderError(`No provider is named "${nameOrSlug}".${hint}`);
  }

  /** True when `get` would find a provider by this name, slug or alias. */
  has(nameOrSlug: string): boolean {
    return this.byName.has(nameOrSlug) || this.bySlug.has(nameOrSlug) || this.byAlias.has(nameOrSlug);
  }
}

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
    // A clash between files is rare: its position is found by reading the file again, rather than
    // keeping every file's text until the registry is built (~60 MB at 10,000 files).
    const reread = () => readDataFile(file, relative).source ?? "";
    return withListedProblems(parseProviderSource(read.source, relative, reread));
  } catch (error) {
    throw new InternalError(relative, error);
  }
}

/**
 * The most problems listed for one file: past this many, the file is barely a provider file, and a count says the
 * rest.
 */
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

/** What other files must not repeat: a file's name, slug and aliases, with a collector for clashes. */
export interface FileIdentity {
  /**
   * Collects this file's cross-file problems, located in its source; drained on every load.
   * Made on first use, from the source parsed again: a clash is rare, and keeping every
   * file's parser events for it would hold memory for nothing.
   */
  readonly locate: ProblemCollector;
  /** True once `locate` has been made (so draining it does not parse every file). */
  readonly located: boolean;
  /** The file as messages name it (without parsing it again, as `locate.file` would). */
  file: string;
  name: string;
  slug: string | undefined;
  explicitSlug: boolean;
  aliases: { text: string; slug: string; index: number }[];
}

/** One file's outcome: the provider, if it can make a page, its own problems, and its identity. */
export interface FileResult {
  /** The file as messages name it. */
  file: string;
  provider: Provider | undefined;
  problems: DataProblem[];
  identity: FileIdentity | undefined;
}

/**
 * Parses, validates and normalises one provider file's text; `file` is the name used in
 * messages. Never throws for anything in the text: every mistake becomes a located problem.
 * `reread` gives the text again when a clash with another file needs a position (default: keep `source`).
 */
export function parseProviderSource(source: string, file: string, reread?: () => string): FileResult {
  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(source, file);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "YAMLException") throw error;
    return malformedFileResult(source, file, error);
  }
  const collector = new ProblemCollector(file, parsed);
  for (const problem of parsed.problems) collector.add(problem.field, problem.message, { position: problem.position });
  if (parsed.refused) return { file, provider: undefined, problems: collector.problems, identity: undefined };
  const raw = parsed.value;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
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
  checkAgainstSchema(raw, collector);
  checkProviderRules(raw as Record<string, unknown>, collector);
  checkSiteRules(raw as Record<string, unknown>, collector);
  lintProvider(raw as Record<string, unknown>, collector);
  const problems = sortByPosition(collector.problems);
  const provider = collector.hasErrors ? undefined : normaliseProvider(raw as ProviderFile, file);
  return {
    file,
    provider,
    problems,
    identity: fileIdentity(raw as Record<string, unknown>, file, reread ?? (() => source)),
  };
}

/**
 * A file that is not valid YAML: every syntax mistake, then the rule problems of the entries the
 * mistakes left whole (a `supported: yes` above a broken line is reported in the same run).
 */
function malformedFileResult(source: string, file: string, error: Error): FileResult {
  const malformed = diagnoseMalformedYaml(source, error);
  const collector = new ProblemCollector(file, malformed.parsed);
  for (const diagnosis of malformed.diagnoses)
    collector.add(diagnosis.field, diagnosis.message, diagnosis.position ? { position: diagnosis.position } : {});
  const raw = malformed.parsed.value;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const rules = new ProblemCollector(file, malformed.parsed);
    checkAgainstSchema(raw, rules);
    checkProviderRules(raw as Record<string, unknown>, rules);
    checkSiteRules(raw as Record<string, unknown>, rules);
    lintProvider(raw as Record<string, unknown>, rules);
    collector.problems.push(...rules.problems.filter((problem) => malformed.intact(problem)));
  }
  return { file, provider: undefined, problems: sortByPosition(collector.problems), identity: undefined };
}

function fileIdentity(raw: Record<string, unknown>, file: string, source: () => string): FileIdentity | undefined {
  if (!isText(raw.name)) return undefined;
  const explicitSlug = isText(raw.slug);
  const slug = explicitSlug ? (raw.slug as string) : slugify(raw.name) || undefined;
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases : []).flatMap((text: unknown, index) => {
    const aliasSlug = isText(text) ? slugify(text) : "";
    return aliasSlug && aliasSlug !== slug ? [{ text: text as string, slug: aliasSlug, index }] : [];
  });
  let locate: ProblemCollector | undefined;
  return {
    get locate() {
      return (locate ??= new ProblemCollector(file, parseYaml(source(), file)));
    },
    get located() {
      return locate !== undefined;
    },
    file,
    name: raw.name,
    slug,
    explicitSlug,
    aliases,
  };
}

const sortByPosition = (problems: DataProblem[]) =>
  problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (a.problem.position?.line ?? 0) - (b.problem.position?.line ?? 0) ||
        (a.problem.position?.column ?? 0) - (b.problem.position?.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);

/** The provider data files in a folder, sorted by name: regular files only (see `readProviderFolder`). */
export function providerFiles(dir: string): string[] {
  return readProviderFolder(dir).files;
}

/**
 * Loads every provider file in `dir`, validates it and builds the registry. All problems in
 * all files are gathered; if any is an error, throws one RegistryError that lists them all.
 */
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

/**
 * A loader that keeps each file's parsed result. The dev server tells it which files changed
 * (Eleventy's watcher knows), so a rebuild after one edit parses one file, and a build that
 * loads twice (the check before writing, then the build) parses each file once.
 */
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

/**
 * Builds the registry from parsed files (in file-name order), adding the cross-file problems.
 * Throws one RegistryError listing every problem, file by file, when any is an error.
 */
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
  const problems = sortByPosition([...results.flatMap((r) => r.problems), ...crossFile]).sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0),
  );
  if (problems.some((p) => p.severity === "error")) throw new RegistryError(problems);
  return new Registry(
    results.flatMap((r) => (r.provider ? [r.provider] : [])),
    problems,
  );
}

/**
 * Two files with the same name or slug would fight over one page, and an alias that is another
 * provider's slug (or another provider's alias) would redirect a live page away. Checked on
 * every file whose name can be read, even one with other mistakes, so that one run finds all.
 */
export function crossFileProblems(identities: FileIdentity[]): DataProblem[] {
  const _problems: DataProblem[] = [];
  const where = (identity: FileIdentity, field: string) => {
    const line = identity.locate.position(field, false)?.line;
    return `${identity.file}${line ? ` (line ${line})` : ""}`;
  };
  const names = new Map<string, FileIdentity>();
  const slugs = new Map<string, FileIdentity>();
  for (const identity of identities) {
    // Not `locate` here: it parses the file again, wanted only when there is a problem to place.
    const { name, slug } = identity;
    const sameName = names.get(name.toLowerCase());
    const sameSlug = slug === undefined ? undefined : slugs.get(slug);
    if (sameName) {
      identity.locate.add(
        "name",
        `found ${describe(name)}, which is also the name in ${where(sameName, "name")}, expected each provider ` +
          `to have its own name. Rename one of them.`,
      );
    } else if (sameSlug && slug !== undefined) {
      const field = identity.explicitSlug ? "slug" : "name";
      identity.locate.add(
        field,
        `found ${describe(identity.explicitSlug ? slug : name)}, which makes the slug "${slug}", as does ` +
          `${describe(sameSlug.name)} in ${where(sameSlug, sameSlug.explicitSlug ? "slug" : "name")}, expected ` +
          `one provider per page. Rename one, or give one a \`slug\` field.`,
      );
    }
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), identity);
    if (slug !== undefined && !slugs.has(slug)) slugs.set(slug, identity);
  }
  const aliases = new Map<string, { identity: FileIdentity; index: number }>();
  for (const identity of identities) {
    identity.aliases.forEach(({ slug: aliasSlug, index, text }) => {
      const field = `aliases.${index}`;
      const page = slugs.get(aliasSlug);
      const earlier = aliases.get(aliasSlug);
      if (page && page !== identity) {
        identity.locate.add(
          field,
          `found ${describe(text)}, which makes /ai-providers/${aliasSlug}/, the page of ` +
            `${describe(page.name)} in ${where(page, page.explicitSlug ? "slug" : "name")}, expected an old name ` +
            `or slug that no provider uses now. Remove it.`,
        );
      } else if (earlier && earlier.identity !== identity) {
        identity.locate.add(
          field,
          `found ${describe(text)}, which makes the same redirect (/ai-providers/${aliasSlug}/) as ` +
            `\`aliases[${earlier.index}]\` in ${where(earlier.identity, `aliases.${earlier.index}`)}, expected ` +
            `each alias in one provider only. Remove one of them.`,
        );
      }
      if (!earlier) aliases.set(aliasSlug, { identity, index });
    });
  }
  return identities.flatMap((identity) => (identity.located ? identity.locate.problems.splice(0) : []));
}
