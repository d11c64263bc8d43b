// Reading only what is ours: the folder and its entries are never followed, files are strict
// UTF-8 under the size limit. Links are made here, in a temporary folder (a dangling link in the
// repository would trip the test runner's walk).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblem } from "../../src/registry/errors.ts";
import { projectRoot } from "../helpers/build-site.ts";
import { loadRegistry } from "../../src/registry/load.ts";
import { decodeUtf8, MAX_FILE_BYTES, readDataFile, readProviderFolder } from "../../src/registry/read-files.ts";

const provider = (name: string) => `name: "${name}"\nurl_patterns:\n  - "https://api.example.com"\n`;

function withFolder(body: (root: string) => void) {
  const root = mkdtempSync(path.join(os.tmpdir(), "read-files-"));
  try {
    body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("links (to a file, a folder, nowhere) are refused, and nothing of their targets is read", () => {
  withFolder((root) => {
    const dir = path.join(root, "providers");
    mkdirSync(dir);
    writeFileSync(path.join(root, "secret.yaml"), "token: npm_SECRET\n");
    writeFileSync(path.join(dir, "good.yaml"), provider("Good"));
    symlinkSync("../secret.yaml", path.join(dir, "file-link.yaml"));
    symlinkSync("..", path.join(dir, "folder-link.yml"));
    symlinkSync("../nowhere.yaml", path.join(dir, "dangling.yaml"));
    const folder = readProviderFolder(dir, root);
    assert.equal(folder.files, [path.join(dir, "good.yaml")]);
    assert.equal(
      folder.refused.map(formatProblem),
      ["dangling.yaml", "file-link.yaml", "folder-link.yml"].map(
        (name) =>
          `providers/${name}: found a symbolic link, expected a regular file: links are not followed. Replace ` +
          `the link with the provider file itself.`,
      ),
    );
    // Opened directly (a race between listing and reading), a link is still not followed.
    const read = readDataFile(path.join(dir, "file-link.yaml"), "providers/file-link.yaml");
    assert.is(read.source, undefined);
    assert.not.match(JSON.stringify(read.problem), /SECRET/);
    let message = "";
    try {
      loadRegistry(dir, { root });
    } catch (error) {
      message = (error as Error).message;
    }
    assert.match(message, /^The provider registry has 3 errors\b/);
    assert.not.match(message, /SECRET/);
  });
});

test("a dangling or linked providers folder, or a file in its place, is one message, not a stack", () => {
  withFolder((root) => {
    symlinkSync("nowhere", path.join(root, "dangling"));
    mkdirSync(path.join(root, "real"));
    symlinkSync("real", path.join(root, "linked"));
    writeFileSync(path.join(root, "file"), "x");
    const message = (dir: string) => {
      try {
        readProviderFolder(path.join(root, dir), root);
        return "";
      } catch (error) {
        assert.is((error as Error).name, "DataError");
        return (error as Error).message;
      }
    };
    const link = "found a symbolic link, expected the folder of provider files itself: links are not followed.";
    assert.is(message("dangling"), `dangling: ${link} Replace the link with the folder.`);
    assert.is(message("linked"), `linked: ${link} Replace the link with the folder.`);
    assert.is(message("file"), "file: found a file, expected the folder of provider files. Move the file away.");
    assert.match(message("missing"), /^missing: missing, expected the folder of provider files\./);
  });
});

test("a file past the size limit is refused unread, with the limit in the message", () => {
  withFolder((root) => {
    const file = path.join(root, "big.yaml");
    writeFileSync(file, `name: "${"x".repeat(MAX_FILE_BYTES)}"\n`);
    assert.equal(readDataFile(file, "big.yaml").problem, {
      file: "big.yaml",
      message:
        "found a file of 257 KiB, expected at most 256 KiB (a provider file is about 5 KB). Remove what does " +
        "not belong in it.",
      severity: "error",
    });
    writeFileSync(file, `name: "${"x".repeat(MAX_FILE_BYTES - 20)}"\n`);
    assert.is(readDataFile(file, "big.yaml").source?.length, MAX_FILE_BYTES - 11);
  });
});

test("strict UTF-8: a byte-order mark is dropped; anything else not UTF-8 is refused at its first bad byte", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));
  assert.is(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "name: é"), "f").source, "name: é");
  const where = (input: Buffer) => {
    const problem = decodeUtf8(input, "f").problem;
    return problem && `${problem.position?.line}:${problem.position?.column} ${problem.message.split(",")[0]}`;
  };
  assert.is(where(bytes("a: 1\nname: ", [0xc9], "clair")), "2:7 found the byte 0xC9");
  assert.is(where(bytes([0xff, 0xfe], "n\0a\0")), "1:1 found the byte 0xFF");
  assert.is(where(bytes("n\0a\0m\0e\0")), "1:2 found a null byte");
  assert.is(where(bytes("x: ", [0xc0, 0x80])), "1:4 found the byte 0xC0", "an overlong encoding");
  assert.is(where(bytes("x: ", [0xed, 0xa0, 0x80])), "1:4 found the byte 0xED", "an encoded surrogate");
  assert.is(where(bytes("x: ", [0xe2, 0x82])), "1:4 found the byte 0xE2", "a cut sequence");
  assert.is(where(bytes("x: ", [0xf0, 0x9f, 0x98, 0x80])), undefined, "an emoji is fine");
});

