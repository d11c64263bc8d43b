// The output folder after a build: a good build leaves exactly the site of the current data
// (a deleted provider's page, twin and JSON are gone: command line, programmatic and dev server),
// and a build that fails while rendering leaves it as it was.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import { type NodeRun, runNode } from "../helpers/run-node.ts";
import * as assert from "uvu/assert";
import { filesUnder, fixture, projectEleventy, projectRoot, withBuildFolders } from "../helpers/build-site.ts";

const temporaries: string[] = [];
const temporary = (what: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `provider-output-${what}-`));
  temporaries.push(dir);
  return dir;
};

/** A registry folder of its own: the `aliases` fixture's three providers, to delete from. */
function registryCopy(): string {
  const dir = temporary("registry");
  cpSync(fixture("aliases"), dir, { recursive: true });
  return dir;
}

/** Every file of a folder with its content, to compare a folder before and after. */
const snapshot = (dir: string) => new Map(filesUnder(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

/** The files a provider has in the site: its page, Markdown twin and JSON. */
const filesOf = (slug: string) => [
  `ai-providers/${slug}/index.html`,
  `ai-providers/${slug}/index.md`,
  `api/providers/${slug}.json`,
];

/** A programmatic build, as tests and scripts run one; `extra` adds templates. */
async function programmaticBuild(providersDir: string, out: string, extra: Record<string, string> = {}) {
  await withBuildFolders(providersDir, out, () => projectEleventy(out, extra).write());
}

/** `npm run build`'s command, as a child process. */
function cliBuild(providersDir: string, out: string): Promise<NodeRun> {
  return runNode(["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"], {
    PROVIDERS_DIR: providersDir,
    ELEVENTY_OUTPUT: out,
    NO_COLOR: "1",
  });
}

test(
  "a programmatic build: a deleted provider's files go; a " + "build that fails rendering leaves the folder as it was",
  async () => {
    const registry = registryCopy();
    const out = temporary("programmatic");
    await programmaticBuild(registry, out);
    for (const file of [...filesOf("example-ai"), ...filesOf("gemini-vertex")])
      assert.ok(existsSync(path.join(out, file)), file);

    rmSync(path.join(registry, "example-ai.yaml"));
    await programmaticBuild(registry, out);
    for (const file of filesOf("example-ai")) assert.not.ok(existsSync(path.join(out, file)), `${file} is gone`);
    for (const file of filesOf("gemini-vertex")) assert.ok(existsSync(path.join(out, file)), file);
    assert.not.ok(existsSync(`${out}.building`), "no staging folder is left");

    const before = snapshot(out);
    rmSync(path.join(registry, "no-aliases.yaml"));
    let failed = false;
    try {
      await programmaticBuild(registry, out, {
        "embed.liquid": '---\npermalink: /embed/\n---\n{% providerReference "Nobody" %}',
      });
    } catch {
      failed = true;
    }
    assert.ok(failed, "the build fails");
    assert.equal(snapshot(out), before, "every file as it was, no file added");
  },
);

test("{% providerReference %} without a provider says what to write", async () => {
  const out = temporary("no-argument");
  try {
    await programmaticBuild(fixture("aliases"), out, {
      "embed.liquid": "---\npermalink: /embed/\n---\n{% providerReference %}",
    });
    assert.unreachable("the build should fail");
  } catch (error) {
    const messages: string[] = [];
    for (let e: any = error; e; e = e.originalError ?? e.cause) messages.push(String(e.message));
    assert.ok(
      messages.some((m) =>
        m.includes('`{% providerReference %}` needs a provider. Write `{% providerReference "OpenAI" %}`'),
      ),
      messages.join("\n"),
    );
  }
});

test("npm run build: a deleted provider's files go; a rendering error leaves the folder as it was", async () => {
  const registry = registryCopy();
  const out = temporary("cli");
  const first = await cliBuild(registry, out);
  assert.is(first.code, 0, first.output);
  rmSync(path.join(registry, "gemini-vertex.yaml"));
  const second = await cliBuild(registry, out);
  assert.is(second.code, 0, second.output);
  for (const file of filesOf("gemini-vertex")) assert.not.ok(existsSync(path.join(out, file)), `${file} is gone`);
  for (const file of filesOf("example-ai")) assert.ok(existsSync(path.join(out, file)), file);

  // A provider whose page would sit where the matrix has its pages stops the build while it renders.
  const before = snapshot(out);
  writeFileSync(
    path.join(registry, "page.yaml"),
    readFileSync(path.join(registry, "no-aliases.yaml"), "utf8").replace(/^name: .*$/m, 'name: "Page"'),
  );
  const failed = await cliBuild(registry, out);
  assert.is(failed.code, 1, failed.output);
  assert.equal(snapshot(out), before, "every file as it was, no file added");
  assert.equal(
    readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(out)}.building`)),
    [],
    "the staging folder is removed",
  );
});

test("npx @11ty/eleventy --output <dir>: the whole site in that folder, built in place, _site untouched", async () => {
  const registry = registryCopy();
  const staged = temporary("staged");
  assert.is((await cliBuild(registry, staged)).code, 0);
  const given = temporary("given");
  writeFileSync(path.join(given, "stale.html"), "left by an older build");
  const siteBefore = existsSync(path.join(projectRoot, "_site"))
    ? snapshot(path.join(projectRoot, "_site"))
    : undefined;
  // Eleventy writes its pages where `--output` says, whatever the configuration asks: everything else must follow.
  const run = await runNode(["node_modules/@11ty/eleventy/cmd.cjs", "--quiet", `--output=${given}`], {
    PROVIDERS_DIR: registry,
  });
  assert.is(run.code, 0, run.output);
  assert.equal(filesUnder(given).sort(), filesUnder(staged).sort(), "the same files as a staged build, nothing stale");
  for (const file of ["index.html", ...filesOf("example-ai"), "assets", "schema/provider.schema.json"])
    assert.ok(existsSync(path.join(given, file)), file);
  assert.not.ok(existsSync(`${given}.building`));
  if (siteBefore) assert.equal(snapshot(path.join(projectRoot, "_site")), siteBefore, "_site is left alone");
});

test("two builds at once into one folder: both succeed, and the site they leave is whole", async () => {
  const registry = registryCopy();
  const out = temporary("twice");
  const [one, two] = await Promise.all([cliBuild(registry, out), cliBuild(registry, out)]);
  assert.is(one.code, 0, one.output);
  assert.is(two.code, 0, two.output);
  const alone = temporary("alone");
  assert.is((await cliBuild(registry, alone)).code, 0);
  assert.equal(filesUnder(out).sort(), filesUnder(alone).sort(), "every file of a build alone, nothing missing");
  assert.equal(
    readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(out)}.`)),
    [],
    "no staging, old or lock folder left beside it",
  );
});

