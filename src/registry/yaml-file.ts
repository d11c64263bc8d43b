import { isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { YAMLError } from "yaml";
import type { SourcePosition } from "./errors.ts";
import { explainSyntaxError } from "./yaml-syntax.ts";
import { deepMessage, type FieldPositions, MAX_DEPTH, Walk, type YamlProblem } from "./yaml-walk.ts";

export type { SourcePosition };
export { type FieldPositions, MAX_DEPTH, type YamlProblem };

export interface ParsedYaml {
  /** The document's value (what the parser recovered, for a malformed file); `undefined` when refused. */
  value: unknown;
  positions: FieldPositions;
  /** Every YAML mistake of the file, each located, in file order. */
  problems: YamlProblem[];
  source: string;
  /** Turns a character offset into a 1-based line and column. */
  positionAt(offset: number): SourcePosition;
  /** True when no value was built (an anchor, an alias, too deep a nesting): `problems` says why. */
  refused: boolean;
  /** True when the file has syntax mistakes: `value` is what could be read past them. */
  malformed: boolean;
  /**
   * For a malformed file, whether a rule problem at `field` (located at `position`) can be trusted:
   * its field is written on a line with no syntax mistake, or (for a missing field) its top-level
   * entry holds none. Always true for a well-formed file.
   */
  intact(field: string | undefined, position: SourcePosition | undefined): boolean;
}

/** Syntax mistakes explained one by one; more than this are counted in one last line. */
const MAX_SYNTAX_PROBLEMS = 20;
// Mistakes that the parser reports as a consequence of another, or that a file can hold and still be read.
const CASCADE_CODES = new Set(["BAD_INDENT", "MULTILINE_IMPLICIT_KEY", "BLOCK_AS_IMPLICIT_KEY", "UNEXPECTED_TOKEN"]);
// A bracket never closed is its own mistake, wherever it stands.
const UNCLOSED_BRACKET = /end with an? [\]}]/;
const READABLE_CODES = new Set(["DUPLICATE_KEY", "MULTIPLE_DOCS"]);

/**
 * Parses one YAML file with the `yaml` package and reports, located, every mistake a data file
 * must not have: each syntax error (worded for a writer by `explainSyntaxError`), a key given
 * twice, a second document, an anchor or alias (refused before anything is expanded), a tag, a
 * key that is not a name, a whole number past the safe range, and a nesting deeper than
 * `MAX_DEPTH`. Never throws for anything in the text.
 */
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      logLevel: "error",
    });
  } catch (error) {
    // The parser catches most stack exhaustion itself (RESOURCE_EXHAUSTION); this is the rest.
    if (!(error instanceof RangeError)) throw error;
    const position = { line: 1, column: 1 };
    const problems = [{ position, message: deepMessage("") }];
    return refusedFile(source, positionAt, problems);
  }
  const walk = new Walk(source, positionAt);
  walk.node(doc.contents as Node | null, "", 0);
  const syntax = syntaxProblems(doc.errors, walk, doc.contents as Node | null);
  const problems = [...syntax.problems, ...walk.problems].sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  );
  if (walk.refused || syntax.exhausted) return refusedFile(source, positionAt, problems, walk.positions);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    // What the walk let through and the library will not build (an alias the walk did not reach).
    const message =
      `found YAML that cannot be read as plain values (${(error as Error).message}), expected \`key: value\` ` +
      "lines. Write each value out.";
    return refusedFile(source, positionAt, [...problems, { position: { line: 1, column: 1 }, message }]);
  }
  return {
    value,
    positions: walk.positions,
    problems,
    source,
    positionAt,
    refused: false,
    malformed: syntax.malformed,
    intact: syntax.intact,
  };
}

