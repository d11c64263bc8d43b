import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, fixture, tableRows, text } from "../helpers/build-site.ts";

const groupHeadings = (page: { dom: any }) => page.dom.querySelectorAll("section h3").map((h: any) => text(h));

test("every capability with a note: footnotes 1 to 15 across all seven groups, each linked both ways", async () => {
  const page = (await buildSite(fixture("every-capability-noted"))).get("/ai-providers/all-notes/")!;
  assert.ok(page, "the provider page exists");
  assert.equal(groupHeadings(page), [
    "Text generation",
    "Advanced text generation",
    "Processing",
    "Audio",
    "Image",
    "Video",
    "Realtime",
  ]);
  const markers = page.dom.querySelectorAll("a.note-ref").map((a) => [text(a), a.getAttribute("href"), a.id]);
  assert.equal(markers.length, 15);
  markers.forEach(([label, href, id], index) => {
    const n = index + 1;
    assert.equal([label, href, id], [`Note ${n}`, `#note-${n}`, `note-ref-${n}`]);
    const note = page.dom.getElementById(`note-${n}`)!;
    assert.ok(note, `note ${n} exists`);
    assert.is(note.getAttribute("value"), String(n));
    assert.is(note.querySelector("a.note-back")!.getAttribute("href"), `#note-ref-${n}`);
  });
  const order = [
    "chat",
    "completions",
    "embeddings",
    "function_calling",
    "files",
    "batches",
    "assistants",
    "responses",
    "audio.speech",
    "audio.transcriptions",
    "audio.translations",
    "image.generations",
    "image.edits",
    "video.generations",
    "realtime",
  ];
  for (const [index, key] of order.entries()) {
    assert.match(text(page.dom.getElementById(`note-${index + 1}`)), `Note about ${key}.`);
  }
  // Notes stand under their own group's table.
  const imageSection = page.dom.getElementById("image")!.closest("section")!;
  assert.equal(
    imageSection.querySelectorAll(".notes li").map((li) => li.getAttribute("value")),
    ["12", "13"],
  );
});

test("notes only in some groups: numbers run on over the page, groups without notes have no note list", async () => {
  const page = (await buildSite(fixture("notes-in-some-groups"))).get("/ai-providers/some-notes/")!;
  assert.equal(groupHeadings(page), ["Text generation", "Processing", "Audio", "Image"]);
  const section = (id: string) => page.dom.getElementById(id)!.closest("section")!;
  assert.equal(tableRows(section("text-generation").querySelector("table")!), [
    ["Chat completions", "llm/v1/chat", "Supported", "model-chat", "3.11"],
    ["Embeddings Note 1", "llm/v1/embeddings", "Not supported", "model-embeddings", "3.11"],
  ]);
  assert.equal(
    section("text-generation")
      .querySelectorAll(".notes li")
      .map((li) => text(li)),
    ["Embeddings note. Back to note reference 1"],
  );
  assert.equal(
    section("processing")
      .querySelectorAll(".notes li")
      .map((li) => li.getAttribute("value")),
    ["2"],
  );
  assert.is(section("audio").querySelector(".notes"), null);
  assert.equal(
    tableRows(section("image").querySelector("table")!).map((r) => r[0]),
    ["Generations", "Edits Note 3"],
  );
  assert.match(text(section("audio")), "config.max_request_body_size");
  // The upstream-paths table lists every supported capability in canonical order.
  const upstream = tableRows(page.dom.querySelector("table")!);
  assert.equal(
    upstream.map((r) => r[0]),
    ["Chat completions", "Embeddings", "Batches", "Speech", "Image generations", "Image edits"],
  );
  assert.equal(upstream[0], ["Chat completions", "/v1/chat"]);
});

