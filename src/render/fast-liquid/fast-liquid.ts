import { Context, Liquid, type LiquidOptions, LookupType, Parser, type Template, toValueSync } from "liquidjs";
import { type CompileOptions, compileTemplates, type Render } from "./compile-template.ts";
import { Emitter, FallBack, isThenable } from "./runtime.ts";

/** What the fast path adds to liquidjs' options. */
export interface FastLiquidOptions {
  /**
   * Custom tags whose `render` never awaits (no promise from a shortcode): rendered in place, driven by liquidjs'
   * synchronous driver. Any other custom tag makes its template fall back to liquidjs.
   */
  synchronousTags?: readonly string[];
  /**
   * Filter handlers that are plain functions of their arguments (they read no `this`, never answer with a promise
   * or a generator), such as an `outputEscape` function: called directly, without liquidjs' filter context.
   */
  plainFilters?: readonly unknown[];
}

/** The switch for comparing and debugging: `LIQUID_ENGINE=liquidjs` renders every template with liquidjs alone. */
export const fastLiquidEnabled = (): boolean => process.env.LIQUID_ENGINE !== "liquidjs";

/**
 * A liquidjs engine that renders a parsed template with plain function calls instead of liquidjs' generators:
 * each `Template[]` is compiled once (by `parse`, or on its first render: a file, a partial), cached with it, into
 * a tree of closures that resolve property paths, filters and partials once; liquidjs' own `Context`, filter
 * handlers, truthiness and output escape do the rest, so the output is liquidjs' byte for byte.
 *
 * A template that uses what the compiler does not know (break, cycle, tablerow, layout/block, a dynamic partial
 * name, custom operators, an unknown custom tag) is rendered by liquidjs: decided once per template, or per
 * partial on the first render that reaches it. Any error in the fast path re-renders the template with
 * liquidjs, so an error reads exactly as liquidjs words it, and a fast-path mistake can never show.
 */
export class FastLiquid extends Liquid {
  /** Each top-level template's compiled form; `null` when liquidjs renders it. */
  readonly #plans = new WeakMap<Template[], Render | null>();
  /** Each partial's compiled form, by liquidjs' cache key; `null` when unsupported. */
  readonly #partials = new Map<string, Render | null>();
  readonly #compile: CompileOptions;
  /** How many renders took the fast path and how many liquidjs': for tests and measurements. */
  readonly renders = { fast: 0, liquidjs: 0 };
  /** Options under which a context differs from what the compiled form assumes: then liquidjs renders. */
  readonly #liquidjsOnly: boolean;

  constructor(options: LiquidOptions = {}, fast: FastLiquidOptions = {}) {
    super(options);
    this.#compile = {
      operators: this.options.operators,
      orderedFilterParameters: !!this.options.orderedFilterParameters,
      synchronousTags: new Set(fast.synchronousTags ?? []),
      plainFilters: new Set(fast.plainFilters ?? []),
      partial: (file, currentFile) => this.#partial(file, currentFile),
    };
    this.#liquidjsOnly =
      !fastLiquidEnabled() ||
      this.options.keepOutputType ||
      this.options.strictVariables ||
      this.options.renderLimit !== Infinity;
  }

  /** A template parsed by liquidjs, and compiled at once: whether the fast path renders it is decided here. */
  override parse(html: string, filepath?: string): Template[] {
    const templates = super.parse(html, filepath);
    if (!this.#liquidjsOnly) this.#plan(templates);
    return templates;
  }

  /**
   * Every render of a parsed template passes here (`render`, `renderSync`, `renderFile`, `renderFileSync`,
   * `parseAndRender`): liquidjs' drivers take a finished string as the result as readily as a generator.
   */
  override _render(templates: Template[], scope: Context | object | undefined, renderOptions: any): any {
    const plan = this.#liquidjsOnly || scope instanceof Context ? null : this.#plan(templates);
    const ctx = plan && new Context(scope, this.options, renderOptions, { liquid: this });
    if (!plan || !ctx || ctx.strictVariables || renderOptions?.renderLimit !== undefined) {
      return this.#liquidjs(templates, scope, renderOptions);
    }
    try {
      const out = new Emitter();
      plan(ctx, out);
      this.renders.fast++;
      return out.buffer;
    } catch (error) {
      // Not supported after all (a partial, a promise): liquidjs from now on. Any other error: liquidjs says it.
      if (error instanceof FallBack) this.#plans.set(templates, null);
      return this.#liquidjs(templates, scope, renderOptions);
    }
  }

  #liquidjs(templates: Template[], scope: Context | object | undefined, renderOptions: any): any {
    this.renders.liquidjs++;
    return super._render(templates, scope, renderOptions);
  }

  /**
   * Forgets parsed and compiled templates, so edited partials are read again: Eleventy's dev server keeps one
   * engine (set with `setLibrary`) across rebuilds, where its own would be made anew.
   */
  clearCaches(): void {
    const cache = this.options.cache as any;
    if (cache) this.options.cache = new cache.constructor(cache.limit);
    this.#partials.clear();
  }

  /** Whether the fast path renders these templates (compiling them if not yet): for tests and measurements. */
  rendersFast(templates: Template[]): boolean {
    return !this.#liquidjsOnly && this.#plan(templates) !== null;
  }

  #plan(templates: Template[]): Render | null {
    let plan = this.#plans.get(templates);
    if (plan === undefined) {
      plan = compileTemplates(templates, this.#compile) ?? null;
      this.#plans.set(templates, plan);
    }
    return plan;
  }

  /**
   * A partial through liquidjs' loader and cache, compiled once per cache entry: the key is liquidjs' own
   * (`partials:name`, or the including file and the name for a relative `./name`), worked out when compiling.
   */
  #partial(file: string, currentFile: string | undefined): () => Render {
    const sep = (this.options.fs as any).sep ?? "/";
    const relative =
      this.options.relativeReference && ["./", "../", `.${sep}`, `..${sep}`].some((prefix) => file.startsWith(prefix));
    const key = relative ? `${currentFile},${file}` : `${LookupType.Partials}:${file}`;
    return () => {
      let partial = this.#partials.get(key);
      if (partial === undefined) {
        let templates: unknown = toValueSync(this._parsePartialFile(file, true, currentFile));
        // liquidjs' async mode caches the promise of a partial: read it again, synchronously, past the cache.
        if (isThenable(templates)) {
          const parser = new Parser(this) as any;
          templates = toValueSync(parser._parseFile(file, true, LookupType.Partials, currentFile));
        }
        partial = compileTemplates(templates as Template[], this.#compile) ?? null;
        if (this.options.cache) this.#partials.set(key, partial);
      }
      if (!partial) throw new FallBack(`the partial ${file} uses a construct the fast path does not render`);
      return partial;
    };
  }
}
