import {
  AssignTag,
  CaptureTag,
  CaseTag,
  CommentTag,
  type Context,
  EchoTag,
  ForTag,
  IfTag,
  IncludeTag,
  InlineCommentTag,
  isFalsy,
  isTruthy,
  LiquidTag,
  Output,
  RawTag,
  RenderTag,
  TokenKind,
  toValue,
  toValueSync,
  UnlessTag,
} from "liquidjs";
import { compileHash, compileToken, compileValue, type Evaluate, liquidEquals } from "./compile-value.ts";
import { Emitter, FallBack, ForloopDrop, isThenable, toEnumerable } from "./runtime.ts";

/**
 * A parsed liquidjs template (`Template[]`) turned once into a tree of plain functions that write to an
 * emitter: HTML, outputs and the tags our templates use, each doing what liquidjs' tag of the same name
 * does, in the same order. A construct it does not know makes the whole template unsupported (`undefined`),
 * decided here, once, so that template is rendered by liquidjs.
 */

/** Writes one template node's output. */
export type Render = (ctx: Context, out: Emitter) => void;

/** What compiling needs from the engine. */
export interface CompileOptions {
  /** The engine's `operators` option: only liquidjs' defaults are compiled. */
  operators: unknown;
  /** `orderedFilterParameters`: `for`'s `limit`/`offset`/`reversed` applied in the written order. */
  orderedFilterParameters: boolean;
  /** Custom tags whose `render` is synchronous, driven through liquidjs for that node (e.g. `providerReference`). */
  synchronousTags: ReadonlySet<string>;
  /** Filter handlers that are plain functions of their arguments (no `this`, never a promise): called directly. */
  plainFilters: ReadonlySet<unknown>;
  /**
   * The partial a tag names, worked out once: a function giving its compiled templates at render time, from the
   * engine's loader and cache (throwing `FallBack` when the partial is not supported).
   */
  partial(file: string, currentFile: string | undefined): () => Render;
}

/**
 * A list of templates, one after the other; `undefined` if any of them is not supported. Nodes that write nothing
 * (comments, text trimmed to nothing) are left out, and the static text on either side of them joined: the same
 * bytes in fewer calls (about a sixth of the nodes a build of provider pages and twins runs write nothing).
 */
export function compileTemplates(templates: readonly any[], options: CompileOptions): Render | undefined {
  const nodes: Render[] = [];
  let text = "";
  const flushText = () => {
    if (text === "") return;
    const html = text;
    nodes.push((_ctx, out) => void (out.buffer += html));
    text = "";
  };
  for (const template of templates) {
    const html = staticText(template);
    if (html !== undefined) {
      text += html;
      continue;
    }
    const node = compileNode(template, options);
    if (!node) return undefined;
    if (node === nothing) continue;
    flushText();
    nodes.push(node);
  }
  flushText();
  if (nodes.length === 0) return nothing;
  if (nodes.length === 1) return nodes[0];
  return (ctx, out) => {
    for (let i = 0; i < nodes.length; i++) nodes[i]!(ctx, out);
  };
}

/** A template's static text, when it is an HTML node (written as it is); undefined for anything else. */
function staticText(template: any): string | undefined {
  return template.token?.kind === TokenKind.HTML && typeof template.str === "string" ? template.str : undefined;
}

const nothing: Render = () => {};

function compileNode(template: any, options: CompileOptions): Render | undefined {
  switch (template.constructor) {
    case Output:
      return compileOutput(template, options);
    case IfTag:
      return compileIf(template, options);
    case UnlessTag:
      return compileUnless(template, options);
    case ForTag:
      return compileFor(template, options);
    case AssignTag:
      return compileAssign(template, options);
    case CaptureTag:
      return compileCapture(template, options);
    case CaseTag:
      return compileCase(template, options);
    case IncludeTag:
      return compileInclude(template, options);
    case RenderTag:
      return compileRender(template, options);
    case EchoTag:
      return compileEcho(template, options);
    case LiquidTag:
      return compileTemplates(template.templates, options);
    case CommentTag:
    case InlineCommentTag:
      return nothing;
    case RawTag: {
      const text: string = template.render();
      return (_ctx, out) => void (text && out.write(text));
    }
  }
  if (options.synchronousTags.has(template.name)) return compileSynchronousTag(template);
  // break, continue, cycle, increment, decrement, tablerow, layout, block and other custom tags: liquidjs.
  return undefined;
}

/** `{{ value | filters }}`: the value (the output escape is its last filter), as liquidjs' emitter writes it. */
function compileOutput(output: any, options: CompileOptions): Render | undefined {
  const value = compileValue(output.value, options.operators, options.plainFilters);
  if (!value) return undefined;
  return (ctx, out) => {
    const result = toValue(value(ctx));
    if (typeof result === "string") out.buffer += result;
    else out.write(result);
  };
}

