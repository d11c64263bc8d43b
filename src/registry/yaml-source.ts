import { constructFromEvents, parseEvents, type Event } from "js-yaml";
import { quoteCode } from "./errors.ts";
import { readPlainYaml } from "./plain-yaml.ts";

/** A place in a source file; line and column count from 1. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where each field of a parsed YAML document stands: the key's place and the value's place. */
export interface FieldPositions {
  /** The key's position (for sequence items, the item's). Path: `chat.route_type`, `url_patterns.0`. */
  key: Map<string, SourcePosition>;
  /** The value's position. */
  value: Map<string, SourcePosition>;
  /** A scalar value's source text, offsets `[start, end)` with any quotes included. */
  scalar: Map<string, { start: number; end: number }>;
}

/** A mistake YAML itself allows but a provider file must not have: a key given twice, a second document. */
export interface YamlShapeProblem {
  position: SourcePosition;
  /** The field the problem is about, when there is one. */
  field?: string;
  message: string;
}

export interface ParsedYaml {
  /** The first document's value; `undefined` for an empty file. */
  value: unknown;
  positions: FieldPositions;
  /** Duplicated keys and extra documents, each located. */
  problems: YamlShapeProblem[];
  source: string;
  /** Turns a character offset into a 1-based line and column. */
  positionAt(offset: number): SourcePosition;
  /** True when the file was not built into a value (it holds an anchor or alias): `problems` says why. */
  refused?: boolean;
}

const EVENT_DOCUMENT = 1;
const EVENT_SEQUENCE = 2;
const EVENT_MAPPING = 3;
const EVENT_SCALAR = 4;
const EVENT_ALIAS = 5;
const EVENT_POP = 6;
const QUOTED_STYLES = new Set([2, 3]);

interface Frame {
  kind: "map" | "seq" | "document";
  path: string;
  index: number;
  /** Mapping only: the key being read, once read. */
  key: string | undefined;
  /** Mapping only: where each of its keys first stands, to find a key given twice. */
  seen: Map<string, SourcePosition>;
}

/** Turns character offsets of `source` into 1-based lines and columns. */
export function lineLocator(source: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset: number): SourcePosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: Math.max(0, offset - lineStarts[low]!) + 1 };
  };
}

/** `lineLocator`, its line starts found on the first call (a file with no problem to report never needs them). */
function lazyLineLocator(source: string): (offset: number) => SourcePosition {
  let locate: ((offset: number) => SourcePosition) | undefined;
  return (offset) => (locate ??= lineLocator(source))(offset);
}

/**
 * Parses one YAML file and records where each field stands, so that a data mistake can be
 * reported at its line and column. A file in the plain form provider files are written in is read
 * by `readPlainYaml` (the same value, sooner); any other by js-yaml. A key given twice is not fatal here: it is
 * reported (with both places) and the walk goes on, so every other mistake in the file is
 * found in the same run. Throws js-yaml's YAMLException (which carries `mark.line` /
 * `mark.column`) on malformed YAML.
 */
export function parseYaml(source: string, filename: string): ParsedYaml {
  const plain = readPlainYaml(source);
  if (plain !== undefined) return plainParse(source, filename, plain);
  const events = parseEvents(source, { filename });
  const anchor = firstAnchor(events, source);
  if (anchor) return refusedParse(source, anchor);
  let documents: unknown[];
  let duplicatedKey = false;
  try {
    documents = constructFromEvents(events, { source, filename });
  } catch (error) {
    if (!(error instanceof Error) || !/duplicated mapping key/.test(error.message)) throw error;
    // `json: true` lets a duplicated key through (the last wins); the walk below reports it.
    documents = constructFromEvents(events, { source, filename, json: true });
    duplicatedKey = true;
  }
  // Where fields stand is needed only to report a problem: most files have none, so the walk
  // over the events runs on first use (at once when a key is duplicated, to report it).
  const positionAt = lazyLineLocator(source);
  let walked: ReturnType<typeof walkEvents> | undefined;
  const walk = () => (walked ??= walkEvents(events, source, positionAt));
  const problems = duplicatedKey ? [...walk().problems] : [];
  if (documents.length > 1) problems.push(extraDocumentProblem(source, events, positionAt));
  return {
    value: documents[0],
    get positions() {
      return walk().positions;
    },
    problems,
    source,
    positionAt,
  };
}

/**
 * A file in the plain form (`plain-yaml.ts`), its value already read: no anchors, no key given twice, one
 * document. Where fields stand is worked out, from js-yaml's events, only when a problem is reported.
 */
function plainParse(source: string, filename: string, value: unknown): ParsedYaml {
  const positionAt = lazyLineLocator(source);
  let positions: FieldPositions | undefined;
  return {
    value,
    get positions() {
      return (positions ??= walkEvents(parseEvents(source, { filename }), source, positionAt).positions);
    },
    problems: [],
    source,
    positionAt,
  };
}

