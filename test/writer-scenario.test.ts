// The writer's pull request from issue 9, replayed on a copy of the shipped data: a provider
// scaffolded with `npm run new-provider`'s code and filled in, one renamed (file moved, old name
// kept as an alias), one deleted. The shipped-data invariants must hold on the copy exactly as
// they do on the shipped data: no test may pin what a writer's next pull request changes.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkData } from "../src/registry/check.ts";
import { loadRegistry, providerFiles } from "../src/registry/load.ts";
import { planScaffold } from "../src/registry/scaffold.ts";
import { slugify } from "../src/registry/slug.ts";
import { writeSyntheticRegistry } from "../scripts/bench/synthetic-registry.ts";
import { projectRoot } from "./helpers/build-site.ts";
import { checkRegistryInvariants, twinsAgree } from "./helpers/registry-invariants.ts";

const shipped = path.join(projectRoot, "_data/providers");
const work = mkdtempSync(path.join(os.tmpdir(), "writer-scenario-"));
const dir = path.join(work, "providers");
cpSync(shipped, dir, { recursive: true });
const site = path.join(projectRoot, "_data/site.yaml");

/** Uncomments a capability's fields in the scaffold and marks it supported, with its own upstream path. */
function fill(text: string, key: string, upstreamPath: string): string {
  return text.replace(new RegExp(`^${key}:\\n(?: {2}.*\\n)+`, "m"), (entry) =>
    entry
      .replace("supported: false", "supported: true")
      .replace(/^ {2}# (?!note| {2}content)/gm, "  ")
      .replace("'`/v1/...`'", `'\`${upstreamPath}\`'`),
  );
}

// 1. A new provider, scaffolded and filled in (three capabilities, a real base URL). Its name is
// one the shipped data does not use yet, so a writer who adds "Acme Cloud AI" breaks nothing.
const taken = new Set(loadRegistry(dir, { root: projectRoot }).providers.flatMap((p) => [p.slug, ...p.aliases]));
let addedName = "Acme Cloud AI";
for (let n = 2; taken.has(slugify(addedName)); n++) addedName = `Acme Cloud AI ${n}`;
const addedSlug = slugify(addedName);
const { file: added, text } = planScaffold(addedName, dir, projectRoot);
writeFileSync(
  added,
  fill(
    fill(fill(text, "chat", "/v1/chat/completions"), "embeddings", "/v1/embeddings"),
    "function_calling",
    "/v1/chat/completions",
  ).replace(`https://api.${addedSlug}.example/`, "https://api.acme-cloud.com/"),
);

// 2. A provider renamed: the file moved to the new slug, the old name kept as an alias.
const [renamedFile, deletedFile] = providerFiles(dir).filter((file) => file !== added);
// The registry with the new provider, before the rename and the deletion.
const before = loadRegistry(dir, { root: projectRoot });
const renamed = before.providers.find((p) => p.file.endsWith(path.basename(renamedFile!)))!;
const newName = `${renamed.name} Next`;
const movedFile = path.join(dir, `${slugify(newName)}.yaml`);
const renamedText = readFileSync(renamedFile!, "utf8").replace(
  /^name: .*$/m,
  `name: '${newName.replaceAll("'", "''")}'\naliases: ['${renamed.name.replaceAll("'", "''")}']`,
);
writeFileSync(renamedFile!, renamedText);

test("renamed but not moved: check fails and says which git mv to run", () => {
  const report = checkData(dir, site);
  assert.is(report.ok, false);
  assert.match(report.lines[0]!, `but the file is named ${path.basename(renamedFile!)}`);
  assert.match(report.lines[0]!, `Run \`git mv `);
  assert.match(report.lines[0]!, `${path.basename(movedFile)}\``);
});

test("scaffolded and filled, renamed with an alias, one deleted: every shipped-data invariant holds", async () => {
  renameSync(renamedFile!, movedFile);
  // 3. A provider deleted.
  const deleted = before.providers.find((p) => p.file.endsWith(path.basename(deletedFile!)))!;
  rmSync(deletedFile!);

  const { failures, registry, pages } = await checkRegistryInvariants(dir);
  assert.equal(failures, []);
  assert.is(registry.providers.length, before.providers.length - 1, "one added (counted before), one deleted");
  assert.ok(pages.get(`/ai-providers/${addedSlug}/`), "the new provider's page");
  assert.equal(
    registry.get(addedName).capabilities.map((c) => c.key),
    ["chat", "embeddings", "function_calling"],
  );
  assert.is(registry.get(renamed.name).name, newName, "the old name finds the renamed provider");
  const redirects = pages.get("/_redirects")!.html;
  const newSlug = slugify(newName);
  for (const line of [
    `/ai-providers/${renamed.slug}/ /ai-providers/${newSlug}/ 301`,
    `/ai-providers/${renamed.slug}/index.md /ai-providers/${newSlug}/index.md 301`,
    `/api/providers/${renamed.slug}.json /api/providers/${newSlug}.json 301`,
  ])
    assert.match(redirects, line);
  assert.not.ok(pages.has(`/ai-providers/${renamed.slug}/`), "no page at the old address");
  assert.not.ok(pages.has(`/ai-providers/${deleted.slug}/`), "no page for the deleted provider");

  // The invariants can fail: a twin that disagrees with its page is reported (the added provider's:
  // its three capabilities are known, whatever the shipped data holds).
  const page = `/api/providers/${addedSlug}.json`;
  const json = JSON.parse(pages.get(page)!.html);
  json.capabilities.reverse();
  pages.set(page, { ...pages.get(page)!, html: JSON.stringify(json) });
  assert.ok(twinsAgree(pages).some((failure) => failure.startsWith(`/ai-providers/${addedSlug}/ JSON rows`)));
});

test("the benchmark's copies of the changed registry are a valid registry too", () => {
  const copies = path.join(work, "bench-copies");
  writeSyntheticRegistry(dir, copies, 2 * providerFiles(dir).length + 3);
  const report = checkData(copies, site, { strict: true });
  assert.ok(report.ok, report.lines.join("\n"));
  assert.match(report.lines.at(-1)!, /^OK: \d+ providers in .*, 0 aliases, 0 warnings\.$/);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
