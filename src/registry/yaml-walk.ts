import { isAlias, isCollection, isMap, isScalar, isSeq, type Node, Scalar } from "yaml";
import { quoteCode, type SourcePosition } from "./errors.ts";

/** A mistake in a file's YAML, located: a syntax error, a key given twice, an anchor, a deep nesting. */
export type YamlProblem = { position: SourcePosition; field?: string; message: string };

/** One pass over the parsed document: positions, and the mistakes YAML allows but a data file must not have. */
export class Walk {
  /** Where each field (`url_patterns.0`) stands: its key (a list item's own), its value, a scalar's `[start, end)`. */
  readonly positions = {
    key: new Map<string, SourcePosition>(),
    value: new Map<string, SourcePosition>(),
    scalar: new Map<string, { start: number; end: number }>(),
  };
  readonly problems: YamlProblem[] = [];
  refused = false;
  /** The field of each node, by the offset it starts at (the outermost node wins). */
  readonly fieldAt = new Map<number, string>();
  /** Quoted scalars and bracketed collections, in file order: a syntax mistake is explained by the one before it. */
  readonly quoted: { start: number; end: number; field: string }[] = [];
  readonly flows: { start: number; field: string }[] = [];

  constructor(
    readonly source: string,
    readonly positionAt: (offset: number) => SourcePosition,
  ) {}

  private report(offset: number, field: string, message: string): void {
    this.problems.push({ position: this.positionAt(Math.max(0, offset)), ...(field ? { field } : {}), message });
  }

  node(node: Node | null, field: string) {
    if (!node?.range || this.refused) return;
    const start = node.range[0];
    if (isAlias(node) || node.anchor) return this.refuse(node);
    if (node.tag) {
      // The tag as it is written (`!!str` is short for `tag:yaml.org,2002:str`), before the node's own range.
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
      const at = this.source.lastIndexOf(tag, start);
      this.report(
        at === -1 ? this.source.lastIndexOf("!", start) : at,
        field,
        `found the YAML tag ${quoteCode(tag)}, expected a value as it is written: tags are not used in data files. ` +
          "Remove the tag.",
      );
    }
    if (!this.fieldAt.has(start)) this.fieldAt.set(start, field);
    if (!this.positions.value.has(field)) this.positions.value.set(field, this.positionAt(start));
    const join = (part: string) => (field ? `${field}.${part}` : part);
    if (isScalar(node)) this.scalar(node, field);
    else if (isCollection(node) && node.flow) this.flows.push({ start, field });
    if (isSeq(node))
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) this.positions.key.set(join(String(index)), this.positionAt(range[0]));
        this.node(item as Node | null, join(String(index)));
      });
    if (!isMap(node)) return;
    // Keys given twice are found here, one set a mapping (the parser's own check compares each key with every other).
    const seen = new Map<string, SourcePosition>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (key && (isAlias(key) || key.anchor)) return this.refuse(key);
      if (!isScalar(key) || !key.range || (key.value !== null && typeof key.value === "object")) {
        // Such a key would be read as its text (`[ a, b ]`): the file is not built into a value.
        this.refused = true;
        const what = key ? "a list or mapping" : "empty";
        this.report(
          key?.range?.[0] ?? start,
          field,
          `found a key that is ${what}, expected a field name. Write \`name: value\`.`,
        );
        continue;
      }
      const name = String(key.value);
      const here = this.positionAt(key.range[0]);
      const first = seen.get(name);
      if (first)
        this.report(
          key.range[0],
          join(name),
          `found ${quoteCode(name)} a second time, expected each key once in a mapping (the first ${quoteCode(name)} ` +
            `is at line ${first.line}, column ${first.column}). Keep one of them.`,
        );
      else seen.set(name, here);
      if (!this.positions.key.has(join(name))) this.positions.key.set(join(name), here);
      this.node(pair.value as Node | null, join(name));
    }
  }

  private scalar(node: Scalar, field: string): void {
    const [start, end] = node.range!;
    // An empty value (`chat:` and nothing after it) has no place of its own: its key stands for it.
    if (node.value === null && start === end) this.positions.value.delete(field);
    else this.positions.scalar.set(field, { start, end });
    if (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE) this.quoted.push({ start, end, field });
    const value = node.value;
    if (
      typeof value !== "number" ||
      Number.isSafeInteger(value) ||
      (Number.isFinite(value) && !Number.isInteger(value))
    )
      return;
    this.report(
      start,
      field,
      `found the number ${quoteCode(this.source.slice(start, end))}, ` +
        (Number.isFinite(value)
          ? "which is past what a number can hold exactly (whole numbers up to " +
            `${Number.MAX_SAFE_INTEGER.toLocaleString("en")}), expected a smaller number.`
          : `which reads as ${Number.isNaN(value) ? "not-a-number" : "infinity"}, expected a finite number.`) +
        " If it is text, put it in quotes.",
    );
  }

  /** An anchor (`&name`) or alias (`*name`), refused before anything is expanded. */
  private refuse(node: Node): void {
    this.refused = true;
    const alias = isAlias(node);
    const name = alias ? node.source : node.anchor!;
    const what = alias ? "alias" : "anchor";
    // The anchor is written before the node's own range starts (perhaps a line above).
    this.report(
      alias ? node.range![0] : this.source.lastIndexOf(`&${name}`, node.range![0]),
      "",
      `found the YAML ${what} \`${alias ? "*" : "&"}${name.length > 40 ? `${name.slice(0, 40)}...` : name}\`, ` +
        "expected every value written out: anchors and aliases are not allowed in data files (a few of them " +
        `can expand a small file to gigabytes). Write the value in full where the ${what} stands.`,
    );
  }
}
