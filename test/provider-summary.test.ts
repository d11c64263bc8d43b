import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../src/catalogue.ts";
import { providerSummary, readableDate } from "../src/provider-summary.ts";
import { factFilters } from "../src/render/fact-filters.ts";
import { capabilityYaml, providerFrom, testSite } from "./helpers/providers.ts";

const provider = providerFrom(
  `name: 'Openish'\nurl_patterns: ['https://o.example.com']\nmin_version: '3.8'\n` +
    capabilityYaml("chat", { streaming: true, minVersion: "3.8" }) +
    capabilityYaml("embeddings", { minVersion: "3.11" }) +
    capabilityYaml("audio.speech", { streaming: true, minVersion: "3.9" }),
  "_data/providers/openish.yaml",
);

test("the summary box: since, plugins, how many capabilities, which stream, data file, twins", () => {
  const summary = providerSummary(provider, testSite, "2026-01-02T23:30:00-02:00");
  assert.equal(summary, {
    since: "3.8",
    plugins: [
      { name: "AI Proxy", url: "https://docs.example.com/plugins/ai-proxy/" },
      { name: "AI Proxy Advanced", url: "https://docs.example.com/plugins/ai-proxy-advanced/" },
    ],
    supportedCount: 3,
    capabilityCount: 15,
    streaming: [
      { key: "chat", label: "Chat completions", url: "/ai-providers/openish/#chat" },
      { key: "audio.speech", label: "Speech", url: "/ai-providers/openish/#audio-speech" },
    ],
    lastUpdated: { datetime: "2026-01-03", text: "3 January 2026" },
    dataFile: "_data/providers/openish.yaml",
    editUrl: "https://git.example.com/org/repo/edit/main/_data/providers/openish.yaml",
    markdownUrl: "/ai-providers/openish/index.md",
    jsonUrl: "/api/providers/openish.json",
  });
});

test("not supported: every other capability of the catalogue, in order, linked to the matrix's view", () => {
  const missing = factFilters.missingCapabilities(provider);
  assert.equal(
    missing.map((m) => m.key),
    CAPABILITIES.map((c) => c.key).filter((k) => !["chat", "embeddings", "audio.speech"].includes(k)),
  );
  const completions = { key: "completions", id: "completions", label: "Completions" };
  assert.equal(missing[0], { ...completions, viewUrl: "/ai-providers/capability/completions/" });
  assert.equal(missing.at(-1), {
    key: "realtime",
    id: "realtime",
    label: "Realtime",
    viewUrl: "/ai-providers/capability/realtime/",
  });
  assert.is(factFilters.missingCapabilities({ capabilities: [] }).length, 15);
});

test("unknown facts are left out: no version, no last update, an unparsable date", () => {
  const bare = providerFrom(`name: 'Bare'\nurl_patterns: ['https://b.example.com']\n`);
  const summary = providerSummary(bare, testSite);
  assert.not.ok("since" in summary);
  assert.not.ok("lastUpdated" in summary);
  assert.equal([summary.supportedCount, summary.streaming], [0, []]);
  assert.is(readableDate("not a date"), undefined);
  assert.is(readableDate(""), undefined);
});

test("a provider of realtime only is proxied by AI Proxy Advanced alone", () => {
  const live = providerFrom(`name: 'Live'\nurl_patterns: ['wss://l.example.com']\n${capabilityYaml("realtime")}`);
  assert.equal(
    providerSummary(live, testSite).plugins.map((p) => p.name),
    ["AI Proxy Advanced"],
  );
});

test.run();