/**
 * `npm run check` on `folder` (relative to `root`), as a user that file permissions apply to: tests
 * run as root, which reads any file, so the check then runs without root's power to pass them
 * (setpriv drops it). It stays the owner of the project, wherever a clone put it (`nobody` could not
 * reach a clone in a folder only its owner may enter).
 */
function checkAsUser(root: string, folder: string): { status: number | null; output: string } {
  const noOverride = ["--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"];
  const [command, ...args] = [
    ...(process.getuid?.() === 0 ? ["setpriv", ...noOverride] : []),
    process.execPath,
    "--import",
    pathToFileURL(path.join(projectRoot, "node_modules/tsx/dist/loader.mjs")).href,
    path.join(projectRoot, "scripts/check.ts"),
    folder,
  ];
  const run = spawnSync(command!, args, {
    cwd: root,
    env: { ...process.env, SITE_FILE: path.join(projectRoot, "_data/site.yaml"), NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

test("an unreadable file or folder is a located data problem naming it, never an internal error", () => {
  withFolder((root) => {
    const dir = path.join(root, "providers");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "locked.yaml"), provider("Locked"));
    chmodSync(path.join(dir, "locked.yaml"), 0o000);
    mkdirSync(path.join(root, "closed"));
    chmodSync(path.join(root, "closed"), 0o000);
    const file = checkAsUser(root, "providers");
    assert.is(
      file.output,
      "The provider registry has 1 error:\n  providers/locked.yaml: found a file that cannot be read (permission " +
        "denied), expected a file the build can read. Give everyone read access to it (`chmod a+r` on it).",
    );
    assert.is(file.status, 1);
    const folder = checkAsUser(root, "closed");
    assert.is(
      folder.output,
      "closed: found a folder that cannot be read (permission denied), expected a folder the build can read. " +
        "Give everyone read access to it (`chmod a+rx` on it).",
    );
    assert.is(folder.status, 1);
  });
});

test("a named pipe in a data file's place is refused without waiting on it", () => {
  withFolder((root) => {
    const pipe = path.join(root, "site.yaml");
    assert.is(spawnSync("mkfifo", [pipe]).status, 0, "mkfifo made the pipe");
    assert.is(
      readDataFile(pipe, "site.yaml").problem?.message,
      "found something that is not a regular file, expected a data file. Remove it.",
    );
  });
});

test.run();
