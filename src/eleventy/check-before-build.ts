import { dataErrorMessage } from "../registry/check.ts";

/**
 * In a command-line build, loads the data before Eleventy starts. A data mistake is printed
 * once, without a stack trace, and the process exits 1 having written nothing. (Thrown from
 * `eleventy.before` instead, Eleventy's CLI prints the same message twice.) The dev server and
 * programmatic builds skip this: their errors come from `eleventy.before`, and the dev server
 * keeps running until the next good save. A bug in our code met here stops the build the same
 * way, as an "internal error" naming `processing` (the data folder), with no stack trace.
 */
export function stopCliBuildOnDataError(load: () => unknown, processing = "the data files"): void {
  if (!isCliBuild()) return;
  try {
    load();
  } catch (error) {
    stopCliBuild(dataErrorMessage(error, processing), "The build stopped before writing any file.");
  }
}

/**
 * Whether this process is a command-line build (`npm run build`, `npx @11ty/eleventy`), not the dev server or the API.
 */
export const isCliBuild = () => process.env.ELEVENTY_SOURCE === "cli" && process.env.ELEVENTY_RUN_MODE === "build";

/**
 * In a command-line build, prints a mistake once and exits 1; the output folder stays as it was
 * (the build was writing beside it). Elsewhere (dev server, programmatic builds) it returns, and
 * the caller throws as usual.
 */
export function stopCliBuild(message: string, outcome = "The build stopped; the output folder is as it was."): void {
  if (!isCliBuild()) return;
  process.stderr.write(`${message}\n${outcome}\n`);
  process.exit(1);
}
