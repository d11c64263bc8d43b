// The hostile corpus (test/fixtures/hostile/): one folder per class of hostile input, each a
// providers folder (and, for the `site-*` classes, a site.yaml, missing on purpose in
// `site-missing`) with the exact `npm run check` output in `expected.txt`. Used by
// test/hostile.test.ts, and by the benchmark: `node --import tsx scripts/hostile-corpus.ts` prints
// `timeHostileCorpus()` as JSON, in a process of its own that the benchmark stops if a case hangs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkData } from "../src/registry/check.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The corpus folder, relative to the project root (messages name files relative to it). */
export const HOSTILE_CORPUS = "test/fixtures/hostile";

/** One class of hostile input: where its data is, and what `npm run check` must print for it. */
export interface HostileCase {
  name: string;
  /** The providers folder, relative to the project root (it may be missing, a link or a file). */
  providersDir: string;
  /** The site settings: the class's own for `site-*` classes, else the shipped `_data/site.yaml`. */
  siteFile: string;
  /** The exact output of `npm run check`, and the exit code it implies (OK: 0, else 1). */
  expected: string;
}

/** Every class of the corpus, in name order. */
export function hostileCases(root = projectRoot): HostileCase[] {
  const corpus = path.join(root, HOSTILE_CORPUS);
  return readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = `${HOSTILE_CORPUS}/${name}`;
      const expectedFile = path.join(root, folder, "expected.txt");
      return {
        name,
        providersDir: `${folder}/providers`,
        siteFile: name.startsWith("site-") ? `${folder}/site.yaml` : "_data/site.yaml",
        expected: existsSync(expectedFile) ? readFileSync(expectedFile, "utf8").trimEnd() : "",
      };
    });
}

/** How long `npm run check` took on one class, in process, what it printed, and whether that was the expected. */
export interface HostileTiming {
  name: string;
  milliseconds: number;
  output: string;
  asExpected: boolean;
}

/**
 * Checks every class of the hostile corpus in this process (as `npm run check` does, run from
 * `root`) and times each, slowest first: the benchmark reports the slowest. Every class is a
 * folder of files under the size limit, so each should take milliseconds.
 */
export function timeHostileCorpus(root = projectRoot): HostileTiming[] {
  const previous = process.cwd();
  process.chdir(root);
  try {
    return hostileCases(root)
      .map((hostile) => {
        const start = performance.now();
        const report = checkData(hostile.providersDir, hostile.siteFile);
        const milliseconds = performance.now() - start;
        const output = report.lines.join("\n");
        return { name: hostile.name, milliseconds, output, asExpected: output === hostile.expected };
      })
      .sort((a, b) => b.milliseconds - a.milliseconds);
  } finally {
    process.chdir(previous);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(timeHostileCorpus()));
}
