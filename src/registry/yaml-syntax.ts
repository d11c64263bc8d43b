import { isMap, isScalar, isSeq, type Node, type YAMLError } from "yaml";
import { plural, quoteCode, type SourcePosition } from "./errors.ts";
import type { Walk, YamlProblem } from "./yaml-walk.ts";

const keyOf = (field: string) => field.slice(field.lastIndexOf(".") + 1);
const lineEndAt = (source: string, offset: number) => (source.indexOf("\n", offset) + 1 || source.length + 1) - 1;
const RESERVED_NAMES: Record<string, string> = { "`": "a backtick (`)", "@": "an at sign (@)" };
/** The last item of `list` that `test` accepts (`Array.prototype.findLast` is past this project's ES2022). */
const lastOf = <T>(list: readonly T[], test: (item: T) => boolean) => list.filter(test).at(-1);
/** A value as a writer would quote it: single quotes, at most 60 characters. */
const singleQuoted = (text: string) =>
  `'${(text.length > 60 ? `${text.slice(0, 57)}...` : text).replaceAll("'", "''")}'`;
const problem = (field: string | undefined, at: SourcePosition, message: string): YamlProblem =>
  field ? { position: at, field, message } : { position: at, message };

/** Explains one error of the `yaml` package for a writer, from its code and place. */
export function explainSyntaxError(error: YAMLError, context: Walk, root: Node | null, offset: number) {
  const { source, positionAt } = context;
  const position = positionAt(offset);
  const lineEnd = lineEndAt(source, offset);
  const restOfLine = source.slice(offset, lineEnd).replace(/\r$/, "");
  // What to write instead: the rest of the line in quotes (after its key when the field is known).
  const field = context.fieldAt.get(offset);
  const quoted = () => singleQuoted(restOfLine.replace(/\s+#.*$/, "").trimEnd());

  switch (error.code) {
    case "TAB_AS_INDENT":
      return {
        position,
        message: "found a tab in the indentation, expected spaces. Indent with spaces, two for each level.",
      };
    case "BAD_SCALAR_START": {
      const mark = source[offset]!;
      if (!RESERVED_NAMES[mark]) break;
      return problem(
        field,
        position,
        `found a value that starts with ${RESERVED_NAMES[mark]}, which YAML reserves at the start of a value, ` +
          `expected the value in quotes. Write ${field ? `${keyOf(field)}: ${quoted()}` : quoted()}`,
      );
    }
    case "MISSING_CHAR": {
      const quote = /closing (['"])quote/.exec(error.message)?.[1];
      const opened = quote ? lastOf(context.quoted, (q) => q.start <= offset) : undefined;
      if (quote && opened) {
        return problem(
          opened.field,
          positionAt(opened.start),
          `found a value that opens with ${quote} but is never closed, expected a closing ${quote}. Add ${quote} at ` +
            "the end of the value.",
        );
      }
      break;
    }
    case "UNEXPECTED_TOKEN": {
      const closed = lastOf(context.quoted, (q) => q.end <= offset);
      const quote = closed ? source[closed.end - 1] : undefined;
      if (!closed || !quote || source.slice(closed.end, offset).trim() !== "") break;
      const lineOfValue = source.slice(closed.start, lineEndAt(source, closed.start)).trim();
      const inner = lineOfValue.slice(1, lineOfValue.endsWith(quote) ? -1 : undefined);
      const advice =
        quote === "'"
          ? `To write ' inside single quotes, double it: ${singleQuoted(inner.replaceAll("''", "'"))}.`
          : `To write " inside a value, use single quotes: ${singleQuoted(inner.replaceAll('\\"', '"'))}.`;
      return problem(
        closed.field,
        position,
        `found text after the closing ${quote}, expected the value to end there. ${advice}`,
      );
    }
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
    case "BAD_INDENT": {
      if (/end with an? [\]}]/.test(error.message)) return unclosedBracket(error, context, position);
      if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /:(?:\s|$)/.test(restOfLine))
        return problem(
          field,
          position,
          "found `: ` inside a value without quotes, expected it in quotes. Write " +
            `${field ? `\`${keyOf(field)}: ${quoted()}\`` : quoted()}.`,
        );
      // An implicit key that runs onto the next line: that line is indented unlike its neighbours.
      const culprit = error.code === "BAD_INDENT" ? offset : lineEnd + 1;
      const indentation = misindented(context, root, culprit);
      if (indentation) return indentation;
      break;
    }
  }
  return {
    position,
    message:
      `found text that is not valid YAML (${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}), ` +
      "expected `key: value` lines. Compare this line with the lines around it, and quote any value that " +
      "contains `: ` or ` #`.",
  };
}

/** A `[` or `{` never closed: located at the bracket, when the parser read one before the error. */
function unclosedBracket(error: YAMLError, context: Walk, position: SourcePosition): YamlProblem {
  const bracket = error.message.includes("]") ? "]" : "}";
  const opened = lastOf(context.flows, (flow) => flow.start <= error.pos[0]);
  const at = opened ? context.positionAt(opened.start) : position;
  const message =
    `found a ${bracket === "]" ? "list in `[`" : "mapping in `{`"} that is never closed, expected a closing ` +
    `\`${bracket}\` on the same line. Add it, or quote the value if the bracket is text.`;
  return problem(opened?.field, at, message);
}

/** The line starting at `lineStart`, when its key is indented unlike every mapping it could belong to. */
function misindented(context: Walk, root: Node | null, lineStart: number): YamlProblem | undefined {
  const line = context.source.slice(lineStart, lineEndAt(context.source, lineStart));
  const indent = line.length - line.trimStart().length;
  const word = /^\s*([^\s:#][^:#]*?)\s*(?::|$)/.exec(line)?.[1];
  if (!word) return undefined;
  const expected = enclosingKeys(root, lineStart, context);
  if (expected.length === 0 || expected.some((e) => e.indent === indent)) return undefined;
  const like = expected.map((e) => `${e.indent} (like ${quoteCode(e.key)} on line ${e.line})`).join(" or ");
  return {
    position: { line: context.positionAt(lineStart).line, column: indent + 1 },
    field: word,
    message:
      `found ${quoteCode(word.slice(0, 40))} indented by ${plural(indent, "space")}, expected ` +
      `${like}. Line up the keys of one mapping, and indent a key's fields under it.`,
  };
}

/** The mappings a line at `offset` could belong to, innermost first: the key before it in each, and its column. */
function enclosingKeys(node: Node | null, offset: number, context: Walk) {
  const found: { indent: number; key: string; line: number }[] = [];
  let current = node;
  // One step per level, at most the walk's depth: each step goes into the entry that holds the offset.
  while (current) {
    let next: Node | null = null;
    if (isMap(current)) {
      const pair = lastOf(current.items, (p) => isScalar(p.key) && (p.key.range?.[1] ?? offset) <= offset);
      if (!pair || !isScalar(pair.key)) break;
      const at = context.positionAt(pair.key.range![0]);
      found.push({ indent: at.column - 1, key: String(pair.key.value), line: at.line });
      next = pair.value as Node | null;
    } else if (isSeq(current)) {
      next = (lastOf(current.items, (item) => ((item as Node | null)?.range?.[0] ?? offset) < offset) ??
        null) as Node | null;
    }
    current = next;
  }
  return found.reverse();
}
