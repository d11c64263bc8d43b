// Each Liquid construct the fast path renders, on small templates and their edges, against liquidjs itself:
// the same output, byte for byte, synchronously and asynchronously, and the fast path really taken.
import { Drop, Liquid, type LiquidOptions } from "liquidjs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FastLiquid } from "../../../src/render/fast-liquid/fast-liquid.ts";
import { escapeHtmlOutput } from "../../../src/render/template-engine.ts";

/** Partials, by name, as liquidjs' in-memory file system serves them. */
const partials: Record<string, string> = {
  "greet.liquid": "Hello {{ name }}{% if punct %}{{ punct }}{% endif %}",
  "leak.liquid": "{% assign leaked = 'from the include' %}{% capture caught %}<{{ who }}>{% endcapture %}in",
  // Arguments are values, not filtered: each level works out the next depth with an assign.
  "outer.liquid": '{% assign next = depth | plus: 1 %}[{% include "inner.liquid", depth: next, label: label %}]',
  "inner.liquid":
    "{{ label }}@{{ depth }}{% if depth < 3 %}{% assign next = depth | plus: 1 %}" +
    "{% include 'inner.liquid', depth: next %}{% endif %}",
  "isolated.liquid": "{{ name | default: 'nobody' }}/{{ outside | default: 'unseen' }}/{{ item }}",
  "loop-item.liquid": "{{ forloop.index }}:{{ item }}{% unless forloop.last %},{% endunless %}",
  "sees-loop.liquid": "{{ forloop.index }}{{ x }}",
  "nests.liquid":
    "{% for y in list %}{{ x }}{{ y }}{% include 'sees-loop.liquid' %}{% endfor %}{% assign last = x %}" +
    "{% capture heard %}{{ forloop.index }}{% endcapture %}",
};

const options = (): LiquidOptions => ({
  templates: partials,
  strictFilters: true,
  outputEscape: escapeHtmlOutput,
});

function engines(): [FastLiquid, Liquid] {
  // As the site's engines are made: the output escape declared a plain function, called directly.
  const fast = new FastLiquid(options(), { plainFilters: [escapeHtmlOutput] });
  const liquidjs = new Liquid(options());
  for (const liquid of [fast, liquidjs]) {
    // A filter with several arguments, one of them `key: value`, that reads the context as Eleventy's filters do.
    liquid.registerFilter("describe", function (this: any, value: unknown, sep: unknown, ...rest: unknown[]) {
      return `${String(value)}${String(sep)}${JSON.stringify(rest)}:${this.context.get(["site", "title"])}`;
    });
    liquid.registerFilter("markup", { handler: (value: unknown) => `<b>${String(value)}</b>`, raw: true });
  }
  return [fast, liquidjs];
}

/** A drop: its methods are read as properties, and a missing one asks `liquidMethodMissing`. */
class Shelf extends Drop {
  books = ["x", "y"];
  title() {
    return "Shelf <1>";
  }
  override liquidMethodMissing(key: string) {
    return `missing ${key}`;
  }
}

/** A class instance: its prototype's members are not own properties (liquidjs reads own properties only). */
class Point {
  x = 1;
  get y() {
    return 2;
  }
  name() {
    return "point";
  }
}

const data = {
  shelf: new Shelf(),
  point: new Point(),
  wrapped: { toLiquid: () => ({ inner: "unwrapped" }) },
  method: { greet: () => "hi", count: 3 },
  site: { title: "Site <&>" },
  none: null,
  emptyText: "",
  emptyList: [],
  list: ["a", "b", "c"],
  numbers: [3, 1, 2],
  nested: [["x", "y"], ["z"]],
  text: "Hello, world",
  html: "<em>x</em> & 'y' \"z\"",
  count: 2,
  zero: 0,
  yes: true,
  no: false,
  object: { a: 1, b: { c: "deep" }, size: "own size", first: "own first" },
  people: [
    { name: "Ann", tags: ["x"] },
    { name: "Bob", tags: [] },
  ],
  kind: "b",
};

