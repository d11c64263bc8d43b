import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRegistryLoader, loadRegistry } from "../../src/registry/load.ts";
import { RegistryError } from "../../src/registry/errors.ts";
import { fixture } from "../helpers/build-site.ts";

const copyOf = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "registry-loader-"));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
};

test("a loader hands out the same registry until a file is invalidated, then re-reads only that file", () => {
  const dir = copyOf("notes-in-some-groups");
  try {
    const loader = createRegistryLoader(dir);
    const first = loader.load();
    assert.is(loader.load(), first, "nothing changed: the same instance");
    const file = path.join(dir, "some-notes.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("model-chat", "model-edited"));
    assert.is(loader.load(), first, "an edit is not seen until the watcher reports it");
    loader.invalidate([file]);
    const second = loader.load();
    assert.is.not(second, first);
    assert.is(second.get("Some Notes").capabilities[0]!.modelExample, "model-edited");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a loader sees added and removed files, and recovers after a bad edit is fixed", () => {
  const dir = copyOf("only-video");
  try {
    const loader = createRegistryLoader(dir);
    assert.equal(
      loader.load().providers.map((p) => p.name),
      ["Video Only"],
    );
    const added = path.join(dir, "second.yaml");
    const good = readFileSync(path.join(dir, "video-only.yaml"), "utf8").replace("Video Only", "Second");
    writeFileSync(added, good.replace("supported: true", "supported: 'yes'"));
    loader.invalidate([added]);
    assert.throws(
      () => loader.load(),
      (error: unknown) =>
        error instanceof RegistryError && /second\.yaml:\d+:\d+: `video\.generations\.supported`/.test(error.message),
    );
    writeFileSync(added, good);
    loader.invalidate([added]);
    assert.equal(
      loader.load().providers.map((p) => p.name),
      ["Second", "Video Only"],
    );
    rmSync(added);
    loader.invalidate([added]);
    assert.equal(
      loader.load().providers.map((p) => p.name),
      ["Video Only"],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("get finds a provider by name, slug or alias, and says what it needs when given nothing", () => {
  const registry = loadRegistry(fixture("aliases"));
  for (const key of ["Gemini Vertex", "gemini-vertex", "Vertex AI", "vertex-ai", "google-vertex"])
    assert.is(registry.get(key).slug, "gemini-vertex", key);
  assert.is(registry.get("Sample AI").name, "Example AI");
  assert.throws(
    () => registry.get(undefined as unknown as string),
    (error: Error) =>
      error.message ===
      'No provider name was given (found nothing), expected a provider\'s name, slug or alias, e.g. "Example AI".',
  );
  assert.throws(
    () => registry.get("Gemini Vertx"),
    /No provider is named "Gemini Vertx"\. Did you mean "Gemini Vertex"\?/,
  );
});

test.run();
