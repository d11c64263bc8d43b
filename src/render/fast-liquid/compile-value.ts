import { type Context, Drop, defaultOperators, isTruthy, TokenKind, toValue, toValueSync } from "liquidjs";
import { FallBack, isArray, isIterator, isThenable } from "./runtime.ts";

/**
 * Values, expressions and filters of a parsed liquidjs template, turned once into plain functions of the
 * render context. Each does what liquidjs' generator of the same name does (`evalToken`, `Expression`,
 * `Value`, `Filter`, `Hash`), in the same order, reading variables through the context's own
 * `findScope`/`readProperty`; what it does not know it reports as unsupported (`undefined`), and the
 * template is then left to liquidjs.
 */

/** A value of the template, evaluated in a render context (drops kept, as liquidjs' `evalToken`). */
export type Evaluate = (ctx: Context) => unknown;

/** The liquidjs token shapes this module reads (liquidjs' own classes, structurally). */
interface AnyToken {
  kind: number;
  content?: unknown;
  [key: string]: any;
}

/** The context's own variable lookup (`findScope` is private in liquidjs' types, public at run time). */
interface Scopes {
  sync: boolean;
  ownPropertyOnly: boolean;
  findScope(key: unknown): unknown;
  readProperty(scope: unknown, key: unknown): unknown;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One segment of a path: liquidjs' `readProperty`, with its usual case done here (a name other than `size`,
 * `first`, `last` on an object that is not a drop and has no `toLiquid`: an own property, a method called).
 * liquidjs' async mode awaits a promise met on the way (a value a template reads from Eleventy's data may be
 * one); the synchronous fast path cannot, so liquidjs renders then.
 */
function readIn(ctx: Scopes, scope: unknown, key: unknown): unknown {
  let value: any;
  if (
    typeof key === "string" &&
    typeof scope === "object" &&
    scope !== null &&
    key !== "size" &&
    key !== "first" &&
    key !== "last" &&
    !(scope instanceof Drop) &&
    typeof (scope as any).toLiquid !== "function"
  ) {
    value = ctx.ownPropertyOnly && !hasOwn.call(scope, key) ? undefined : (scope as any)[key];
    if (typeof value === "function") value = value.call(scope);
  } else value = ctx.readProperty(scope, key);
  if (typeof value === "object" && value !== null && !ctx.sync && typeof value.then === "function") {
    throw new FallBack(`the value of \`${String(key)}\` is a promise`);
  }
  return value;
}

/** `evalToken`: a literal, a variable path, a range; `undefined` when the token is of a kind not handled. */
export function compileToken(token: AnyToken | undefined): Evaluate | undefined {
  if (!token) return () => undefined;
  if ("content" in token) {
    const content = token.content;
    return () => content;
  }
  if (token.kind === TokenKind.PropertyAccess) return compilePropertyAccess(token);
  if (token.kind === TokenKind.Range) return compileRange(token);
  // A grouped expression `(a | f)` (the `groupedExpressions` option) is left to liquidjs.
  return undefined;
}

/** `evalTokenValue`: a token's value with a drop's `valueOf()` applied. */
function compileTokenValue(token: AnyToken): Evaluate | undefined {
  if ("content" in token) {
    const value = toValue(token.content);
    return () => value;
  }
  const evaluate = compileToken(token);
  return evaluate && ((ctx) => toValue(evaluate(ctx)));
}

/** `a.b[0][c]`: from the innermost scope that has `a` (or a literal root), one `readProperty` per segment. */
function compilePropertyAccess(token: AnyToken): Evaluate | undefined {
  const props: Evaluate[] = [];
  for (const prop of token.props as AnyToken[]) {
    const evaluate = compileTokenValue(prop);
    if (!evaluate) return undefined;
    props.push(evaluate);
  }
  const constant = (token.props as AnyToken[]).every((prop) => "content" in prop);
  const keys = constant ? props.map((prop) => prop(undefined as unknown as Context)) : [];
  const read = (ctx: Scopes, scope: unknown): unknown => {
    if (constant) for (let i = 0; i < keys.length; i++) scope = readIn(ctx, scope, keys[i]);
    else for (let i = 0; i < props.length; i++) scope = readIn(ctx, scope, props[i]!(ctx as unknown as Context));
    return scope;
  };
  if (token.variable) {
    const root = compileToken(token.variable);
    return root && ((ctx) => read(ctx as unknown as Scopes, root(ctx)));
  }
  // The usual `name.key.key`, unrolled: most of a page's lookups.
  if (constant && keys.length === 1) {
    const [first] = keys;
    return (ctx) => {
      const scopes = ctx as unknown as Scopes;
      return readIn(scopes, scopes.findScope(first), first);
    };
  }
  if (constant && keys.length === 2) {
    const [first, second] = keys;
    return (ctx) => {
      const scopes = ctx as unknown as Scopes;
      return readIn(scopes, readIn(scopes, scopes.findScope(first), first), second);
    };
  }
  return (ctx) => {
    const scopes = ctx as unknown as Scopes;
    return read(scopes, scopes.findScope(constant ? keys[0] : props[0]!(ctx)));
  };
}

