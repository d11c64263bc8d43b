import { distance } from "fastest-levenshtein";

/** A place in a source file; line and column count from 1. */
export type SourcePosition = { line: number; column: number };

/** One mistake in one data file, located as closely as the source allows. */
export interface DataProblem {
  /** The file, relative to the project root: `_data/providers/openai.yaml`. */
  file: string;
  position?: SourcePosition;
  /** Dotted field path, e.g. `chat.route_type`; absent for file-level problems. */
  field?: string;
  /** A whole sentence that says what is wrong and what would fix it. */
  message: string;
  severity: "error" | "warning";
  /** The consistency lint's rule that found it (`streaming-cannot-stream`), which `lint_ignore` can silence. */
  rule?: string;
}

/** An error in a file, at `position` when it is known. */
export const dataProblem = (file: string, message: string, position?: SourcePosition): DataProblem => ({
  file,
  ...(position ? { position } : {}),
  message,
  severity: "error",
});

/** A YAML mapping read as a plain object (not null, not a list). */
export const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A string with something in it besides white space. */
export const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** Orders problems by where they stand (`sort` is stable: problems at one place keep their order). */
export const byPosition = (a: { position?: SourcePosition }, b: { position?: SourcePosition }) =>
  (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);

/** A count and its noun: `1 error`, `3 errors`, `2 aliases`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Formats a problem the way editors and terminals link it: `file:line:col: field: message`. */
export function formatProblem(problem: DataProblem): string {
  const where = problem.position ? `${problem.file}:${problem.position.line}:${problem.position.column}` : problem.file;
  const label = problem.severity === "warning" ? "warning: " : "";
  return `${where}: ${label}${problem.message}`;
}

/** Base class of every error caused by the data rather than by our code: the build prints its message alone. */
export class DataError extends Error {
  override name = "DataError";
  /** Read by Eleventy's error handler: a data mistake needs its message, not our stack. */
  readonly skipOriginalStack = true;
}

/** The data holds one or more errors; all of them are listed in one message, after `subject` and the counts. */
export class RegistryError extends DataError {
  override name = "RegistryError";
  constructor(
    readonly problems: DataProblem[],
    subject = "The provider registry has",
  ) {
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;
    super(
      `${subject} ${plural(errors, "error")}${warnings ? ` and ${plural(warnings, "warning")}` : ""}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
  }
}

/** A bug in our code met while handling a data file. */
export class InternalError extends Error {
  override name = "InternalError";
  readonly skipOriginalStack = true;
  constructor(file: string, cause: unknown) {
    super(
      `internal error while processing ${file}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        "This is a bug in the site's code, not in the file: please report it with the file attached.",
      { cause },
    );
  }
}

/** `name` used where no provider has it: lists the closest names. */
export class UnknownProviderError extends DataError {
  override name = "UnknownProviderError";
}

/** A character that is there but not seen: every format character (Cf) and the invisible letters outside it. */
export const INVISIBLE_CHARACTER =
  /\p{Cf}|[\u115f\u1160\u3164\uffa0\u2800]|\u034f|\u17b4|\u17b5|\u180b|\u180c|\u180d|\u180f/u;
// Escaped in quotes besides what JSON escapes: C1 controls, line separators and invisible characters.
const UNSAFE_IN_MESSAGE = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029]|${INVISIBLE_CHARACTER.source}`, "gu");
const escapeUnits = (ch: string) =>
  Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");

/** A found text value quoted for a message: at most 80 characters (then `...`), invisible characters escaped. */
export function quote(text: string): string {
  let short = text.length > 80 ? text.slice(0, 77) : text;
  // Never cut a character in half.
  if (short !== text && /[\ud800-\udbff]$/.test(short)) short = short.slice(0, -1);
  const escaped = JSON.stringify(short).replace(UNSAFE_IN_MESSAGE, escapeUnits);
  return short === text ? escaped : `${escaped.slice(0, -1)}..."`;
}

/** A found key (or other bit of source) in backticks for a message: at most 40 characters. */
export function quoteCode(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  const escaped = short.replace(/[\u0000-\u001f\ud800-\udfff]/g, escapeUnits).replace(UNSAFE_IN_MESSAGE, escapeUnits);
  return `\`${escaped}\``;
}

/** The candidates closest to `wanted`, best first, within a sensible distance. */
export function closestMatches(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  // A suggestion is for a slip of a few characters; a long value is no near miss, and comparing it costs its length.
  if (wanted.length > 64) return [];
  const lower = wanted.toLowerCase();
  return [...candidates]
    .map((candidate) => ({ candidate, distance: distance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 2)))
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** `" Did you mean 'x'?"` for the candidate closest to `wanted`, quoted with `q`; empty when none is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>, q = "'"): string {
  const close = closestMatches(wanted, candidates, 1)[0];
  return close === undefined ? "" : ` Did you mean ${q}${close}${q}?`;
}

/** Describes a found value for a message: `"yes"`, `the number 3.1`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return value.length ? "a list" : "an empty list";
  if (typeof value === "object") return "a mapping";
  return `the ${typeof value} ${String(value)}`;
}
