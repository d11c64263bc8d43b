// `npm test`'s suites, in two uvu processes side by side (a 2-core machine runs both at once): the
// suites that read a built site (they import a helper that builds one, and share that build and the
// one Chromium), and all the others. Each process's report is printed whole, in turn; the run fails
// if either does.
import { spawn } from "node:child_process";
import { exactly, testFiles } from "../test/helpers/test-files.ts";

const SITE_HELPERS = /from "[./]+helpers\/(browser|built-site|many-providers)\.ts"/;

/** Runs uvu with `args`, its output kept until it ends. */
function uvu(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Colour as uvu would give a terminal: its output passes through a pipe here.
    // Under NO_COLOR, uvu is told so too: it would set FORCE_COLOR, and Node warns when both are set.
    const plain = process.env.NO_COLOR !== undefined;
    const colour = process.stdout.isTTY && !plain ? { FORCE_COLOR: "1" } : {};
    const uvuArgs = ["node_modules/uvu/bin.js", "-r", "tsx", ...(plain ? ["--no-color"] : []), "test", ...args];
    const child = spawn(process.execPath, uvuArgs, {
      env: { ...process.env, ...colour },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

const siteSuites = testFiles(".", (source) => SITE_HELPERS.test(source));
const sites = exactly(siteSuites);
console.log(`Two uvu runs side by side: the ${siteSuites.length} suites that read a built site, and the rest.`);
const runs = [uvu([sites]), uvu(["\\.test\\.ts$", "--ignore", sites])];
let failed = false;
for (const run of runs) {
  const { status, output } = await run;
  process.stdout.write(output);
  failed ||= status !== 0;
}
process.exitCode = failed ? 1 : 0;
