// What the fast path does not render is rendered by liquidjs: the same output, the same error, never a crash.
import { Liquid, type LiquidOptions } from "liquidjs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FastLiquid } from "../../../src/render/fast-liquid/fast-liquid.ts";

const partials: Record<string, string> = {
  "counter.liquid": "{% increment n %}{% increment n %}",
  "plain.liquid": "plain {{ word }}",
  "layout.liquid": "<{% block content %}default{% endblock %}>",
};

const options = (): LiquidOptions => ({
  templates: partials,
  strictFilters: true,
  outputEscape: "escape",
  cache: true,
});

function engines(): [FastLiquid, Liquid] {
  const fast = new FastLiquid(options());
  const liquidjs = new Liquid(options());
  for (const liquid of [fast, liquidjs]) {
    liquid.registerFilter("later", (value: unknown) => Promise.resolve(`${String(value)} (awaited)`));
    liquid.registerFilter("fails", (value: unknown) => {
      throw new Error(`cannot take ${String(value)}`);
    });
    liquid.registerTag("shout", {
      parse(this: any, token: any) {
        this.text = token.args;
      },
      render(this: any) {
        return this.text.toUpperCase();
      },
    });
  }
  return [fast, liquidjs];
}

// Fresh for each render: liquidjs' `increment` keeps its counter in the data it is given.
const data = () => ({ list: [1, 2, 3, 4], word: "w" });

// Each uses a construct the fast path leaves to liquidjs; the template around it is one the fast path knows.
const unsupported: Array<[string, string]> = [
  [
    "break and continue",
    "{% for x in list %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% if x == 3 %}{% break %}" +
      "{% endif %}{% endfor %}",
  ],
  ["cycle", "{% for x in list %}{% cycle 'a', 'b' %}{% endfor %} {{ word }}"],
  ["increment and decrement", "{% increment n %}{% increment n %}{% decrement m %} {{ word }}"],
  ["tablerow", "{% tablerow x in list cols: 2 %}{{ x }}{% endtablerow %}"],
  ["a partial named by a variable", "{% assign name = 'plain.liquid' %}{% include name %}"],
  ["layout and block", "{% layout 'layout.liquid' %}{% block content %}{{ word }}{% endblock %}"],
  ["a custom tag", "{% if word %}{% shout hello %}{% endif %}"],
];

for (const [name, source] of unsupported) {
  test(`${name}: decided once, at the first render, and rendered by liquidjs`, async () => {
    const [fast, liquidjs] = engines();
    const template = fast.parse(source);
    assert.not.ok(fast.rendersFast(template), "left to liquidjs");
    const expected = liquidjs.parseAndRenderSync(source, data());
    assert.ok(expected.length > 0);
    assert.is(fast.renderSync(template, data()), expected);
    assert.is(await fast.render(template, data()), await liquidjs.parseAndRender(source, data()));
    assert.equal(fast.renders, { fast: 0, liquidjs: 2 });
  });
}

test("a partial the fast path cannot render: the including template falls back, from then on", () => {
  const [fast, liquidjs] = engines();
  const source = "{{ word }}:{% include 'plain.liquid' %}/{% include 'counter.liquid' %}";
  const template = fast.parse(source);
  assert.ok(fast.rendersFast(template), "the template itself is supported");
  const expected = liquidjs.parseAndRenderSync(source, data());
  assert.is(expected, "w:plain w/01");
  assert.is(fast.renderSync(template, data()), expected, "the first render, restarted by liquidjs");
  assert.not.ok(fast.rendersFast(template), "remembered");
  assert.is(fast.renderSync(template, data()), expected);
  assert.equal(fast.renders, { fast: 0, liquidjs: 2 });
});

test("a partial liquidjs' async render cached as a promise: read again, and rendered by the fast path", async () => {
  const [fast, liquidjs] = engines();
  const slow = "{% cycle 'a' %}{% include 'plain.liquid' %}";
  assert.is(await fast.render(fast.parse(slow), data()), await liquidjs.parseAndRender(slow, data()));
  const quick = fast.parse("{% include 'plain.liquid' %}!");
  assert.is(fast.renderSync(quick, data()), "plain w!");
  assert.is(await fast.render(quick, data()), "plain w!");
  assert.equal(fast.renders, { fast: 2, liquidjs: 1 });
});

test("a filter answering with a promise: liquidjs awaits it when rendering asynchronously", async () => {
  const [fast, liquidjs] = engines();
  const source = "{{ word | later }}";
  const template = fast.parse(source);
  assert.is(await fast.render(template, data()), "w (awaited)");
  assert.is(await fast.render(template, data()), await liquidjs.parseAndRender(source, data()));
  // Synchronously liquidjs writes the promise as it is; so does the fast path, by the same fallback.
  assert.is(fast.renderSync(template, data()), liquidjs.parseAndRenderSync(source, data()));
  assert.equal(fast.renders, { fast: 0, liquidjs: 3 });
});

test("a promise in the data: liquidjs awaits it when rendering asynchronously", async () => {
  const [fast, liquidjs] = engines();
  const source = "{% for x in later.list %}{{ x }}{% endfor %} {{ later.word }}";
  const later = () => ({ later: Promise.resolve({ list: [1, 2], word: "w" }) });
  const template = fast.parse(source);
  assert.is(await fast.render(template, later()), "12 w");
  assert.is(await fast.render(template, later()), await liquidjs.parseAndRender(source, later()));
  assert.equal(fast.renders, { fast: 0, liquidjs: 2 });
});

test("an error while rendering is liquidjs' own error, with its place in the template", () => {
  const [fast, liquidjs] = engines();
  const source = "line one\n{% if word %}{{ word | fails }}{% endif %}";
  const message = (render: () => string) => {
    try {
      render();
    } catch (error) {
      return String((error as Error).message);
    }
    return "no error";
  };
  const expected = message(() => liquidjs.parseAndRenderSync(source, data()));
  assert.match(expected, /cannot take w, line:2, col:14/);
  assert.is(
    message(() => fast.parseAndRenderSync(source, data())),
    expected,
  );
});

test("a missing partial: liquidjs' error too", () => {
  const [fast, liquidjs] = engines();
  const source = "{% include 'nowhere.liquid' %}";
  assert.throws(() => liquidjs.parseAndRenderSync(source, data()), /Failed to lookup "nowhere.liquid"/);
  assert.throws(() => fast.parseAndRenderSync(source, data()), /Failed to lookup "nowhere.liquid"/);
});

test("with `strictVariables`, every render is liquidjs'", () => {
  const fast = new FastLiquid({ ...options(), strictVariables: true });
  const template = fast.parse("{{ word }}");
  assert.is(fast.renderSync(template, data()), "w");
  assert.throws(() => fast.parseAndRenderSync("{{ missing }}", data()), /undefined variable: missing/);
  assert.not.ok(fast.rendersFast(template));
});

test.run();
