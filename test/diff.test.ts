// `npm run diff -- <git-ref>` on a temporary git repository: a pull request that adds a
// provider, renames one (file moved, old slug kept as an alias), deletes one and changes cells.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diffRegistries, renderDiffMarkdown } from "../src/registry/diff.ts";
import { projectRoot } from "./helpers/build-site.ts";

const repo = mkdtempSync(path.join(os.tmpdir(), "registry-diff-"));
const dir = path.join(repo, "_data/providers");
mkdirSync(dir, { recursive: true });
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    stdio: "ignore",
  });

const provider = (name: string, extra: string, chat = { streaming: "true", version: "3.6", path: "/v1/chat" }) =>
  `name: "${name}"\n${extra}url_patterns:\n  - "https://api.example.com/{route_type_path}"\nmin_version: "3.6"\n` +
  `chat:\n  supported: true\n  streaming: ${chat.streaming}\n  upstream_path: "\`${chat.path}\`"\n` +
  `  route_type: "llm/v1/chat"\n  model_example: "m-1"\n  min_version: "${chat.version}"\n`;

writeFileSync(path.join(dir, "alpha-ai.yaml"), provider("Alpha AI", ""));
writeFileSync(path.join(dir, "beta.yaml"), provider("Beta", ""));
writeFileSync(path.join(dir, "gamma.yaml"), provider("Gamma", ""));
git("init", "-q");
git("add", ".");
git("commit", "-q", "-m", "registry");

// The pull request: Alpha's chat changes, Beta becomes "Beta Two" (moved, aliased), Gamma goes, Delta comes.
writeFileSync(
  path.join(dir, "alpha-ai.yaml"),
  provider("Alpha AI", "", { streaming: "false", version: "3.15", path: "/v2/chat|stream" }),
);
git("mv", "_data/providers/beta.yaml", "_data/providers/beta-two.yaml");
writeFileSync(path.join(dir, "beta-two.yaml"), provider("Beta Two", 'aliases: ["Beta"]\n'));
git("rm", "-q", "_data/providers/gamma.yaml");
writeFileSync(path.join(dir, "delta.yaml"), provider("Delta", ""));

const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...plainEnv } = process.env;

/** `npm run diff -- <ref>` in the temporary repository, without the colour variables (Node warns on
 * stderr when both NO_COLOR and FORCE_COLOR are set, as under CI). */
const runDiff = (ref: string) =>
  spawnSync(
    process.execPath,
    [
      "--import",
      pathToFileURL(path.join(projectRoot, "node_modules/tsx/dist/loader.mjs")).href,
      path.join(projectRoot, "scripts/diff.ts"),
      ref,
    ],
    { cwd: repo, encoding: "utf8", env: plainEnv },
  );

test("npm run diff prints the pull request's changes as Markdown", () => {
  const result = runDiff("HEAD");
  assert.is(result.status, 0, result.stderr);
  assert.is(
    result.stdout,
    [
      "## Provider registry changes since `HEAD`",
      "",
      "- **Added:** Delta (`delta`)",
      "- **Removed:** Gamma (`gamma`)",
      "- **Renamed:** Beta (`beta`) → Beta Two (`beta-two`)",
      "",
      "### Changed cells",
      "",
      "| Provider | Capability | Field | Old | New |",
      "| --- | --- | --- | --- | --- |",
      "| Alpha AI | `chat` | `streaming` | `true` | `false` |",
      "| Alpha AI | `chat` | `upstream_path` | `` `/v1/chat` `` | `` `/v2/chat\\|stream` `` |",
      "| Alpha AI | `chat` | `min_version` | `3.6` | `3.15` |",
      "| Beta Two | (provider) | `name` | `Beta` | `Beta Two` |",
      '| Beta Two | (provider) | `aliases` | — | `["Beta"]` |',
      "",
      "### Pages whose address changes",
      "",
      "| Page | Change |",
      "| --- | --- |",
      "| `/ai-providers/beta/` | moves to /ai-providers/beta-two/ (the alias redirects the old address) |",
      "| `/ai-providers/gamma/` | removed (readers get the 404 page) |",
      "| `/ai-providers/delta/` | new |",
      "| `/ai-providers/version/3.15/` | new view |",
      "",
    ].join("\n"),
  );
});

test("an unknown ref is named, with what to do; no stack trace", () => {
  const result = runDiff("no-such-branch");
  assert.is(result.status, 1);
  assert.is(
    result.stderr.trim(),
    '"no-such-branch" is not a commit, branch or tag in this repository. Try `git fetch`, or name another.',
  );
});

test("no change says so; a rename without an alias says how to keep the old address", () => {
  const same = [{ file: "a.yaml", text: provider("Alpha AI", "") }];
  assert.is(
    renderDiffMarkdown(diffRegistries(same, same), "main"),
    "## Provider registry changes since `main`\n\nNo provider data changed.\n",
  );
  const moved = diffRegistries(same, [{ file: "a.yaml", text: provider("Alpha Prime", "") }]);
  assert.equal(moved.pages, [
    {
      url: "/ai-providers/alpha-ai/",
      change: "moves to /ai-providers/alpha-prime/: add the old slug to `aliases` to redirect it",
    },
  ]);
});

test("a top-level block the diff does not know by name (a later `gateway:`) still shows its changes", () => {
  const was = [{ file: "a.yaml", text: `${provider("Alpha AI", "")}gateway:\n  plugin: "ai-proxy"\n` }];
  const is = [{ file: "a.yaml", text: `${provider("Alpha AI", "")}gateway:\n  plugin: "ai-proxy-advanced"\n` }];
  assert.equal(diffRegistries(was, is).cells, [
    {
      provider: "Alpha AI",
      capability: "",
      field: "gateway",
      before: '{"plugin":"ai-proxy"}',
      after: '{"plugin":"ai-proxy-advanced"}',
    },
  ]);
});

test.after(() => rmSync(repo, { recursive: true, force: true }));

test.run();
