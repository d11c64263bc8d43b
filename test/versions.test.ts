import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { capabilitySince, compareVersions, distinctVersions, isVersion, providerSince } from "../src/versions.ts";
import { capabilityYaml, providerFrom } from "./helpers/providers.ts";

test("versions order by number, part by part", () => {
  assert.equal(["3.11", "3.6", "3.9", "3.13.1", "3.13", "4.0"].sort(compareVersions), [
    "3.6",
    "3.9",
    "3.11",
    "3.13",
    "3.13.1",
    "4.0",
  ]);
  assert.is(compareVersions("3.10", "3.10.0"), 0);
  assert.ok(isVersion("3.11") && !isVersion("n/a") && !isVersion(undefined) && !isVersion("3.x"));
});

test("versions compare as their parts read as numbers, whatever the text (digits, dots, words, empty parts)", () => {
  const byParts = (a: string, b: string) => {
    const left = a.split(".").map(Number);
    const right = b.split(".").map(Number);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const difference = (left[i] ?? 0) - (right[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  const version = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."0123456789."), maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."019.a -x"), maxLength: 8 }),
    fc.constantFrom("3.6", "3.11", "3.10.0", "n/a", "", "3.", ".3", "3..1", "1234567890123456789.1"),
  );
  fc.assert(
    fc.property(version, version, (a, b) => Object.is(compareVersions(a, b), byParts(a, b))),
    { numRuns: 5000 },
  );
});

test("a capability's `n/a` minimum falls back to the provider's", () => {
  const provider = providerFrom(
    `name: 'P'\nurl_patterns: ['https://p.example.com']\nmin_version: ` +
      `'3.8'\n${capabilityYaml("chat", { minVersion: "3.11" })}${capabilityYaml("files", { minVersion: "n/a" })}`,
  );
  const [chat, files] = provider.capabilities;
  assert.is(capabilitySince(provider, chat!), "3.11");
  assert.is(capabilitySince(provider, files!), "3.8");
  assert.is(providerSince(provider), "3.8");
});

test(
  "without its own minimum, a provider works from its " + "earliest capability; with none known, nothing is claimed",
  () => {
    const earliest = providerFrom(
      `name: 'P'\nurl_patterns: ['https://p.example.com']\n${capabilityYaml("chat", { minVersion: "3.11" })}` +
        `${capabilityYaml("embeddings", { minVersion: "3.9" })}`,
    );
    assert.is(providerSince(earliest), "3.9");
    const unknown = providerFrom(
      `name: 'Q'\nurl_patterns: ['https://q.example.com']\n${capabilityYaml("chat", { minVersion: "n/a" })}`,
    );
    assert.is(providerSince(unknown), undefined);
    assert.is(capabilitySince(unknown, unknown.capabilities[0]!), undefined);
  },
);

test("the distinct versions in the data, oldest first, without `n/a`", () => {
  const a = providerFrom(
    `name: 'A'\nurl_patterns: ['https://a.example.com']\nmin_version: ` +
      `'3.6'\n${capabilityYaml("chat", { minVersion: "3.11" })}${capabilityYaml("files", { minVersion: "n/a" })}`,
  );
  const b = providerFrom(
    `name: 'B'\nurl_patterns: ['https://b.example.com']\nmin_version: ` +
      `'3.13'\n${capabilityYaml("chat", { minVersion: "3.9" })}`,
  );
  assert.equal(distinctVersions([a, b]), ["3.6", "3.9", "3.11", "3.13"]);
});

test.run();
