import { createRequire } from "node:module";
import type { Node, YAMLError } from "yaml";
import type { DataProblem } from "./errors.ts";
import { explainYamlError, reservedStartOnLine, type YamlDiagnosis } from "./yaml-diagnosis.ts";
import { lineLocator, type FieldPositions, type ParsedYaml, type SourcePosition } from "./yaml-source.ts";

/** Every syntax mistake of a file that js-yaml refused, and what of it could still be read. */
export interface MalformedYaml {
  /** The mistakes, js-yaml's first (explained as before), then each further one the `yaml` package finds. */
  diagnoses: YamlDiagnosis[];
  /** The file as the `yaml` package reads it past its mistakes, with positions. */
  parsed: ParsedYaml;
  /**
   * True for a rule problem worth reporting: its field is written on a line with no syntax
   * mistake, or (for a missing field) its top-level entry (`chat`) holds none.
   */
  intact(problem: DataProblem): boolean;
}

// Loaded on the first malformed file: a build of valid files never needs it (importing it costs ~60 ms).
let yamlPackage: typeof import("yaml") | undefined;
const yaml = (): typeof import("yaml") => (yamlPackage ??= createRequire(import.meta.url)("yaml"));

/** Syntax mistakes explained one by one; more than this are counted in one last line. */
const MAX_SYNTAX_DIAGNOSES = 20;

// Codes that follow from an earlier mistake in the same entry rather than stand on their own.
const CASCADE_CODES = new Set(["BAD_INDENT", "MULTILINE_IMPLICIT_KEY", "BLOCK_AS_IMPLICIT_KEY", "UNEXPECTED_TOKEN"]);

/**
 * js-yaml stops at the first mistake, so a writer would fix one and run again to find the next.
 * The `yaml` package parses on past mistakes with their places: it is run only for a file that
 * already failed (js-yaml stays the fast path), to report every mistake in one run and to read
 * the entries the mistakes left whole.
 */
export function diagnoseMalformedYaml(source: string, jsYamlError: unknown): MalformedYaml {
  const positionAt = lineLocator(source);
  const doc = yaml().parseDocument(source, { prettyErrors: false, uniqueKeys: false, logLevel: "silent" });
  const entries = topLevelEntries(doc.contents as Node | null);
  // Entries are in source order: a binary search finds the one holding an offset.
  const entryAt = (offset: number): string | undefined => {
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = entries[mid]!;
      if (offset < entry.start) high = mid - 1;
      else if (offset >= entry.end) low = mid + 1;
      else return entry.key;
    }
    return undefined;
  };
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const offsetOf = (position: SourcePosition) => (lineStarts[position.line - 1] ?? 0) + position.column - 1;

  const first = explainYamlError(source, jsYamlError);
  const diagnoses: YamlDiagnosis[] = [first];
  const taken = new Set<number>(first.position ? [first.position.line] : []);
  const brokenEntries = new Set<string | undefined>();
  /** Entries that already have a reported mistake: a cascade in one says nothing new. */
  const reportedEntries = new Set<string | undefined>();
  if (first.position) {
    brokenEntries.add(entryAt(offsetOf(first.position)));
    reportedEntries.add(entryAt(offsetOf(first.position)));
  }

  const errorLines = new Set(taken);
  let lastLine = first.position?.line ?? 0;
  let unreported = 0;
  for (const error of doc.errors) {
    const offset = error.pos[0];
    const position = positionAt(offset);
    const entry = entryAt(offset);
    brokenEntries.add(entry);
    errorLines.add(position.line);
    // A cascade right after another mistake, or in an entry already broken, says nothing new.
    const cascade =
      CASCADE_CODES.has(error.code) && (Math.abs(position.line - lastLine) <= 2 || reportedEntries.has(entry));
    lastLine = position.line;
    if (taken.has(position.line) || cascade) continue;
    // Each explanation reads the source again: past a few, a file needs fixing from the top first.
    if (diagnoses.length >= MAX_SYNTAX_DIAGNOSES) {
      unreported++;
      continue;
    }
    const diagnosis = explainYamlPackageError(source, error, position);
    // Read again from the top, a quote slip may be the one js-yaml's diagnosis already named.
    if (diagnosis.position && taken.has(diagnosis.position.line)) continue;
    taken.add(position.line);
    if (diagnosis.position) taken.add(diagnosis.position.line);
    reportedEntries.add(diagnosis.position ? entryAt(offsetOf(diagnosis.position)) : entry);
    diagnoses.push(diagnosis);
  }
  if (unreported) {
    const last = diagnoses.reduce((line, d) => Math.max(line, d.position?.line ?? 0), 0);
    diagnoses.push({
      position: { line: last, column: 1 },
      message:
        `found ${unreported} more YAML mistake${unreported === 1 ? "" : "s"} below line ${last}, expected \`key: ` +
        `value\` lines. Fix the ones above, then run the check again.`,
    });
  }
  const scalar = new Map<string, { start: number; end: number }>();
  const positions: FieldPositions = { key: new Map(), value: new Map(), scalar };
  walk(doc.contents as Node | null, "", positions, positionAt);
  const parsed: ParsedYaml = {
    value: readValue(),
    positions,
    problems: [],
    source,
    positionAt,
  };
  // A broken alias (`*anchor` with no `&anchor`) makes the whole value unreadable: report the syntax alone.
  function readValue(): unknown {
    try {
      return doc.toJS({ maxAliasCount: 100 });
    } catch {
      return undefined;
    }
  }
  const intactKeys = new Set(entries.map((e) => e.key).filter((key) => !brokenEntries.has(key)));
  return {
    diagnoses: diagnoses.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0)),
    parsed,
    intact(problem) {
      if (problem.field === undefined) return false;
      // A field written out stands on its own line: it parsed as written unless a mistake is there.
      const written = positions.key.get(problem.field) ?? positions.value.get(problem.field);
      if (written && problem.position?.line === written.line) return !errorLines.has(written.line);
      // A missing field may be one the mistake swallowed: trusted only in an entry with no mistake.
      return intactKeys.has(problem.field.split(".")[0]!);
    },
  };
}

