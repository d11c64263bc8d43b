import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  codeSpan,
  escapeHtml,
  legacyHtmlToMarkdown,
  plainText,
  renderInline,
  renderUpstreamPath,
} from "../../src/render/inline.ts";

test("renders inline Markdown: code spans, links, emphasis", () => {
  assert.is(
    renderInline("Uses the `Converse` API, see [docs](https://example.com/a?b=1&c=2) *now*"),
    'Uses the <code>Converse</code> API, see <a href="https://example.com/a?b=1&amp;c=2">docs</a> <em>now</em>',
  );
});

test("renders legacy inline <code> and <a href> HTML", () => {
  assert.is(renderInline("<code>/v1/chat</code>"), "<code>/v1/chat</code>");
  assert.is(
    renderInline('See <a href="https://example.com/x">the docs</a>.'),
    'See <a href="https://example.com/x">the docs</a>.',
  );
  assert.is(legacyHtmlToMarkdown("<code>a`b</code>"), "``a`b``");
});

test("escapes any other HTML, so data can never inject markup", () => {
  const html = renderInline("<script>alert(1)</script> <img src=x onerror=alert(2)>");
  assert.not.match(html, /<script|<img/);
  assert.is(html, "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;");
});

test("leaves a javascript: link as text", () => {
  const html = renderInline("[here](javascript:alert(3))");
  assert.not.match(html, /href/);
  assert.match(html, /\[here\]\(javascript:alert\(3\)\)/);
});

test("wraps a bare upstream path in code and escapes it", () => {
  assert.is(renderUpstreamPath("/api/chat"), "<code>/api/chat</code>");
  assert.is(renderUpstreamPath('/v1/x?a=<b>&c="d"'), "<code>/v1/x?a=&lt;b&gt;&amp;c=&quot;d&quot;</code>");
  assert.is(renderUpstreamPath("Uses the `InvokeModel` API"), "Uses the <code>InvokeModel</code> API");
});

test("codeSpan fences text that holds backticks", () => {
  assert.is(codeSpan("plain"), "`plain`");
  assert.is(codeSpan("a``b"), "```a``b```");
  assert.is(codeSpan("`edge"), "`` `edge ``");
  assert.is(renderInline(codeSpan("`edge")), "<code>`edge</code>");
});

test("escapeHtml and plainText", () => {
  assert.is(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  assert.is(plainText("Use `x` & [y](https://e.com) <b>"), "Use x & y <b>");
});

test.run();