/** `(1..n)`: the integers from one bound to the other, charged to the context's memory limit. */
function compileRange(token: AnyToken): Evaluate | undefined {
  const low = compileTokenValue(token.lhs);
  const high = compileTokenValue(token.rhs);
  if (!low || !high) return undefined;
  return (ctx) => {
    const from = low(ctx) as number;
    const to = high(ctx) as number;
    ctx.memoryLimit.use(to - from + 1);
    const numbers: number[] = [];
    for (let i = +from; i < +to + 1; i++) numbers.push(i);
    return numbers;
  };
}

/** liquidjs' `isComparable`: the drops (`nil`, `empty`, `blank`, custom) that compare by their own methods. */
const isComparable = (value: any): boolean =>
  !!value &&
  typeof value.equals === "function" &&
  typeof value.gt === "function" &&
  typeof value.geq === "function" &&
  typeof value.lt === "function" &&
  typeof value.leq === "function";

type Binary = (left: unknown, right: unknown, ctx: Context) => unknown;

/** An operator of liquidjs' own table, run as liquidjs runs it: for drops and arrays, the only rare cases. */
const viaLiquid =
  (name: keyof typeof defaultOperators): Binary =>
  (left, right, ctx) =>
    toValueSync((defaultOperators[name] as any)(left, right, ctx));

/** Plain values compared directly; drops and arrays by liquidjs' own operator. */
const comparison = (name: "==" | "!=" | ">" | "<" | ">=" | "<=", compare: Binary): Binary => {
  const slow = viaLiquid(name);
  return (left, right, ctx) => {
    if (isComparable(left) || isComparable(right)) return slow(left, right, ctx);
    const l = toValue(left);
    const r = toValue(right);
    if (isArray(l)) return slow(left, right, ctx);
    return compare(l, r, ctx);
  };
};

const binaryOperators: Record<string, Binary> = {
  "==": comparison("==", (l, r) => l === r),
  "!=": comparison("!=", (l, r) => l !== r),
  ">": comparison(">", (l: any, r: any) => l > r),
  "<": comparison("<", (l: any, r: any) => l < r),
  ">=": comparison(">=", (l: any, r: any) => l >= r),
  "<=": comparison("<=", (l: any, r: any) => l <= r),
  contains: viaLiquid("contains"),
  and: (l, r, ctx) => isTruthy(toValue(l), ctx) && isTruthy(toValue(r), ctx),
  or: (l, r, ctx) => isTruthy(toValue(l), ctx) || isTruthy(toValue(r), ctx),
};

/** liquidjs' `equals` (its `==`), which `case` uses to match a `when`. */
export const liquidEquals: Binary = binaryOperators["=="]!;

/**
 * liquidjs' `Expression`: its postfix form evaluated on a stack, here resolved once into nested functions.
 * Both sides of `and`/`or` are evaluated, as liquidjs does. Operators other than liquidjs' defaults are left to it.
 */
export function compileExpression(postfix: AnyToken[], operators: unknown): Evaluate | undefined {
  if (operators !== defaultOperators) return undefined;
  const stack: Evaluate[] = [];
  for (const token of postfix) {
    if (token.kind !== TokenKind.Operator) {
      const evaluate = compileToken(token);
      if (!evaluate) return undefined;
      stack.push(evaluate);
      continue;
    }
    const operator = token.operator as string;
    if (operator === "not") {
      const operand = stack.pop();
      if (!operand) return undefined;
      stack.push((ctx) => !isTruthy(toValue(operand(ctx)), ctx));
      continue;
    }
    const apply = binaryOperators[operator];
    const right = stack.pop();
    const left = stack.pop();
    if (!apply || !left || !right) return undefined;
    stack.push((ctx) => {
      const l = left(ctx);
      return apply(l, right(ctx), ctx);
    });
  }
  return stack.length === 1 ? stack[0] : undefined;
}