const cases: Array<[string, string]> = [
  ["plain text and outputs", "a {{ text }} b {{ count }} {{ yes }} {{ no }} {{ zero }}"],
  // The output escape gets `nil` and `empty` as liquidjs' drops: the escape's own `String()` shows them.
  [
    "null, missing, nil and empty",
    "[{{ none }}][{{ missing }}][{{ emptyText }}][{{ missing.deeper.still }}][{{ nil }}][{{ empty }}]",
  ],
  ["escape on every output, raw skips it", "{{ html }} {{ html | raw }} {{ html | markup }} {{ html | upcase }}"],
  ["arrays print joined", "{{ list }} {{ nested }} {{ emptyList }}"],
  ["size, first, last", "{{ list.size }} {{ text.size }} {{ list.first }} {{ list.last }} {{ emptyList.size }}"],
  ["own size/first beat the built-ins", "{{ object.size }} {{ object.first }} {{ object.b.c }} {{ object.b.size }}"],
  [
    "drops, class instances, toLiquid, functions",
    "{{ shelf.title }} {{ shelf.books.size }} {{ shelf.nope }} " +
      "{{ point.x }}[{{ point.y }}][{{ point.name }}] {{ wrapped.inner }} {{ method.greet }} {{ method.count }}",
  ],
  ["bracket access", "{{ list[1] }} {{ list[-1] }} {{ object['b']['c'] }} {{ list[count] }} {{ nested[0][1] }}"],
  ["literal roots", "{{ 'abc'.size }} {{ (1..4) }} {{ (1..count).last }} {{ 12 }} {{ 1.5 }} {{ nil }} {{ true }}"],
  ["filters with arguments", "{{ text | replace: 'world', 'there' | append: '!' | prepend: '> ' }}"],
  [
    "custom filter: args, key: value, this.context",
    "{{ count | describe: '-', 1, object.b.c, key: 'v', other: list }}",
  ],
  [
    "split, join, plus, default",
    "{{ 'a|b|c' | split: '|' | join: ', ' }} {{ count | plus: 3 }} {{ none | default: 'd' }}",
  ],
  ["if / elsif / else", "{% if no %}1{% elsif none %}2{% elsif zero %}3{% else %}4{% endif %}"],
  [
    "truthiness: 0, '' and [] are true",
    "{% if zero %}z{% endif %}{% if emptyText %}e{% endif %}{% if emptyList %}l{% endif %}",
  ],
  [
    "unless / elsif / else",
    "{% unless yes %}1{% elsif count == 2 %}2{% else %}3{% endunless %}{% unless no %}4{% endunless %}",
  ],
  [
    "comparisons",
    "{% if count > 1 and count < 3 %}a{% endif %}{% if count >= 2 or no %}b{% endif %}{% if count != 2 %}c{% endif %}",
  ],
  [
    "comparing with nil, empty, blank",
    "{% if none == nil %}1{% endif %}{% if emptyText == empty %}2{% endif %}" +
      "{% if emptyList == empty %}3{% endif %}{% if missing == blank %}4{% endif %}" +
      "{% if list != empty %}5{% endif %}",
  ],
  ["arrays compared", "{% if list == list %}same{% endif %}{% if list == numbers %}no{% else %}differ{% endif %}"],
  [
    "contains on strings and arrays",
    "{% if text contains 'world' %}s{% endif %}{% if list contains 'b' %}a{% endif %}" +
      "{% if list contains 'q' %}no{% endif %}{% if none contains 'x' %}nil{% endif %}",
  ],
  [
    "and/or are evaluated right to left",
    "{% if yes or no and no %}t{% else %}f{% endif %}{% if no and no or yes %}t{% else %}f{% endif %}",
  ],
  [
    "size in conditions",
    "{% if list.size > 2 %}big{% endif %}{% if emptyList.size == 0 %}none{% endif %}" +
      "{% if text.size == 12 %}12{% endif %}",
  ],
  [
    "for with forloop",
    "{% for x in list %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}" +
      "{{ forloop.first }}{{ forloop.last }}{{ forloop.length }}{{ x }};{% endfor %}",
  ],
  [
    "forloop.last in nested loops",
    "{% for row in nested %}{% for cell in row %}{{ cell }}{% if forloop.last %}|{% endif %}" +
      "{% endfor %}{% unless forloop.last %}/{% endunless %}{% endfor %}",
  ],
  [
    "for else on an empty list and on nil",
    "{% for x in emptyList %}x{% else %}empty{% endfor %}{% for x in none %}x{% else %}nil{% endfor %}",
  ],
  [
    "for over a string and an object",
    "{% for c in text %}[{{ c }}]{% endfor %}{% for pair in object %}{{ pair[0] }}{% endfor %}",
  ],
  [
    "limit, offset, reversed",
    "{% for x in numbers limit: 2 %}{{ x }}{% endfor %}|{% for x in numbers offset: 1 %}{{ x }}" +
      "{% endfor %}|{% for x in numbers reversed %}{{ x }}{% endfor %}|" +
      "{% for x in numbers limit: 1 offset: 1 reversed %}{{ x }}{% endfor %}",
  ],
  [
    "offset: continue",
    "{% for x in numbers limit: 1 %}{{ x }}{% endfor %}-{% for x in numbers offset: continue %}{{ x }}{% endfor %}",
  ],
  ["ranges", "{% for i in (1..count) %}{{ i }}{% endfor %}{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}"],
  ["the loop variable shadows and is gone after", "{% assign x = 'outer' %}{% for x in list %}{% endfor %}{{ x }}"],
  [
    "assign and capture",
    "{% assign a = text | upcase %}{{ a }}{% capture b %}<{{ count }}>{{ html }}{% endcapture %}{{ b }}",
  ],
  ["assign inside for reaches outside", "{% for x in list %}{% assign last = x %}{% endfor %}{{ last }}"],
  [
    "case / when with several values",
    "{% for k in list %}{% case k %}{% when 'a', 'z' %}A{% when 'b' or 'c' %}BC{% else %}?{% endcase %}{% endfor %}",
  ],
  [
    "case: every matching when renders",
    "{% case kind %}{% when 'b' %}1{% when 'x', 'b' %}2{% else %}3{% endcase %}{% case none %}" +
      "{% when nil %}n{% endcase %}",
  ],
  [
    "case with no match and no else",
    "[{% case count %}{% when 1 %}one{% endcase %}]{% case count %}{% when 2 %}two{% endcase %}",
  ],
  ["whitespace control", "a  {%- if yes -%}  b  {%- endif -%}  c\n  {{- text -}}  \n{%- assign q = 1 %}\n  d"],
  [
    "comments and raw",
    "a{% comment %}{{ gone }}{% endcomment %}b{% raw %}{{ kept }} {% if %}{% endraw %}c{%# inline %}d",
  ],
  [
    "text joined across comments and text trimmed to nothing",
    "a {% comment %}x{% endcomment %} b{%- comment -%} y {%- endcomment -%} c  {%- if no %}n{% endif -%}  d" +
      "{%# inline %}e{% if yes %}{% comment %}z{% endcomment %}{% endif %}f{% for x in list %}" +
      "{%- comment -%}{%- endcomment -%}{% endfor %}g",
  ],
  ["echo and liquid tags", "{% echo html %}{% echo html | raw %}{% liquid\n assign z = count | plus: 1\n echo z\n%}"],
  [
    "include with key: value args",
    "{% include 'greet.liquid', name: text, punct: '!' %} {% include 'greet.liquid', name: 'x' %}",
  ],
  ["include with a flag argument", "{% include 'greet.liquid', name: 'y', punct %}"],
  [
    "include sees and leaks to its caller",
    "{% assign who = 'me' %}{% include 'leak.liquid' %}|{{ leaked }}|{{ caught }}",
  ],
  ["nested includes with args", "{% include 'outer.liquid', depth: 0, label: 'L' %}"],
  ["include with `with`", "{% include 'greet.liquid' with 'ignored', name: 'w' %}"],
  ["include inside a loop sees the loop", "{% for x in list %}{% include 'sees-loop.liquid' %}{% endfor %}"],
  [
    "includes without arguments, nested in loops, assigning and capturing",
    "{% for x in list %}{% include 'nests.liquid' %};{{ last }}{{ heard }}{% endfor %}|{{ last }}|{{ heard }}|{{ y }}",
  ],
  ["render is isolated", "{% assign outside = 'o' %}{% render 'isolated.liquid', name: text %}"],
  [
    "render with … as and for … as",
    "{% render 'isolated.liquid' with text as item %}|{% render 'loop-item.liquid' for list as item %}",
  ],
  ["empty template", ""],
];

