import { constructFromEvents, parseEvents, type Event } from "js-yaml";

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
}

export interface ParsedYaml {
  /** The documents' first (and only) value; `undefined` for an empty file. */
  value: unknown;
  positions: FieldPositions;
  /** Turns a character offset into a 1-based line and column. */
  positionAt(offset: number): SourcePosition;
}

const EVENT_SEQUENCE = 2;
const EVENT_MAPPING = 3;
const EVENT_SCALAR = 4;
const EVENT_POP = 6;
const QUOTED_STYLES = new Set([2, 3]);

interface Frame {
  kind: "map" | "seq";
  path: string;
  index: number;
  /** Mapping only: the key being read, once read. */
  key: string | undefined;
}

/**
 * Parses one YAML file with js-yaml and records where each field stands, so that a
 * data mistake can be reported at its line and column. Throws js-yaml's YAMLException
 * (which carries `mark.line` / `mark.column`) on malformed YAML.
 */
export function parseYaml(source: string, filename: string): ParsedYaml {
  const events = parseEvents(source, { filename });
  const documents = constructFromEvents(events, { source, filename });
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const positionAt = (offset: number): SourcePosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  return { value: documents[0], positions: fieldPositions(events, source, positionAt), positionAt };
}

function fieldPositions(
  events: Event[],
  source: string,
  positionAt: (offset: number) => SourcePosition,
): FieldPositions {
  const key = new Map<string, SourcePosition>();
  const value = new Map<string, SourcePosition>();
  const stack: Frame[] = [];
  const join = (base: string, part: string) => (base ? `${base}.${part}` : part);

  // Returns the path the next node stands at, or undefined when the node is a mapping key.
  const nextNodePath = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (top.kind === "seq") {
      const path = join(top.path, String(top.index++));
      key.set(path, positionAt(offset));
      return path;
    }
    if (top.key === undefined) return undefined;
    const path = join(top.path, top.key);
    top.key = undefined;
    return path;
  };

  for (const event of events) {
    if (event.type === EVENT_SCALAR) {
      const quoted = QUOTED_STYLES.has(event.style);
      const offset = quoted ? Math.max(0, event.valueStart - 1) : event.valueStart;
      const path = nextNodePath(offset);
      if (path === undefined) {
        const top = stack[stack.length - 1]!;
        top.key = source.slice(event.valueStart, event.valueEnd);
        key.set(join(top.path, top.key), positionAt(offset));
      } else {
        value.set(path, positionAt(offset));
      }
    } else if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      const path = nextNodePath(event.start) ?? "";
      value.set(path, positionAt(event.start));
      stack.push({ kind: event.type === EVENT_MAPPING ? "map" : "seq", path, index: 0, key: undefined });
    } else if (event.type === EVENT_POP) {
      stack.pop();
    } else if (event.type !== 1) {
      // An alias stands where a value would: consume the slot so later keys stay aligned.
      nextNodePath(0);
    }
  }
  return { key, value };
}