/** A filter's answer as liquidjs' synchronous driver leaves it; a promise cannot be awaited here. */
function settle(result: unknown, name: string): unknown {
  if (isIterator(result)) result = toValueSync(result);
  if (isThenable(result)) throw new FallBack(`the filter \`${name}\` answered with a promise`);
  return result;
}

/**
 * liquidjs' `Filter`: the registered handler, called with the `this` liquidjs gives it, on evaluated arguments.
 * A handler in `plain` (a plain function of its arguments: no `this`, never a promise) is called as it is.
 */
export function compileFilter(
  filter: any,
  plain: ReadonlySet<unknown>,
): ((value: unknown, ctx: Context) => unknown) | undefined {
  const { handler, token, liquid, name } = filter;
  const args: Array<Evaluate | [string, Evaluate]> = [];
  for (const arg of filter.args as Array<AnyToken | [string, AnyToken]>) {
    if (Array.isArray(arg)) {
      const evaluate = compileToken(arg[1]);
      if (!evaluate) return undefined;
      args.push([arg[0], evaluate]);
    } else {
      const evaluate = compileToken(arg);
      if (!evaluate) return undefined;
      args.push(evaluate);
    }
  }
  const evaluateArgs = (ctx: Context): unknown[] =>
    args.map((arg) => (Array.isArray(arg) ? [arg[0], arg[1](ctx)] : arg(ctx)));
  if (args.length === 0 && plain.has(handler)) return (value) => handler(value);
  if (args.length === 0) return (value, context) => settle(handler.call({ context, token, liquid }, value), name);
  if (args.length === 1 && !Array.isArray(args[0])) {
    const only = args[0] as Evaluate;
    return (value, context) => settle(handler.call({ context, token, liquid }, value, only(context)), name);
  }
  return (value, context) => settle(handler.apply({ context, token, liquid }, [value, ...evaluateArgs(context)]), name);
}

/**
 * liquidjs' `Value`: an expression, then its filters in order (for an output, the escape is the last of them).
 * `plainFilters`: handlers that are plain functions of their arguments (see `compileFilter`).
 */
export function compileValue(value: any, operators: unknown, plainFilters: ReadonlySet<unknown>): Evaluate | undefined {
  const initial = compileExpression(value.initial.postfix, operators);
  if (!initial) return undefined;
  const filters: Array<(value: unknown, ctx: Context) => unknown> = [];
  for (const filter of value.filters) {
    const apply = compileFilter(filter, plainFilters);
    if (!apply) return undefined;
    filters.push(apply);
  }
  if (filters.length === 0) return initial;
  if (filters.length === 1) {
    const [only] = filters as [(value: unknown, ctx: Context) => unknown];
    return (ctx) => only(initial(ctx), ctx);
  }
  return (ctx) => {
    let result = initial(ctx);
    for (let i = 0; i < filters.length; i++) result = filters[i]!(result, ctx);
    return result;
  };
}

/** liquidjs' `Hash` (`key: value` arguments): a key without a value is `true`. */
export function compileHash(
  hash: Record<string, AnyToken | undefined>,
): ((ctx: Context) => Record<string, unknown>) | undefined {
  const keys = Object.keys(hash);
  const evaluators: Array<Evaluate | undefined> = [];
  for (const key of keys) {
    const token = hash[key];
    if (token === undefined) evaluators.push(undefined);
    else {
      const evaluate = compileToken(token);
      if (!evaluate) return undefined;
      evaluators.push(evaluate);
    }
  }
  // Indexed loops at render time, here and in the other compiled forms: while the code is still
  // interpreted (most of a build), `for...of` costs an iterator and a result object a step.
  return (ctx) => {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const evaluate = evaluators[i];
      values[keys[i]!] = evaluate ? evaluate(ctx) : true;
    }
    return values;
  };
}
