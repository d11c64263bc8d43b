import { Drop, toValue } from "liquidjs";

/**
 * What the compiled templates need at render time that liquidjs keeps private: its output buffer, its
 * `forloop` drop, and its value-to-text and value-to-list rules. Each is a line-for-line copy of liquidjs
 * 10's own (`SimpleEmitter`, `ForloopDrop`, `stringify`, `toEnumerable`), so the output cannot differ.
 */

/**
 * Thrown while rendering when the fast path meets what it does not do (an unsupported tag in a partial,
 * a filter that answers with a promise): the template is then rendered by liquidjs instead, from the start.
 */
export class FallBack extends Error {
  constructor(reason: string) {
    super(`fast Liquid falls back to liquidjs: ${reason}`);
    this.name = "FallBack";
  }
}

/** liquidjs' `SimpleEmitter`: the text written so far (a custom tag is handed one to write to). */
export class Emitter {
  buffer = "";
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

/** liquidjs' `forloop`: an index and a length, read through methods (liquidjs calls a property that is a function). */
export class ForloopDrop extends Drop {
  i = 0;
  length: number;
  name: string;
  constructor(length: number, collection: string, variable: string) {
    super();
    this.length = length;
    this.name = `${variable}-${collection}`;
  }
  next() {
    this.i++;
  }
  index0() {
    return this.i;
  }
  index() {
    return this.i + 1;
  }
  first() {
    return this.i === 0;
  }
  last() {
    return this.i === this.length - 1;
  }
  rindex() {
    return this.length - this.i;
  }
  rindex0() {
    return this.length - this.i - 1;
  }
  override valueOf() {
    return JSON.stringify(this);
  }
}

const isArray = (value: unknown): value is unknown[] => Object.prototype.toString.call(value) === "[object Array]";
const isObject = (value: unknown): value is object =>
  value !== null && (typeof value === "object" || typeof value === "function");

/** liquidjs' `stringify`: how a value is written out (nil as nothing, an array as its items run together). */
export function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (isArray(value)) return value.map((item) => stringify(item)).join("");
  return String(value);
}

/** liquidjs' `toEnumerable`: what `for` walks (a string is one item, an object its `[key, value]` pairs). */
export function toEnumerable(value: unknown): unknown[] {
  value = toValue(value);
  if (isArray(value)) return value;
  if (typeof value === "string" && value.length > 0) return [value];
  if (isObject(value) && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  if (isObject(value)) return Object.keys(value).map((key) => [key, (value as any)[key]]);
  return [];
}

/** A filter's or tag's answer that liquidjs' async mode would await: the fast path, being synchronous, cannot. */
export const isThenable = (value: unknown): boolean =>
  isObject(value) && typeof (value as { then?: unknown }).then === "function";

/** A generator, as liquidjs tells one (`isIterator`): liquidjs drives what a filter or drop method returns as such. */
export const isIterator = (value: unknown): value is Generator =>
  isObject(value) &&
  typeof (value as any).next === "function" &&
  typeof (value as any).throw === "function" &&
  typeof (value as any).return === "function";

export { isArray, isObject };
