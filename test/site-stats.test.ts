import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../src/catalogue.ts";
import { loadRegistry } from "../src/registry/load.ts";
import type { Provider } from "../src/registry/model.ts";
import { siteStats } from "../src/site-stats.ts";

const providers = loadRegistry("test/fixtures/version-news").providers;

test("counts: providers, the 15 capabilities, providers that stream", () => {
  const stats = siteStats(providers);
  assert.is(stats.providerCount, 3);
  assert.is(stats.capabilityCount, CAPABILITIES.length);
  assert.is(stats.streamingCount, 1);
  assert.is(stats.streamingUrl, "/ai-providers/streaming/");
});

test("coverage: one bar per capability in canonical order, with its count, share and view", () => {
  const { coverage } = siteStats(providers);
  assert.equal(
    coverage.map((c) => c.key),
    CAPABILITIES.map((c) => c.key),
  );
  const byKey = new Map(coverage.map((c) => [c.key, c]));
  assert.equal(byKey.get("chat"), {
    key: "chat",
    id: "chat",
    label: "Chat completions",
    viewUrl: "/ai-providers/capability/chat/",
    count: 3,
    percent: 100,
  });
  assert.equal([byKey.get("embeddings")!.count, byKey.get("embeddings")!.percent], [1, 33]);
  assert.equal([byKey.get("files")!.count, byKey.get("realtime")!.count, byKey.get("batches")!.count], [1, 1, 0]);
  assert.is(byKey.get("audio.speech")!.viewUrl, "/ai-providers/capability/audio-speech/");
});

test("New in a version: providers on their first version, capabilities on a later one, newest first", () => {
  const { news } = siteStats(providers);
  assert.equal(
    news.map((n) => n.version),
    ["3.13", "3.11", "3.6"],
  );
  const [v313, v311, v36] = news;
  assert.equal(v313, {
    version: "3.13",
    url: "/ai-providers/version/3.13/",
    providers: [],
    providerCount: 0,
    capabilities: [{ provider: "Alpha AI", label: "Realtime", url: "/ai-providers/alpha-ai/#realtime" }],
    capabilityCount: 1,
  });
  // Beta Labs works from its earliest capability; its chat is no later than that, so not "new" beside it.
  assert.equal(v311!.providers, [{ name: "Beta Labs", url: "/ai-providers/beta-labs/" }]);
  assert.equal(v311!.capabilities, [
    { provider: "Alpha AI", label: "Embeddings", url: "/ai-providers/alpha-ai/#embeddings" },
  ]);
  assert.equal(v36!.providers, [{ name: "Alpha AI", url: "/ai-providers/alpha-ai/" }]);
  assert.equal(v36!.capabilities, []);
  // Gamma names no version anywhere: it is new in none.
  assert.not.ok(news.some((n) => n.providers.some((p) => p.name === "Gamma")));
});

test("a long list stops at the limit and keeps the whole count", () => {
  const alpha = providers[0]!;
  const copies: Provider[] = Array.from({ length: 30 }, (_, i) => ({ ...alpha, name: `Copy ${i}`, slug: `copy-${i}` }));
  const v36 = siteStats(copies, 4).news.find((n) => n.version === "3.6")!;
  assert.is(v36.providerCount, 30);
  assert.equal(
    v36.providers.map((p) => p.name),
    ["Copy 0", "Copy 1", "Copy 2", "Copy 3"],
  );
  const v311 = siteStats(copies, 4).news.find((n) => n.version === "3.11")!;
  assert.equal([v311.capabilityCount, v311.capabilities.length], [30, 4]);
});

test("an empty registry: no providers, every bar at zero, no news", () => {
  const stats = siteStats([]);
  assert.is(stats.providerCount, 0);
  assert.ok(stats.coverage.every((c) => c.count === 0 && c.percent === 0));
  assert.equal(stats.news, []);
});

test.run();
