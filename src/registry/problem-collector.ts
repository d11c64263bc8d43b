import { quoteCode, type DataProblem, type SourcePosition } from "./errors.ts";
import type { ParsedYaml } from "./yaml-file.ts";

/** A field path as writers read it: `url_patterns.0` → `url_patterns[0]`. */
export function displayField(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** The last part of a field path: `chat.route_type` → `route_type`. */
export const lastPart = (field: string) => field.slice(field.lastIndexOf(".") + 1);

/** The longest message kept whole; a longer one keeps its start and its advice. */
const MAX_MESSAGE_LENGTH = 1000;
const bounded = (message: string) =>
  message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, 500)} [...] ${message.slice(-400)}`;

/** Collects problems against one file, located through the parsed source. */
export class ProblemCollector {
  readonly problems: DataProblem[] = [];
  constructor(
    readonly file: string,
    private readonly parsed?: ParsedYaml,
  ) {}

  /** Records a problem at a field: at its key when `atKey`, else at its value. */
  add(
    field: string | undefined,
    message: string,
    options: { atKey?: boolean; severity?: "error" | "warning"; position?: SourcePosition; rule?: string } = {},
  ) {
    const position =
      options.position ?? (field === undefined ? undefined : this.position(field, options.atKey ?? false));
    this.problems.push({
      file: this.file,
      ...(field === undefined ? {} : { field }),
      ...(position ? { position } : {}),
      message: bounded(field === undefined ? message : `${quoteCode(displayField(field))}: ${message}`),
      severity: options.severity ?? "error",
      ...(options.rule ? { rule: options.rule } : {}),
    });
  }

  /** Where a field stands; a missing field is reported where its parent's key stands (`embeddings:`). */
  position(field: string, atKey: boolean): SourcePosition | undefined {
    const positions = this.parsed?.positions;
    if (!positions) return undefined;
    const direct = atKey ? positions.key.get(field) : (positions.value.get(field) ?? positions.key.get(field));
    if (direct) return direct;
    const parent = field.includes(".") ? field.slice(0, field.lastIndexOf(".")) : "";
    return parent ? this.position(parent, true) : (positions.value.get("") ?? { line: 1, column: 1 });
  }

  /** A scalar value's text as written in the file (quotes included), e.g. `3.10` for the number 3.1. */
  sourceText(field: string): string | undefined {
    const range = this.parsed?.positions.scalar.get(field);
    return range ? this.parsed!.source.slice(range.start, range.end) : undefined;
  }

  /** Where `text` first appears inside a field's value as written; the value's own place otherwise. */
  positionOfText(field: string, text: string): SourcePosition | undefined {
    const range = this.parsed?.positions.scalar.get(field);
    if (range && text) {
      const index = this.parsed!.source.indexOf(text, range.start);
      if (index !== -1 && index < range.end) return this.parsed!.positionAt(index);
    }
    return this.position(field, false);
  }
}
