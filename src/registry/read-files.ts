import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import { DataError, type DataProblem } from "./errors.ts";

/** The largest data file read, in bytes: provider files are about 5 KB, so this is far past any real one. */
export const MAX_FILE_BYTES = 256 * 1024;

/** A data file's name as messages give it: relative to `root` (default: the working directory), with `/`. */
export function displayPath(file: string, root = process.cwd()): string {
  return path.relative(root, file).split(path.sep).join("/") || ".";
}

/** What a providers folder holds: the provider files to read, and the entries refused (each with its message). */
export interface ProviderFolder {
  /** Regular `*.yaml` / `*.yml` files, as absolute paths, sorted by name. */
  files: string[];
  /** One problem per entry that looks like a provider file but is not read (a link, a folder, a hidden file). */
  refused: DataProblem[];
}

const problem = (file: string, message: string): DataProblem => ({ file, message, severity: "error" });

/** Lists a providers folder without following anything: the folder itself must be a real folder. */
export function readProviderFolder(dir: string, root?: string): ProviderFolder {
  const shown = displayPath(dir, root);
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(dir);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw new DataError(`${shown}: ${unreadableMessage(error, "folder")}`);
    throw new DataError(
      `${shown}: missing, expected the folder of provider files. Create it, or name another folder (\`npm run ` +
        `check -- <folder>\`, or PROVIDERS_DIR).`,
    );
  }
  if (stats.isSymbolicLink()) {
    throw new DataError(
      `${shown}: found a symbolic link, expected the folder of provider files itself: links are not followed. ` +
        `Replace the link with the folder.`,
    );
  }
  if (!stats.isDirectory()) {
    throw new DataError(`${shown}: found a file, expected the folder of provider files. Move the file away.`);
  }
  const files: string[] = [];
  const refused: DataProblem[] = [];
  let listed: ReturnType<typeof listFolder>;
  try {
    listed = listFolder(dir);
  } catch (error) {
    throw new DataError(`${shown}: ${unreadableMessage(error, "folder")}`);
  }
  const entries = listed.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const extension = /\.ya?ml$/i.exec(entry.name)?.[0];
    if (!extension) continue;
    const file = path.join(dir, entry.name);
    const where = displayPath(file, root);
    if (entry.name.startsWith(".")) {
      refused.push(
        problem(
          where,
          "found a hidden file (its name starts with `.`), expected a provider file named after its slug, like " +
            "`openai.yaml`: hidden files are not read. Rename it, or remove it.",
        ),
      );
    } else if (entry.isSymbolicLink()) {
      refused.push(
        problem(
          where,
          "found a symbolic link, expected a regular file: links are not followed. Replace the link with the " +
            "provider file itself.",
        ),
      );
    } else if (entry.isDirectory()) {
      refused.push(
        problem(where, "found a folder, expected a provider file: folders are not read. Rename or move the folder."),
      );
    } else if (!entry.isFile()) {
      refused.push(problem(where, "found something that is not a regular file, expected a provider file. Remove it."));
    } else if (extension !== extension.toLowerCase()) {
      refused.push(
        problem(
          where,
          `found the extension \`${extension}\`, expected \`.yaml\` in lower case: the file is not read. ` +
            `Rename it to \`${entry.name.slice(0, -extension.length)}.yaml\`.`,
        ),
      );
    } else {
      files.push(file);
    }
  }
  return { files, refused };
}

const listFolder = (dir: string) => readdirSync(dir, { withFileTypes: true });
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? "";

/** A file or folder the system would not let us read (no permission, an I/O error, a name too long). */
function unreadableMessage(error: unknown, what: "file" | "folder"): string {
  const code = errorCode(error);
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code || "unknown error";
  return (
    `found a ${what} that cannot be read (${reason}), expected a ${what} the build can read. ` +
    (code === "EACCES" || code === "EPERM"
      ? `Give everyone read access to it (\`chmod a+r${what === "folder" ? "x" : ""}\` on it).`
      : `Check that it is a ${what} on a working disk, and restore it from the repository.`)
  );
}

/** A data file's text, or the one problem that kept it from being read. */
export type SourceRead = { source: string; problem?: undefined } | { source?: undefined; problem: DataProblem };

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads one data file as strict UTF-8 (a byte-order mark is allowed and dropped): no link followed. */
export function readDataFile(file: string, shown: string): SourceRead {
  let fd: number;
  try {
    // Non-blocking: a named pipe in a data file's place must not hang the build (it is refused below).
    fd = openSync(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: problem(shown, "missing, expected a data file here. Restore it.") };
    if (code === "ELOOP") {
      return {
        problem: problem(
          shown,
          "found a symbolic link, expected a regular file: links are not followed. Replace the link with the " +
            "file itself.",
        ),
      };
    }
    if (code === "EISDIR")
      return { problem: problem(shown, "found a folder, expected a data file. Remove or rename it.") };
    return { problem: problem(shown, unreadableMessage(error, "file")) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return { problem: problem(shown, "found something that is not a regular file, expected a data file.") };
    if (stats.size > MAX_FILE_BYTES) {
      return {
        problem: problem(
          shown,
          `found a file of ${kib(stats.size)}, expected at most ${kib(MAX_FILE_BYTES)} (a provider file is ` +
            `about 5 KB). Remove what does not belong in it.`,
        ),
      };
    }
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    try {
      while (read < bytes.length) {
        const count = readSync(fd, bytes, read, bytes.length - read, read);
        if (count === 0) break;
        read += count;
      }
    } catch (error) {
      return { problem: problem(shown, unreadableMessage(error, "file")) };
    }
    return decodeUtf8(bytes.subarray(0, read), shown);
  } finally {
    closeSync(fd);
  }
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString("en")} KiB`;

/** Decodes strict UTF-8 text; a file with invalid bytes or a null byte is refused at the first one's line. */
export function decodeUtf8(bytes: Uint8Array, shown: string): SourceRead {
  const nul = bytes.indexOf(0);
  let bad = nul;
  let source: string | undefined;
  try {
    source = utf8.decode(bytes);
  } catch {
    const invalid = firstInvalidUtf8(bytes);
    bad = nul === -1 ? invalid : Math.min(nul, invalid);
  }
  if (bad === -1 && source !== undefined) return { source };
  const line = lineOfByte(bytes, bad);
  const what =
    bytes[bad] === 0 ? "a null byte" : `the byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
  return {
    problem: {
      file: shown,
      position: { line: line.line, column: line.column },
      message:
        `found ${what}, which is not UTF-8 text, expected a file saved as UTF-8 (not Latin-1, UTF-16 or a binary ` +
        `file). Save it again as UTF-8 in your editor.`,
      severity: "error",
    },
  };
}

const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** The offset of the first byte of an ill-formed UTF-8 sequence, or -1: the first U+FFFD the decoder wrote itself. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let offset = 0;
  for (const ch of lenient.decode(bytes)) {
    if (ch === "\ufffd" && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      return offset;
    offset += Buffer.byteLength(ch);
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