for (const [name, source] of cases) {
  test(`${name}: as liquidjs renders it`, async () => {
    const [fast, liquidjs] = engines();
    const expected = liquidjs.parseAndRenderSync(source, data);
    const template = fast.parse(source);
    assert.is(fast.renderSync(template, data), expected, "synchronously");
    assert.is(await fast.render(template, data), await liquidjs.parseAndRender(source, data), "asynchronously");
    assert.ok(fast.rendersFast(template), "rendered by the fast path, not by liquidjs");
    assert.equal(fast.renders, { fast: 2, liquidjs: 0 });
  });
}

test("a filter declared plain is called as a plain function; the others keep liquidjs' filter context", () => {
  const seen: unknown[] = [];
  const plain = function (this: unknown, value: unknown) {
    seen.push(this);
    return `[${String(value)}]`;
  };
  const fast = new FastLiquid({ strictFilters: true }, { plainFilters: [plain] });
  const liquidjs = new Liquid({ strictFilters: true });
  for (const liquid of [fast, liquidjs]) {
    liquid.registerFilter("plain", plain);
    liquid.registerFilter("site", function (this: any) {
      return this.context.get(["site", "title"]);
    });
  }
  const source = "{{ text | plain }} {{ text | site }}";
  const expected = liquidjs.parseAndRenderSync(source, data);
  seen.length = 0;
  assert.is(fast.parseAndRenderSync(source, data), expected);
  assert.equal(seen, [undefined], "no filter context for the plain filter");
});

