import { Composer, type CST, isMap, isScalar, LineCounter, type Node, Parser, type YAMLError } from "yaml";
import { byPosition, plural, type SourcePosition } from "./errors.ts";
import { explainSyntaxError } from "./yaml-syntax.ts";
import { Walk, type YamlProblem } from "./yaml-walk.ts";

/** The deepest nesting of lists and mappings read. */
export const MAX_DEPTH = 100;
const SECOND_DOCUMENT =
  "found a second YAML document after `---`, expected one provider per file. Remove the `---` line, or move the " +
  "second provider into a file of its own.";

/** The offset of a list or mapping nested deeper than `MAX_DEPTH` in the parser's tokens, or undefined. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token?.type === "document") stack.push([token.value, depth]);
    else if (token?.type === "block-map" || token?.type === "block-seq" || token?.type === "flow-collection") {
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
export function parseYaml(source: string) {
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const walk = new Walk(source, positionAt);
  // `value` is what was read (past a `malformed` file's mistakes); undefined when `refused` (`problems` say why).
  const parsed = (value: unknown, problems: YamlProblem[], syntax?: ReturnType<typeof syntaxProblems>) => ({
    value,
    positions: walk.positions,
    problems,
    source,
    positionAt,
    refused: syntax === undefined,
    malformed: syntax?.malformed ?? true,
    /** For a malformed file, whether a rule problem at `field` (located at `position`) can be trusted. */
    intact: syntax?.intact ?? (() => false),
  });
  // The parser reads into tokens without recursion; the nesting is measured on them before the composer.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = tooDeepAt(tokens);
  if (deep !== undefined)
    return parsed(undefined, [
      {
        position: positionAt(deep),
        message:
          `found lists or mappings nested deeper than ${MAX_DEPTH} levels, expected the few levels of a data file ` +
          "(a capability, its note, the note's text). Remove the extra nesting.",
      },
    ]);
  // Keys given twice are found by the walk, one set a mapping: the composer's check is quadratic in a mapping's size.
  const composer = new Composer({ uniqueKeys: false, merge: false, logLevel: "error" });
  const [doc, second] = composer.compose(tokens, true, source.length);
  if (!doc) throw new Error("the composer made no document"); // `compose(..., true)` always makes one
  walk.node(doc.contents as Node | null, "");
  const syntax = syntaxProblems(doc.errors, walk, doc.contents as Node | null);
  if (second) syntax.problems.push({ position: positionAt(second.range[0]), message: SECOND_DOCUMENT });
  const problems = [...syntax.problems, ...walk.problems].sort(byPosition);
  if (walk.refused) return parsed(undefined, problems);
  try {
    return parsed(doc.toJS({ maxAliasCount: 0 }), problems, syntax);
  } catch (error) {
    // What the walk let through and the library will not build (an alias the walk did not reach).
    const message =
      `found YAML that cannot be read as plain values (${(error as Error).message}), expected \`key: value\` ` +
      "lines. Write each value out.";
    return parsed(undefined, [...problems, { position: { line: 1, column: 1 }, message }]);
  }
}

/** A parsed YAML file: its value, where each field stands, and its mistakes. */
export type ParsedYaml = ReturnType<typeof parseYaml>;

/** The file's syntax errors as located problems: the first of each entry and line. */
function syntaxProblems(errors: readonly YAMLError[], walk: Walk, root: Node | null) {
  // The top-level keys and where each entry starts: a mistake belongs to the last entry started before it.
  const keys = (isMap(root) ? root.items : []).flatMap((p) => (isScalar(p.key) && p.key.range ? [p.key] : []));
  const entryAt = (offset: number) => String(keys.filter((key) => key.range![0] <= offset).at(-1)?.value);
  const problems: YamlProblem[] = [];
  // Every line with a mistake; `taken`, the lines with a reported one.
  const errorLines = new Set<number>();
  const taken = new Set<number>();
  const brokenEntries = new Set<string>();
  // Entries with a reported mistake that may derail the parser: an indentation error in one says nothing new.
  const derailedEntries = new Set<string>();
  let lastLine = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  for (const error of errors) {
    const offset = error.pos[0];
    const position = walk.positionAt(offset);
    const entry = entryAt(offset);
    errorLines.add(position.line);
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
  const last = Math.max(0, ...problems.map((p) => p.position.line));
  if (unreported)
    problems.push({
      position: { line: last, column: 1 },
      message:
        `found ${plural(unreported, "more YAML mistake")} below line ${last}, expected \`key: ` +
        "value` lines. Fix the ones above, then run the check again.",
    });
  const malformed = errors.length > 0;
  const intact = (field: string | undefined, position: SourcePosition | undefined): boolean => {
    if (!malformed) return true;
    if (field === undefined) return false;
    // A field written out stands on its own line: it parsed as written unless a mistake is there.
    const written = walk.positions.key.get(field) ?? walk.positions.value.get(field);
    if (written && position?.line === written.line) return !errorLines.has(written.line);
    // A missing field may be one the mistake swallowed: trusted only in an entry with no mistake.
    const top = field.split(".")[0]!;
    return keys.some((key) => String(key.value) === top) && !brokenEntries.has(top);
  };
  return { problems, malformed, intact };
}
