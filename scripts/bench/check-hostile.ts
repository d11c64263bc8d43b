/**
 * Times `npm run check`'s validation (`checkData`) on every YAML file under a hostile corpus,
 * one file at a time, in one warm process: a provider file alone in a fresh folder (a symlink
 * stays a symlink to the same target), a `site.yaml` as the site settings beside an empty
 * providers folder. Prints one JSON line as each case starts and one when it ends, so that the caller
 * can name a case that hangs. Usage: node --import tsx scripts/bench/check-hostile.ts <corpus folder>
 */
import { copyFileSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkData } from "../../src/registry/check.ts";

const corpus = process.argv[2];
if (!corpus) throw new Error("usage: check-hostile.ts <corpus folder>");
const shippedDir = "_data/providers";

// readdir with withFileTypes does not follow symlinks: a symlinked case is seen as a link.
const cases = readdirSync(corpus, { recursive: true, withFileTypes: true })
  .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.ya?ml$/i.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();

// The first call pays for loading the schema validator; a case should not.
checkData(shippedDir);

for (const file of cases) {
  const name = path.relative(corpus, file);
  console.log(JSON.stringify({ starting: name }));
  let check: () => ReturnType<typeof checkData>;
  const dir = mkdtempSync(path.join(os.tmpdir(), "hostile-case-"));
  // A site.yaml case is checked beside an empty providers folder: its time is the site file's own.
  if (path.basename(file) === "site.yaml") check = () => checkData(dir, file);
  else {
    const copy = path.join(dir, path.basename(file));
    try {
      symlinkSync(path.resolve(path.dirname(file), readlinkSync(file)), copy);
    } catch {
      copyFileSync(file, copy); // not a symlink
    }
    check = () => checkData(dir);
  }
  const start = process.hrtime.bigint();
  let verdict: string;
  try {
    verdict = check().ok ? "accepted" : "refused";
  } catch {
    verdict = "internal error";
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ case: name, ms, verdict }));
}