test(
  "a provider with only realtime shows only the realtime " + "group, with its WebSocket warning before the table",
  async () => {
    const page = (await buildSite(fixture("only-realtime"))).get("/ai-providers/realtime-only/")!;
    assert.equal(groupHeadings(page), ["Realtime"]);
    const section = page.dom.getElementById("realtime-capabilities")!.closest("section")!;
    const warning = section.querySelector(".callout-warning")!;
    assert.match(text(warning), "Warning Realtime processing requires the AI Proxy Advanced plugin");
    assert.match(text(warning), "ws");
    assert.ok(
      section.innerHTML.indexOf("callout-warning") < section.innerHTML.indexOf("<table"),
      "warning comes first",
    );
    assert.equal(tableRows(section.querySelector("table")!), [
      ["Realtime", "realtime/v1/realtime", "Supported", "model-realtime", "3.11"],
    ]);
    assert.ok(page.dom.getElementById("realtime"), "the capability row has the id `realtime`");
    assert.is(page.dom.querySelectorAll(".notes").length, 0);
  },
);

test("a provider with only video shows only the video group, its body-size callout and its note", async () => {
  const page = (await buildSite(fixture("only-video"))).get("/ai-providers/video-only/")!;
  assert.equal(groupHeadings(page), ["Video"]);
  const section = page.dom.getElementById("video")!.closest("section")!;
  assert.equal(tableRows(section.querySelector("table")!), [
    ["Generations Note 1", "video/v1/videos/generations", "Not supported", "model-video-generations", "3.11"],
  ]);
  assert.match(text(section.querySelector(".callout")), "For requests with large payloads (video generation)");
  assert.match(text(section.querySelector(".notes")), "Video note.");
});

test("names and values with &, <, quotes and non-ASCII letters are escaped, and nothing from data runs", async () => {
  const pages = await buildSite(fixture("hostile-text"));
  const page = pages.get("/ai-providers/tom-jerry-s-ai-labs/")!;
  assert.ok(page, [...pages.keys()].join(", "));
  assert.is(text(page.dom.querySelector("h1")), `Tom & Jerry's > AI < "Labs"`);
  assert.match(page.html, "<title>Tom &amp; Jerry&#39;s &gt; AI &lt; &quot;Labs&quot; · ");
  assert.equal(page.dom.querySelectorAll("img").length, 0);
  // The only scripts that run are the site's own files, from /assets/; the theme's first, before the page.
  assert.equal(
    page.dom.querySelectorAll("script[src]").map((s) => s.getAttribute("src")?.replace(/\.[0-9a-f]{10}\./, ".")),
    [
      "/assets/theme.js",
      "/assets/search.js",
      "/assets/table-focus.js",
      "/assets/copy.js",
      "/assets/config-tabs.js",
      "/assets/version-choice.js",
    ],
  );
  // The breadcrumbs' JSON-LD is data the browser never runs, and a name cannot end its element.
  const data = page.dom.querySelectorAll("script:not([src])");
  assert.equal(
    data.map((s) => s.getAttribute("type")),
    ["application/ld+json"],
  );
  assert.not.match(data[0]!.textContent, /[<>&]/);
  assert.equal(JSON.parse(data[0]!.textContent).itemListElement[2], {
    "@type": "ListItem",
    position: 3,
    name: `Tom & Jerry's > AI < "Labs"`,
    item: "https://ai-provider-reference.netlify.app/ai-providers/tom-jerry-s-ai-labs/",
  });
  for (const element of page.dom.querySelectorAll("*")) {
    for (const [name, value] of Object.entries(element.attributes)) {
      assert.not.match(name, /^on/i, `no event-handler attribute (${name} on <${element.tagName}>)`);
      assert.not.match(value, /^\s*javascript:/i, `no javascript: URL (${name} on <${element.tagName}>)`);
    }
  }
  const rows = tableRows(page.dom.getElementById("text-generation")!.closest("section")!.querySelector("table")!);
  assert.equal(rows[0], [
    `Chat completions Note 1`,
    "llm/v1/chat",
    "Supported",
    "<script>alert(1)</script> & <img src=x onerror=alert(2)>",
    "3.6",
  ]);
  assert.equal(rows[1]![3], 'emb-"quoted"');
  // Legacy inline HTML renders; a bare path is wrapped in <code> and escaped.
  const upstream = page.dom.querySelector("table")!;
  assert.match(
    upstream.innerHTML,
    '<code>/<wbr>v1/<wbr>chat</code> and <a href="https://example.com/docs">the docs</a>',
  );
  assert.match(upstream.innerHTML, "<code>/<wbr>v1/<wbr>embed?x=&lt;y&gt;&amp;z=&quot;w&quot;</code>");
  const note = page.dom.getElementById("note-1")!;
  assert.match(note.innerHTML, '<a href="https://example.com/guide"');
  assert.match(note.innerHTML, "<em>stay calm</em>");
  assert.match(text(note), '<b onclick="alert(3)">here</b>');
  // Non-ASCII names keep their letters on the page and get an ASCII slug.
  const unicode = pages.get("/ai-providers/unicode-mobius-strasse/")!;
  assert.is(text(unicode.dom.querySelector("h1")), "Ünïcode Möbius Straße");
  assert.match(unicode.html, "<code>https:/<wbr>/<wbr>ünïcode.<wbr>example.<wbr>com/<wbr>{route_type_path}</code>");
});

