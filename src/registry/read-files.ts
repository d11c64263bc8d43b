import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DataError, type DataProblem, dataProblem } from "./errors.ts";

/** The largest data file read, in bytes: provider files are about 5 KB, so this is far past any real one. */
export const MAX_FILE_BYTES = 256 * 1024;

/** A data file's name as messages give it: relative to `root` (default: the working directory), with `/`. */
export function displayPath(file: string, root = process.cwd()): string {
  return path.relative(root, file).split(path.sep).join("/") || ".";
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? "";

/** A file or folder the system would not let us read (no permission, an I/O error, a name too long). */
function unreadableMessage(error: unknown, what: "file" | "folder"): string {
  const code = errorCode(error);
  const denied = code === "EACCES" || code === "EPERM";
  return (
    `found a ${what} that cannot be read (${denied ? "permission denied" : code || "unknown error"}), expected a ` +
    `${what} the build can read. ` +
    (denied
      ? `Give everyone read access to it (\`chmod a+r${what === "folder" ? "x" : ""}\` on it).`
      : `Check that it is a ${what} on a working disk, and restore it from the repository.`)
  );
}

/** What stands where a file (`expected`: a provider file, a data file) should be, with what to do about it. */
function notAFile(found: "link" | "folder" | "other", expected: string): string {
  if (found === "link")
    return (
      "found a symbolic link, expected a regular file: links are not followed. Replace the link with the " +
      `${expected} itself.`
    );
  if (found === "folder")
    return `found a folder, expected a ${expected}: folders are not read. Rename or move the folder.`;
  return `found something that is not a regular file, expected a ${expected}. Remove it.`;
}

/** Lists a providers folder, following nothing: its regular `*.yaml` files, sorted, and the other entries refused. */
export function readProviderFolder(dir: string, root?: string): { files: string[]; refused: DataProblem[] } {
  const shown = displayPath(dir, root);
  let entries: Dirent[];
  try {
    const stats = lstatSync(dir);
    if (stats.isSymbolicLink())
      throw new DataError(
        `${shown}: found a symbolic link, expected the folder of provider files itself: links are not followed. ` +
          "Replace the link with the folder.",
      );
    if (!stats.isDirectory())
      throw new DataError(`${shown}: found a file, expected the folder of provider files. Move the file away.`);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error instanceof DataError) throw error;
    if (errorCode(error) !== "ENOENT") throw new DataError(`${shown}: ${unreadableMessage(error, "folder")}`);
    throw new DataError(
      `${shown}: missing, expected the folder of provider files. Create it, or name another folder (\`npm run ` +
        "check -- <folder>`, or PROVIDERS_DIR).",
    );
  }
  const files: string[] = [];
  const refused: DataProblem[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const extension = /\.ya?ml$/i.exec(entry.name)?.[0];
    if (!extension) continue;
    const file = path.join(dir, entry.name);
    const message = entry.name.startsWith(".")
      ? "found a hidden file (its name starts with `.`), expected a provider file named after its slug, like " +
        "`openai.yaml`: hidden files are not read. Rename it, or remove it."
      : entry.isSymbolicLink()
        ? notAFile("link", "provider file")
        : entry.isDirectory()
          ? notAFile("folder", "provider file")
          : !entry.isFile()
            ? notAFile("other", "provider file")
            : extension !== extension.toLowerCase()
              ? `found the extension \`${extension}\`, expected \`.yaml\` in lower case: the file is not read. ` +
                `Rename it to \`${entry.name.slice(0, -extension.length)}.yaml\`.`
              : undefined;
    if (message) refused.push(dataProblem(displayPath(file, root), message));
    else files.push(file);
  }
  return { files, refused };
}

/** A data file's text, or the one problem that kept it from being read. */
export type SourceRead = { source: string; problem?: undefined } | { source?: undefined; problem: DataProblem };

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString("en")} KiB`;

/** Reads one data file as strict UTF-8 (a byte-order mark is allowed and dropped): no link followed. */
export function readDataFile(
  file: string,
  shown: string,
  missing = "expected a data file here. Restore it.",
): SourceRead {
  const refuse = (message: string): SourceRead => ({ problem: dataProblem(shown, message) });
  let fd: number;
  try {
    // Non-blocking: a named pipe in a data file's place must not hang the build (it is refused below).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return refuse(`missing, ${missing}`);
    if (code === "ELOOP" || code === "EISDIR")
      return refuse(notAFile(code === "ELOOP" ? "link" : "folder", "data file"));
    return refuse(unreadableMessage(error, "file"));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(notAFile("other", "data file"));
    if (stats.size > MAX_FILE_BYTES)
      return refuse(
        `found a file of ${kib(stats.size)}, expected at most ${kib(MAX_FILE_BYTES)} (a provider file is about 5 ` +
          "KB). Remove what does not belong in it.",
      );
    return decodeUtf8(readFileSync(fd), shown);
  } catch (error) {
    return refuse(unreadableMessage(error, "file"));
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** Decodes strict UTF-8 text; a file with invalid bytes or a null byte is refused at the first one's line. */
export function decodeUtf8(bytes: Uint8Array, shown: string): SourceRead {
  let bad = bytes.indexOf(0);
  try {
    const source = utf8.decode(bytes);
    if (bad === -1) return { source };
  } catch {
    // The first U+FFFD the lenient decoder wrote itself (not one written in the file) marks the first bad byte.
    let offset = 0;
    for (const ch of lenient.decode(bytes)) {
      if (ch === "\ufffd" && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
        break;
      offset += Buffer.byteLength(ch);
    }
    bad = bad === -1 ? offset : Math.min(bad, offset);
  }
  const before = bytes.subarray(0, bad);
  const what = bytes[bad] ? `the byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}` : "a null byte";
  const message =
    `found ${what}, which is not UTF-8 text, expected a file saved as UTF-8 (not Latin-1, UTF-16 or a binary ` +
    "file). Save it again as UTF-8 in your editor.";
  const position = { line: before.filter((byte) => byte === 10).length + 1, column: bad - before.lastIndexOf(10) };
  return { problem: dataProblem(shown, message, position) };
}