function refusedFile(
  source: string,
  positionAt: (offset: number) => SourcePosition,
  problems: YamlProblem[],
  positions: FieldPositions = { key: new Map(), value: new Map(), scalar: new Map() },
): ParsedYaml {
  return {
    value: undefined,
    positions,
    problems,
    source,
    positionAt,
    refused: true,
    malformed: true,
    intact: () => false,
  };
}

/** The top-level keys with the source range of their whole entry (key to the next key). */
function topLevelEntries(root: Node | null): { key: string; start: number; end: number }[] {
  if (!isMap(root)) return [];
  const keys = root.items.flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [pair.key] : []));
  return keys.map((key, index) => ({
    key: String(key.value),
    start: key.range![0],
    end: keys[index + 1]?.range?.[0] ?? Number.POSITIVE_INFINITY,
  }));
}

/**
 * The file's syntax errors as located problems: the first of each entry and line, a cascade of
 * indentation errors after it left out, past `MAX_SYNTAX_PROBLEMS` a count.
 */
function syntaxProblems(errors: readonly YAMLError[], walk: Walk, root: Node | null) {
  const entries = topLevelEntries(root);
  const entryAt = (offset: number) => entries.find((entry) => offset >= entry.start && offset < entry.end)?.key;
  const problems: YamlProblem[] = [];
  /** Every line with a mistake; `taken`, the lines with a reported one. */
  const errorLines = new Set<number>();
  const taken = new Set<number>();
  const brokenEntries = new Set<string | undefined>();
  const reportedEntries = new Set<string | undefined>();
  let lastLine = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  let malformed = false;
  let exhausted = false;
  for (const error of errors) {
    const offset = error.pos[0];
    const position = walk.positionAt(offset);
    errorLines.add(position.line);
    const entry = entryAt(offset);
    if (!READABLE_CODES.has(error.code)) {
      malformed = true;
      brokenEntries.add(entry);
    }
    const cascade =
      exhausted ||
      (CASCADE_CODES.has(error.code) &&
        !UNCLOSED_BRACKET.test(error.message) &&
        (Math.abs(position.line - lastLine) <= 2 || reportedEntries.has(entry)));
    lastLine = position.line;
    if (error.code === "RESOURCE_EXHAUSTION") {
      // The walk names the level past the limit, where the parser ran out of stack it could not go on.
      if (!exhausted && !walk.tooDeep) problems.push({ position, message: deepMessage("lists or mappings") });
      exhausted = true;
      continue;
    }
    if (taken.has(position.line) || cascade) continue;
    taken.add(position.line);
    if (problems.length >= MAX_SYNTAX_PROBLEMS) {
      unreported++;
      continue;
    }
    const explained = explainSyntaxError(error, walk, root, offset);
    // Read from the line before, an unclosed quote may be the one already named.
    if (explained.position.line !== position.line && taken.has(explained.position.line)) continue;
    taken.add(explained.position.line);
    errorLines.add(explained.position.line);
    reportedEntries.add(entry);
    problems.push(explained);
  }
  if (unreported) {
    const last = problems.reduce((line, p) => Math.max(line, p.position.line), 0);
    problems.push({
      position: { line: last, column: 1 },
      message:
        `found ${unreported} more YAML mistake${unreported === 1 ? "" : "s"} below line ${last}, expected \`key: ` +
        "value` lines. Fix the ones above, then run the check again.",
    });
  }
  const intactKeys = new Set(entries.map((e) => e.key).filter((key) => !brokenEntries.has(key)));
  const intact = (field: string | undefined, position: SourcePosition | undefined): boolean => {
    if (!malformed) return true;
    if (field === undefined) return false;
    // A field written out stands on its own line: it parsed as written unless a mistake is there.
    const written = walk.positions.key.get(field) ?? walk.positions.value.get(field);
    if (written && position?.line === written.line) return !errorLines.has(written.line);
    // A missing field may be one the mistake swallowed: trusted only in an entry with no mistake.
    return intactKeys.has(field.split(".")[0]!);
  };
  return { problems, malformed, exhausted, intact };
}