test("a cached partial is read and compiled once for every render, and again after `clearCaches`", () => {
  const fast = new FastLiquid({ ...options(), cache: true });
  const fs = fast.options.fs as any;
  const reads: string[] = [];
  const readFileSync = fs.readFileSync.bind(fs);
  fs.readFileSync = (file: string) => {
    reads.push(file);
    return readFileSync(file);
  };
  const template = fast.parse("{% for x in list %}{% include 'greet.liquid', name: x %};{% endfor %}");
  assert.is(fast.renderSync(template, data), "Hello a;Hello b;Hello c;");
  assert.is(fast.renderSync(template, data), "Hello a;Hello b;Hello c;");
  assert.equal(reads, ["greet.liquid"]);
  // The dev server keeps this engine across rebuilds: an edited partial must be read again.
  const original = fs.mapping["greet.liquid"];
  fs.mapping["greet.liquid"] = "Bye {{ name }}";
  try {
    assert.is(fast.renderSync(template, data), "Hello a;Hello b;Hello c;", "cached until cleared");
    fast.clearCaches();
    assert.is(fast.renderSync(template, data), "Bye a;Bye b;Bye c;");
    assert.equal(reads, ["greet.liquid", "greet.liquid"]);
  } finally {
    fs.mapping["greet.liquid"] = original;
  }
  assert.equal(fast.renders, { fast: 4, liquidjs: 0 });
});

test("every case renders something different from its neighbours: the table is not vacuous", () => {
  const [, liquidjs] = engines();
  const outputs = cases.map(([, source]) => liquidjs.parseAndRenderSync(source, data));
  assert.ok(new Set(outputs).size >= cases.length - 1, "outputs are mostly distinct");
  assert.ok(outputs.filter((output) => output.length > 0).length >= cases.length - 1, "outputs are not empty");
});

test.run();