/** A `yaml` package error said in a writer's terms, with the same wording as js-yaml's diagnoses. */
function explainYamlPackageError(source: string, error: YAMLError, position: SourcePosition): YamlDiagnosis {
  const lines = source.split(/\r?\n/);
  const reserved = reservedStartOnLine(lines, position.line - 1);
  if (reserved) return reserved;
  if (error.code === "TAB_AS_INDENT")
    return {
      position,
      message: "found a tab in the indentation, expected spaces. Indent with spaces, two for each level.",
    };
  if (error.code === "MISSING_CHAR" && /quote/.test(error.message)) {
    // The value opens with a quote on this line (or the one js-yaml would name): find it.
    const text = lines[position.line - 1] ?? "";
    const open = /^(\s*(?:-\s+)*(?:[^\s'"#][^:#]*?:\s+)?)(['"])/.exec(text);
    const key = /^\s*(?:-\s+)*([^\s'"#-][^:#]*?):/.exec(text)?.[1];
    if (open) {
      return {
        position: { line: position.line, column: open[1]!.length + 1 },
        ...(key ? { field: key } : {}),
        message:
          `found a value that opens with ${open[2]} but is never closed, expected a closing ${open[2]}. Add ` +
          `${open[2]} at the end of the value.`,
      };
    }
  }
  // js-yaml's wording for the same kind of mistake, from the line the `yaml` package names.
  return explainYamlError(source, {
    reason: error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").toLowerCase(),
    mark: { line: position.line - 1, column: position.column - 1 },
  });
}

/** The top-level keys with the source range of their whole entry (key to the next key). */
function topLevelEntries(root: Node | null): { key: string; start: number; end: number }[] {
  const { isMap, isScalar } = yaml();
  if (!isMap(root)) return [];
  const pairs = root.items.filter((pair) => isScalar(pair.key) && pair.key.range);
  return pairs.map((pair, index) => {
    const key = pair.key as { value: unknown; range: [number, number, number] };
    const next = pairs[index + 1]?.key as { range: [number, number, number] } | undefined;
    return { key: String(key.value), start: key.range[0], end: next ? next.range[0] : Number.POSITIVE_INFINITY };
  });
}

/** Records where each field stands, as `parseYaml` does from js-yaml's events. */
function walk(node: Node | null, path: string, positions: FieldPositions, at: (offset: number) => SourcePosition) {
  if (!node?.range) return;
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const join = (part: string) => (path ? `${path}.${part}` : part);
  if (!positions.value.has(path)) positions.value.set(path, at(node.range[0]));
  if (isScalar(node)) {
    positions.scalar.set(path, { start: node.range[0], end: node.range[1] });
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const field = join(String(pair.key.value));
      if (!positions.key.has(field)) positions.key.set(field, at(pair.key.range[0]));
      walk(pair.value as Node | null, field, positions, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const field = join(String(index));
      const range = (item as Node | null)?.range;
      if (range) positions.key.set(field, at(range[0]));
      walk(item as Node | null, field, positions, at);
    });
  }
}
