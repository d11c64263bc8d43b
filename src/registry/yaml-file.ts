import { Composer, type CST, isMap, isScalar, LineCounter, type Node, Parser } from "yaml";
import type { YAMLError } from "yaml";
import { byPosition, type SourcePosition } from "./errors.ts";
import { explainSyntaxError } from "./yaml-syntax.ts";
import { type FieldPositions, Walk, type YamlProblem } from "./yaml-walk.ts";

/** The deepest nesting of lists and mappings read. */
export const MAX_DEPTH = 100;
const deepMessage =
  `found lists or mappings nested deeper than ${MAX_DEPTH} levels, expected the few levels of a data file (a ` +
  "capability, its note, the note's text). Remove the extra nesting.";

export interface ParsedYaml {
  /** The document's value (what the parser recovered, for a malformed file); `undefined` when refused. */
  value: unknown;
  positions: FieldPositions;
  problems: YamlProblem[];
  source: string;
  positionAt(offset: number): SourcePosition;
  /** True when no value was built (an anchor, an alias, too deep a nesting): `problems` says why. */
  refused: boolean;
  /** True when the file has syntax mistakes: `value` is what could be read past them. */
  malformed: boolean;
  /** For a malformed file, whether a rule problem at `field` (located at `position`) can be trusted. */
  intact(field: string | undefined, position: SourcePosition | undefined): boolean;
}

const SECOND_DOCUMENT =
  "found a second YAML document after `---`, expected one provider per file. Remove the `---` line, or move the " +
  "second provider into a file of its own.";

/** The offset of a list or mapping nested deeper than `MAX_DEPTH` in the parser's tokens, or undefined. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === "document") stack.push([token.value, depth]);
    else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth >= MAX_DEPTH) return token.offset;
      for (const item of token.items) stack.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Syntax mistakes explained one by one; more than this are counted in one last line. */
const MAX_SYNTAX_PROBLEMS = 20;
// Mistakes that the parser reports as a consequence of another, or that a file can hold and still be read.
const CASCADE_CODES = new Set(["BAD_INDENT", "MULTILINE_IMPLICIT_KEY", "BLOCK_AS_IMPLICIT_KEY", "UNEXPECTED_TOKEN"]);
// A bracket never closed is its own mistake, wherever it stands.
const UNCLOSED_BRACKET = /end with an? [\]}]/;
// Mistakes the parser reads past: the file is read as written.
const READ_PAST_CODES = new Set(["BAD_SCALAR_START", "TAG_RESOLVE_FAILED"]);

/** Parses one YAML file with the `yaml` package and reports, located, every mistake a data file must not have. */
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // The parser reads into tokens without recursion; the nesting is measured on them before the composer.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = tooDeepAt(tokens);
  if (deep !== undefined) {
    return refusedFile(source, positionAt, [{ position: positionAt(deep), message: deepMessage }]);
  }
  // Keys given twice are found by the walk, one set a mapping: the composer's check is quadratic in a mapping's size.
  const composer = new Composer({ uniqueKeys: false, merge: false, logLevel: "error" });
  const [doc, second] = composer.compose(tokens, true, source.length);
  if (!doc) throw new Error("the composer made no document"); // `compose(..., true)` always makes one
  const walk = new Walk(source, positionAt);
  walk.node(doc.contents as Node | null, "");
  const syntax = syntaxProblems(doc.errors, walk, doc.contents as Node | null);
  if (second) syntax.problems.push({ position: positionAt(second.range[0]), message: SECOND_DOCUMENT });
  const problems = [...syntax.problems, ...walk.problems].sort(byPosition);
  if (walk.refused) return refusedFile(source, positionAt, problems, walk.positions);
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

/** The file's syntax errors as located problems: the first of each entry and line. */
function syntaxProblems(errors: readonly YAMLError[], walk: Walk, root: Node | null) {
  const entries = topLevelEntries(root);
  const entryAt = (offset: number) => entries.find((entry) => offset >= entry.start && offset < entry.end)?.key;
  const problems: YamlProblem[] = [];
  /** Every line with a mistake; `taken`, the lines with a reported one. */
  const errorLines = new Set<number>();
  const taken = new Set<number>();
  const brokenEntries = new Set<string | undefined>();
  /** Entries with a reported mistake that may derail the parser: an indentation error in one says nothing new. */
  const derailedEntries = new Set<string | undefined>();
  let lastLine = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  let malformed = false;
  for (const error of errors) {
    const offset = error.pos[0];
    const position = walk.positionAt(offset);
    errorLines.add(position.line);
    const entry = entryAt(offset);
    malformed = true;
    brokenEntries.add(entry);
    const cascade =
      CASCADE_CODES.has(error.code) &&
      !UNCLOSED_BRACKET.test(error.message) &&
      (Math.abs(position.line - lastLine) <= 2 || derailedEntries.has(entry));
    // A mistake the parser reads past (a reserved first character, a key given twice) derails nothing after it.
    if (!READ_PAST_CODES.has(error.code)) lastLine = position.line;
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
    if (!READ_PAST_CODES.has(error.code)) derailedEntries.add(entry);
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
  return { problems, malformed, intact };
}
