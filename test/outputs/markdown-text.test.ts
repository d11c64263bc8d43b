import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { parse } from "node-html-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { inlineMarkdown } from "../../src/outputs/markdown-text.ts";
import { escapeMarkdownText } from "../../src/registry/markdown-escape.ts";

// A Markdown renderer that lets raw HTML through, as many do: escaping must not rely on it being off.
const permissive = new MarkdownIt({ html: true });

test("raw HTML in a value shows as text, even where a renderer lets HTML through", () => {
  const value = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
  const html = permissive.renderInline(inlineMarkdown(value));
  assert.not.match(html, /<script|<img/);
  assert.is(parse(html).textContent, value);
});

test("code spans, autolinks, links and emphasis stay Markdown; legacy HTML becomes Markdown", () => {
  assert.is(
    inlineMarkdown("Use `a<b>` or ``x`<y>`z``, see <https://example.com/a> and [docs](https://e.com) *now*"),
    "Use `a<b>` or ``x`<y>`z``, see <https://example.com/a> and [docs](https://e.com) *now*",
  );
  assert.is(
    inlineMarkdown('<code>/v1/chat</code> and <a href="https://e.com/d">the docs</a>'),
    "`/v1/chat` and [the docs](https://e.com/d)",
  );
  assert.is(inlineMarkdown("an unclosed ` tick <b>"), "an unclosed ` tick \\<b>");
  assert.is(inlineMarkdown("two\nlines"), "two lines");
});

test("plain text is escaped so Markdown shows it as written", () => {
  const name = "Tom & Jerry's <AI> *Labs* [1] _x_ #2";
  assert.is(parse(permissive.renderInline(escapeMarkdownText(name))).textContent, name);
});

test("escapeMarkdownText's fast path changes nothing: the same text as both replaces", () => {
  const fullEscape = (text: string) => text.replace(/[\\`*_[\]<>#!&~]/g, "\\$&").replace(/\s+/g, " ");
  const characters = fc.constantFrom(..."ab `*_[]<>#!&~\\\t\n\r\u00a0\u2003|x1.");
  fc.assert(
    fc.property(fc.string({ unit: characters, maxLength: 12 }), (text) => {
      assert.is(escapeMarkdownText(text), fullEscape(text));
    }),
  );
});

test("code spans pair runs of the same length, as CommonMark does; white space around line breaks folds", () => {
  assert.is(inlineMarkdown("``a` b``c`"), "``a` b``c`");
  assert.is(inlineMarkdown("`a <b>"), "`a \\<b>", "an unclosed run is not a code span");
  assert.is(inlineMarkdown("<b> `<b>` <c>"), "\\<b> `<b>` \\<c>");
  assert.is(inlineMarkdown("a \n\n  b\n c"), "a b c");
  assert.is(inlineMarkdown("a\n"), "a ");
});

// Timed as this process's CPU time, not the clock's: other processes share the machine's cores.
test("linear in its input: 250 KB of backticks, tags, spaces and line breaks in well under a second each", () => {
  for (const unit of ["`a", "`", "``a`", "<", "<code>", " ", " \n", "<a href='x'>"]) {
    const text = unit.repeat(250_000 / unit.length);
    const started = process.cpuUsage();
    inlineMarkdown(text);
    escapeMarkdownText(text);
    const { user, system } = process.cpuUsage(started);
    const took = (user + system) / 1000;
    assert.ok(took < 3000, `${JSON.stringify(unit)}: ${Math.round(took)} ms`);
  }
});

test.run();