interface Branch {
  test: Evaluate;
  body: Render;
  /** `unless`'s first branch renders when its condition is false. */
  negate: boolean;
}

function compileBranches(template: any, options: CompileOptions, unless: boolean): Branch[] | undefined {
  const branches: Branch[] = [];
  for (const [index, branch] of (template.branches as any[]).entries()) {
    const test = compileValue(branch.value, options.operators, options.plainFilters);
    const body = compileTemplates(branch.templates, options);
    if (!test || !body) return undefined;
    branches.push({ test, body, negate: unless && index === 0 });
  }
  return branches;
}

function compileConditional(branches: Branch[], otherwise: Render | undefined): Render {
  return (ctx, out) => {
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i]!;
      const value = toValue(branch.test(ctx));
      if (branch.negate ? isFalsy(value, ctx) : isTruthy(value, ctx)) {
        branch.body(ctx, out);
        return;
      }
    }
    otherwise?.(ctx, out);
  };
}

function compileIf(tag: any, options: CompileOptions): Render | undefined {
  const branches = compileBranches(tag, options, false);
  const otherwise = compileTemplates(tag.elseTemplates ?? [], options);
  return branches && otherwise && compileConditional(branches, otherwise);
}

function compileUnless(tag: any, options: CompileOptions): Render | undefined {
  const branches = compileBranches(tag, options, true);
  const otherwise = compileTemplates(tag.elseTemplates, options);
  return branches && otherwise && compileConditional(branches, otherwise);
}

const MODIFIERS = ["offset", "limit", "reversed"];

/**
 * `for item in collection limit: n offset: n reversed`, with `else`, `forloop` in a scope of its own and the
 * `continue-…` register liquidjs keeps for `offset: continue`.
 */
function compileFor(tag: any, options: CompileOptions): Render | undefined {
  const collection = compileToken(tag.collection);
  const hash = compileHash(tag.hash.hash);
  const body = compileTemplates(tag.templates, options);
  const otherwise = compileTemplates(tag.elseTemplates, options);
  if (!collection || !hash || !body || !otherwise) return undefined;
  const variable: string = tag.variable;
  const collectionText: string = tag.collection.getText();
  const continueKey = `continue-${variable}-${collectionText}`;
  const hasModifiers = Object.keys(tag.hash.hash).length > 0;
  return (ctx, out) => {
    let items = toEnumerable(collection(ctx));
    if (!items.length) {
      otherwise(ctx, out);
      return;
    }
    let values: Record<string, any> = {};
    if (hasModifiers) {
      ctx.push(Object.assign(Object.create(null), { continue: ctx.getRegister(continueKey, {}) }));
      values = hash(ctx);
      ctx.pop();
      const modifiers = options.orderedFilterParameters
        ? Object.keys(values).filter((key) => MODIFIERS.includes(key))
        : MODIFIERS.filter((key) => values[key] !== undefined);
      for (const modifier of modifiers) {
        if (modifier === "offset") items = items.slice(values.offset);
        else if (modifier === "limit") items = items.slice(0, values.limit);
        else items = [...items].reverse();
      }
    }
    ctx.setRegister(continueKey, (values.offset || 0) + items.length);
    const forloop = new ForloopDrop(items.length, collectionText, variable);
    const scope = Object.assign(Object.create(null), { forloop });
    ctx.push(scope);
    for (let i = 0; i < items.length; i++) {
      scope[variable] = items[i];
      body(ctx, out);
      forloop.next();
    }
    ctx.pop();
  };
}

/** `assign name = value | filters`: into the context's bottom scope, as liquidjs does (an include's leak out). */
function compileAssign(tag: any, options: CompileOptions): Render | undefined {
  const value = compileValue(tag.value, options.operators, options.plainFilters);
  if (!value) return undefined;
  const key: string = tag.key;
  return (ctx) => {
    ctx.bottom()[key] = value(ctx);
  };
}

/** `capture name`: the block's text, into the bottom scope. */
function compileCapture(tag: any, options: CompileOptions): Render | undefined {
  const body = compileTemplates(tag.templates, options);
  if (!body) return undefined;
  const variable: string = tag.variable;
  return (ctx) => {
    const captured = new Emitter();
    body(ctx, captured);
    ctx.bottom()[variable] = captured.buffer;
  };
}