/**
 * The first anchor (`&name`) or alias (`*name`) of a file, found in the parser's events before
 * anything is built: a few aliases of a large anchor (or of each other) expand to gigabytes, and
 * provider files have no use for them.
 */
function firstAnchor(events: Event[], source: string): YamlShapeProblem | undefined {
  for (const event of events) {
    if (!("anchorStart" in event) || event.anchorStart < 0) continue;
    const alias = event.type === EVENT_ALIAS;
    const name = source.slice(event.anchorStart, Math.min(event.anchorEnd, event.anchorStart + 40));
    const more = event.anchorEnd - event.anchorStart > 40 ? "..." : "";
    return {
      position: lineLocator(source)(Math.max(0, event.anchorStart - 1)),
      message:
        `found the YAML ${alias ? "alias" : "anchor"} \`${alias ? "*" : "&"}${name}${more}\`, expected every ` +
        `value written out: ` +
        "anchors and aliases are not allowed in provider files (a few of them can expand a small file to gigabytes). " +
        `Write the value in full where the ${alias ? "alias" : "anchor"} stands.`,
    };
  }
  return undefined;
}

function refusedParse(source: string, problem: YamlShapeProblem): ParsedYaml {
  const locate = lineLocator(source);
  return {
    value: undefined,
    positions: { key: new Map(), value: new Map(), scalar: new Map() },
    problems: [problem],
    source,
    positionAt: locate,
    refused: true,
  };
}

function walkEvents(events: Event[], source: string, positionAt: (offset: number) => SourcePosition) {
  const positions: FieldPositions = { key: new Map(), value: new Map(), scalar: new Map() };
  const problems: YamlShapeProblem[] = [];
  const stack: Frame[] = [];
  const join = (base: string, part: string) => (base ? `${base}.${part}` : part);
  let documents = 0;

  // Returns the path the next node stands at, or undefined when the node is a mapping key.
  const nextNodePath = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top || top.kind === "document") return "";
    if (top.kind === "seq") {
      const path = join(top.path, String(top.index++));
      if (offset >= 0) positions.key.set(path, positionAt(offset));
      return path;
    }
    if (top.key === undefined) return undefined;
    const path = join(top.path, top.key);
    top.key = undefined;
    return path;
  };
  const frame = (kind: Frame["kind"], path: string): Frame => ({
    kind,
    path,
    index: 0,
    key: undefined,
    seen: new Map(),
  });

  for (const event of events) {
    // Only the first document is the provider; a second one is reported, not read.
    if (documents > 1) break;
    if (event.type === EVENT_SCALAR) {
      const empty = event.valueStart < 0;
      const quoted = QUOTED_STYLES.has(event.style);
      const offset = quoted ? Math.max(0, event.valueStart - 1) : event.valueStart;
      const path = nextNodePath(offset);
      if (path === undefined) {
        const top = stack[stack.length - 1]!;
        top.key = empty ? "" : source.slice(event.valueStart, event.valueEnd);
        const keyPath = join(top.path, top.key);
        const here = positionAt(Math.max(0, offset));
        const first = top.seen.get(top.key);
        if (first) {
          problems.push({
            position: here,
            field: keyPath,
            message:
              `found ${quoteCode(top.key)} a second time, expected each key once in a mapping (the first ` +
              `${quoteCode(top.key)} is at line ${first.line}, column ${first.column}). Keep one of them.`,
          });
        } else {
          top.seen.set(top.key, here);
          positions.key.set(keyPath, here);
        }
      } else if (!empty) {
        // An empty value (`chat:` and nothing after it) has no place of its own: its key stands for it.
        positions.value.set(path, positionAt(offset));
        const end = quoted ? Math.min(source.length, event.valueEnd + 1) : event.valueEnd;
        positions.scalar.set(path, { start: offset, end });
      }
    } else if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      const path = nextNodePath(event.start) ?? "";
      if (!positions.value.has(path)) positions.value.set(path, positionAt(event.start));
      stack.push(frame(event.type === EVENT_MAPPING ? "map" : "seq", path));
    } else if (event.type === EVENT_DOCUMENT) {
      documents++;
      stack.push(frame("document", ""));
    } else if (event.type === EVENT_POP) {
      stack.pop();
    } else {
      // An alias stands where a value would: consume the slot so later keys stay aligned.
      nextNodePath(-1);
    }
  }
  return { positions, problems };
}

/** A second `---` document: located at its `---` line, or the file's end when there is none to find. */
function extraDocumentProblem(
  source: string,
  events: Event[],
  positionAt: (offset: number) => SourcePosition,
): YamlShapeProblem {
  const first = events[0];
  const firstExplicit = first?.type === EVENT_DOCUMENT && first.explicitStart;
  const markers = [...source.matchAll(/^---(?=\s|$)/gm)].map((m) => m.index);
  const offset = markers[firstExplicit ? 1 : 0] ?? source.length;
  return {
    position: positionAt(offset),
    message:
      "found a second YAML document after `---`, expected one provider per file. " +
      "Remove the `---` line, or move the second provider into a file of its own.",
  };
}