test("the provider index lists every provider from the registry and the home page leads there", async () => {
  const pages = await buildSite(fixture("hostile-text"));
  const index = pages.get("/ai-providers/")!;
  const links = index.dom.querySelectorAll("main a").map((a) => [text(a), a.getAttribute("href")]);
  assert.ok(links.some(([t, h]) => t === `Tom & Jerry's > AI < "Labs"` && h === "/ai-providers/tom-jerry-s-ai-labs/"));
  assert.ok(links.some(([t, h]) => t === "Ünïcode Möbius Straße" && h === "/ai-providers/unicode-mobius-strasse/"));
  assert.ok(pages.get("/")!.dom.querySelector('main a[href="/ai-providers/"]'));
});

test("the page layout: lang, title, description, main, navigation, heading anchors, scrolling tables", async () => {
  const page = (await buildSite(fixture("notes-in-some-groups"))).get("/ai-providers/some-notes/")!;
  assert.is(page.dom.querySelector("html")!.getAttribute("lang"), "en");
  assert.match(text(page.dom.querySelector("title")), /^Some Notes · /);
  assert.match(page.dom.querySelector('meta[name="description"]')!.getAttribute("content")!, "Some Notes");
  assert.ok(page.dom.querySelector("main#main"));
  assert.ok(page.dom.querySelector('header nav a[href="/ai-providers/"]'));
  assert.is(page.dom.querySelector('a.heading-anchor[href="#base-url"]') !== null, true);
  for (const table of page.dom.querySelectorAll("table")) {
    const region = table.parentNode as any;
    assert.ok(region.classList.contains("table-scroll") && region.getAttribute("tabindex") === "0");
  }
  // Links to the plugin docs are absolute.
  assert.ok(page.dom.querySelector('a[href="https://developer.konghq.com/plugins/ai-proxy-advanced/"]'));
  const ids = page.dom.querySelectorAll("[id]").map((e) => e.id);
  assert.equal(ids.length, new Set(ids).size, "ids are unique");
});

test("the providerReference shortcode renders a provider's section in any page, with prefixed ids", async () => {
  const pages = await buildSite(fixture("notes-in-some-groups"), {
    "embed.liquid":
      '---\npermalink: /embed/\n---\n<h1>Two</h1>{% providerReference "Some Notes", "a-" %}{% ' +
      'providerReference "some-notes", "b-" %}',
  });
  const page = pages.get("/embed/")!;
  assert.ok(page.dom.getElementById("a-note-1") && page.dom.getElementById("b-note-1"));
  assert.is(page.dom.querySelector("#b-embeddings a.note-ref")!.getAttribute("href"), "#b-note-1");
  const ids = page.dom.querySelectorAll("[id]").map((e) => e.id);
  assert.equal(ids.length, new Set(ids).size, "ids are unique");
});

test("an unknown provider name stops the build and names the closest providers", async () => {
  try {
    await buildSite(fixture("notes-in-some-groups"), { "embed.liquid": '{% providerReference "Some Note" %}' });
    assert.unreachable("the build should fail");
  } catch (error) {
    const messages: string[] = [];
    for (let e: any = error; e; e = e.originalError ?? e.cause) messages.push(String(e.message));
    assert.ok(
      messages.some((m) => m.includes('No provider is named "Some Note". Did you mean "Some Notes"?')),
      messages.join("\n"),
    );
  }
});
test.run();