/** `case`/`when a, b or c`/`else`: every `when` whose value matches renders, as in liquidjs. */
function compileCase(tag: any, options: CompileOptions): Render | undefined {
  const target = compileValue(tag.value, options.operators, options.plainFilters);
  const otherwise = compileTemplates(tag.elseTemplates, options);
  if (!target || !otherwise) return undefined;
  const branches: Array<{ values: Evaluate[]; body: Render }> = [];
  for (const branch of tag.branches) {
    const values = (branch.values as any[]).map((token) => compileToken(token));
    const body = compileTemplates(branch.templates, options);
    if (!body || values.some((value) => !value)) return undefined;
    branches.push({ values: values as Evaluate[], body });
  }
  return (ctx, out) => {
    const value = toValue(target(ctx));
    let hit = false;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i]!;
      for (let j = 0; j < branch.values.length; j++) {
        if (liquidEquals(value, branch.values[j]!(ctx), ctx)) {
          branch.body(ctx, out);
          hit = true;
          break;
        }
      }
    }
    if (!hit) otherwise(ctx, out);
  };
}

/** The partial a tag names: only a fixed name (`"document/head.liquid"`) is compiled; a name built at render is not. */
function fixedFile(tag: any): string | undefined {
  return typeof tag.file === "string" && tag.file !== "" ? tag.file : undefined;
}

/**
 * `include "file", key: value`: the partial in the caller's context, the arguments in a scope of their own
 * (an `assign` inside writes to the bottom scope, so it reaches the caller, as in liquidjs).
 */
function compileInclude(tag: any, options: CompileOptions): Render | undefined {
  const file = fixedFile(tag);
  const hash = compileHash(tag.hash.hash);
  const withValue = tag.withVar ? compileToken(tag.withVar) : undefined;
  if (!file || !hash || (tag.withVar && !withValue) || tag.liquid.options.jekyllInclude) return undefined;
  const partial = options.partial(file, tag.currentFile);
  // liquidjs also saves and resets its `blocks`/`blockMode` registers around an include: only `layout` and
  // `block` read them, and a template that uses those is rendered by liquidjs, so the fast path skips that.
  if (Object.keys(tag.hash.hash).length === 0 && !withValue) {
    // No arguments: liquidjs' scope for them would stay empty (an `assign` or `capture` inside writes to the
    // bottom scope, a `for` pushes its own), so no lookup could stop at it. Left out, each lookup in the partial
    // walks one scope fewer.
    return (ctx, out) => partial()(ctx, out);
  }
  return (ctx, out) => {
    const scope = Object.assign(Object.create(null), hash(ctx));
    if (withValue) scope[file] = withValue(ctx);
    const render = partial();
    ctx.push(scope);
    render(ctx, out);
    ctx.pop();
  };
}

/** `render "file", key: value` (with `with … as` and `for … as`): the partial in a context of its own. */
function compileRender(tag: any, options: CompileOptions): Render | undefined {
  const file = fixedFile(tag);
  const hash = compileHash(tag.hash.hash);
  const withValue = tag.with ? compileToken(tag.with.value) : undefined;
  const forValue = tag.forBinding ? compileToken(tag.forBinding.value) : undefined;
  if (!file || !hash || (tag.with && !withValue) || (tag.forBinding && !forValue)) return undefined;
  const partial = options.partial(file, tag.currentFile);
  return (ctx, out) => {
    const child = ctx.spawn();
    const scope = child.bottom();
    Object.assign(scope, hash(ctx));
    if (withValue) scope[tag.with.alias || file] = withValue(ctx);
    if (forValue) {
      const { alias, value } = tag.forBinding;
      const items = toEnumerable(forValue(ctx));
      const forloop = new ForloopDrop(items.length, value.getText(), alias);
      scope.forloop = forloop;
      for (let i = 0; i < items.length; i++) {
        scope[alias] = items[i];
        partial()(child, out);
        forloop.next();
      }
    } else partial()(child, out);
  };
}

/** `echo value | filters`: as an output, the escape applied by the tag itself. */
function compileEcho(tag: any, options: CompileOptions): Render | undefined {
  if (!tag.value) return nothing;
  const value = compileValue(tag.value, options.operators, options.plainFilters);
  if (!value) return undefined;
  const { liquid, token } = tag;
  const filters = tag.value.filters;
  const outputEscape = liquid.options.outputEscape;
  const escaped = outputEscape && !filters[filters.length - 1]?.raw;
  return (ctx, out) => {
    let result = toValue(value(ctx));
    if (escaped) result = outputEscape.call({ context: ctx, token, liquid }, result);
    out.write(result);
  };
}

/** A custom tag known to render synchronously: its own generator, driven by liquidjs' synchronous driver. */
function compileSynchronousTag(tag: any): Render {
  return (ctx, out) => {
    const html = toValueSync(tag.render(ctx, out));
    if (isThenable(html)) throw new FallBack(`the tag \`${tag.name}\` answered with a promise`);
    if (html) out.write(html);
  };
}
