// `npm run diff -- <git-ref>`: what the working tree changes in the provider registry since
// <git-ref> (a branch, tag or commit, e.g. `origin/main`), as Markdown for a pull request:
// providers added, removed and renamed, every changed cell, and the pages whose address changes.
// The folder is PROVIDERS_DIR, or _data/providers.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { diffRegistries, renderDiffMarkdown, type SourceFile } from "../src/registry/diff.ts";
import { providerFiles } from "../src/registry/load.ts";

const git = (args: string[], input?: string) =>
  spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 1024 * 1024 * 1024,
  });

/** The provider files of `dir` as they stand at `ref`, read through one `git cat-file --batch`. */
function filesAtRef(ref: string, dir: string): SourceFile[] {
  const top = git(["rev-parse", "--show-toplevel"]).stdout.trim();
  const inRepo = path.relative(top, path.resolve(dir)).split(path.sep).join("/");
  const listed = git(["ls-tree", "--name-only", `${ref}:${inRepo}`]);
  // The folder did not exist then: every provider is new.
  if (listed.status !== 0) return [];
  const names = listed.stdout.split("\n").filter((name) => /\.ya?ml$/.test(name));
  const batch = git(["cat-file", "--batch"], names.map((name) => `${ref}:${inRepo}/${name}\n`).join(""));
  const files: SourceFile[] = [];
  let offset = 0;
  const out = Buffer.from(batch.stdout, "utf8");
  for (const name of names) {
    const headerEnd = out.indexOf("\n", offset);
    const size = Number(out.subarray(offset, headerEnd).toString("utf8").split(" ")[2]);
    const start = headerEnd + 1;
    files.push({
      file: `${path
        .relative(process.cwd(), path.join(top, inRepo, name))
        .split(path.sep)
        .join("/")}`,
      text: out.subarray(start, start + size).toString("utf8"),
    });
    offset = start + size + 1;
  }
  return files;
}

const ref = process.argv[2];
const dir = process.env.PROVIDERS_DIR ?? "_data/providers";
if (!ref) {
  console.error("Name the git ref to compare with: npm run diff -- origin/main");
  process.exitCode = 1;
} else if (git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).status !== 0) {
  console.error(`"${ref}" is not a commit, branch or tag in this repository. Try \`git fetch\`, or name another.`);
  process.exitCode = 1;
} else {
  const now = providerFiles(dir).map((file) => ({
    file: path.relative(process.cwd(), file).split(path.sep).join("/"),
    text: readFileSync(file, "utf8"),
  }));
  process.stdout.write(renderDiffMarkdown(diffRegistries(filesAtRef(ref, dir), now), ref));
}