test("a build killed between its two renames: the next build, even a failed one, puts the site back", async () => {
  const registry = registryCopy();
  const out = temporary("killed");
  assert.is((await cliBuild(registry, out)).code, 0);
  const before = snapshot(out);
  // What a build killed after moving the old site aside, before moving the new one in, leaves.
  renameSync(out, `${out}.old-999999999-1`);
  writeFileSync(path.join(registry, "broken.yaml"), "name: [unclosed\n");
  const failed = await cliBuild(registry, out);
  assert.is(failed.code, 1, failed.output);
  assert.equal(snapshot(out), before, "the site it was replacing is back");
});

test("the old site cannot be removed once the new one is in place: the build says so and exits 0", async () => {
  const registry = registryCopy();
  const out = temporary("stuck");
  assert.is((await cliBuild(registry, out)).code, 0);
  // An immutable file (chattr +i) cannot be removed, even by root; where the file system has no such flag, skip.
  const stuck = path.join(out, "stuck.txt");
  writeFileSync(stuck, "cannot be removed");
  if (spawnSync("chattr", ["+i", stuck]).status !== 0) return;
  try {
    rmSync(path.join(registry, "gemini-vertex.yaml"));
    const run = await cliBuild(registry, out);
    assert.is(run.code, 0, run.output);
    assert.match(run.output, "The new site is published; the old one is left at");
    assert.not.match(run.output, /^\s+at /m, "no stack trace");
    assert.not.ok(existsSync(path.join(out, filesOf("gemini-vertex")[0]!)), "the new site is the one published");
    assert.ok(existsSync(path.join(out, filesOf("example-ai")[0]!)));
  } finally {
    for (const name of readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.old-`))) {
      spawnSync("chattr", ["-i", path.join(path.dirname(out), name, "stuck.txt")]);
      rmSync(path.join(path.dirname(out), name), { recursive: true, force: true });
    }
  }
});

test("npm start: served on localhost; a deleted file's pages go and come back; a mistake is a banner", async () => {
  const registry = registryCopy();
  const out = temporary("serve");
  // The preview writes beside the output folder it is given, in a folder of its own.
  temporaries.push(`${out}.preview`);
  const port = 8300 + Math.floor(Math.random() * 500);
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", `${port}`], {
    cwd: projectRoot,
    env: { ...process.env, PROVIDERS_DIR: registry, ELEVENTY_OUTPUT: out, NO_COLOR: "1" },
  });
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const get = async (url: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${url}`);
    return { status: response.status, text: await response.text() };
  };
  const builds = () => output.split("\n").filter((line) => line.startsWith("Built ")).length;
  const waitFor = async (what: string, done: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 600 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(await done(), `${what}\n${output}`);
  };
  const saved = async (change: () => void) => {
    const count = builds();
    change();
    await waitFor("a rebuild", () => builds() > count);
  };
  try {
    await waitFor("the preview is served", () => output.includes("Preview at"));
    assert.is((await get("/ai-providers/example-ai/")).status, 200);
    // Bound to 127.0.0.1 alone: another loopback address (which a server on every interface answers) gets nothing.
    for (const address of ["127.0.0.2", "[::1]"]) {
      const reached = await fetch(`http://${address}:${port}/`).catch(() => undefined);
      assert.is(reached, undefined, `not served on ${address}`);
    }
    const file = path.join(registry, "example-ai.yaml");
    const text = readFileSync(file, "utf8");
    await saved(() => rmSync(file));
    assert.is((await get("/ai-providers/example-ai/")).status, 404);
    assert.is((await get("/api/providers/example-ai.json")).status, 404);
    await saved(() => writeFileSync(file, text));
    assert.is((await get("/ai-providers/example-ai/")).status, 200, "restored, served again");

    // A save that changes only what one provider's pages show rewrites those, and the matrix pages and lists
    // that show it; every other file stays as it was (and is still served).
    const preview = `${out}.preview`;
    const modified = (url: string) => statSync(path.join(preview, url)).mtimeMs;
    const untouched = [
      "ai-providers/gemini-vertex/index.html",
      "ai-providers/index.html",
      "index.html",
      "ai-providers/compare/index.html",
      "llms.txt",
      "sitemap.xml",
    ];
    const before = untouched.map(modified);
    await saved(() => writeFileSync(file, text.replace("example-chat-1", "newmodel")));
    for (const url of ["/ai-providers/example-ai/", "/ai-providers/capability/chat/", "/api/providers.json"])
      assert.match((await get(url)).text, "newmodel", `${url} shows the new model example`);
    assert.equal(untouched.map(modified), before, "the other pages were not rewritten");
    for (const url of untouched) assert.is((await get(`/${url}`)).status, 200);
    await saved(() => writeFileSync(file, text.replace("streaming: true", "streaming: false")));
    assert.ok(modified("ai-providers/index.html") > before[1]!, "a change the full matrix shows rewrites it");
    assert.ok(modified("index.html") > before[2]!, "a change of the home page's counts rewrites it");
    assert.match((await get("/")).text, "providers that stream");
    await saved(() => writeFileSync(file, text));

    await saved(() => writeFileSync(file, text.replace(/streaming: (true|false)/, "streaming: tru")));
    const banner = (await get("/ai-providers/gemini-vertex/")).text;
    assert.match(banner, 'class="data-problems"');
    assert.match(banner, "example-ai.yaml:");
    assert.match(banner, "found &quot;tru&quot;");
    const mistakes = output.split("\n").filter((line) => line.includes('found "tru"'));
    assert.is(mistakes.length, 1, `each mistake printed once:\n${output}`);
    await saved(() => writeFileSync(file, text));
    assert.not.match((await get("/ai-providers/gemini-vertex/")).text, "data-problems", "gone on the next good save");
    assert.not.match(output, /File (changed|added|deleted)|Writing /, "one line a save");
  } finally {
    server.kill();
  }
});

test.after(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

test.run();
