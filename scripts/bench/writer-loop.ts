// The writer's loop: `npm start` running, one data file edited, and the time until that provider's page in the
// output folder holds the edit. The dev server starts as package.json says (`npm start`), in a clone of the project.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Polled this often: a file read every 2 ms costs the server little and misses little.
const pollMs = 2;
// Between two edits: the server's rebuild has settled (a writer types slower than this).
const settleMs = 1500;

/**
 * Starts `npm start` in `project`, waits for its first build, then edits the first provider file of
 * `_data/providers` `edits` times (its first `model_example`, a new value each time) and measures, for each
 * edit, the milliseconds until the preview's `_site.preview/ai-providers/<slug>/index.html` holds the new value.
 */
export async function writerLoop(project: string, edits: number): Promise<number[]> {
  const registry = path.join(project, "_data/providers");
  const file = readdirSync(registry)
    .filter((f) => f.endsWith(".yaml"))
    .sort()[0]!;
  // Every provider file, shipped or synthetic, is named after its slug, and its page after the slug too.
  const page = path.join(project, "_site.preview/ai-providers", path.basename(file, ".yaml"), "index.html");
  const source = readFileSync(path.join(registry, file), "utf8");
  if (!/^\s*model_example: /m.test(source)) throw new Error(`${file}: no model_example to edit`);

  const port = String(18000 + Math.floor(Math.random() * 1000));
  // Its own process group, so that stopping it stops npm's children (Eleventy) too.
  const server = spawn("npm", ["start", "--", "--port", port], { cwd: project, detached: true });
  let log = "";
  server.stdout.on("data", (chunk) => (log += chunk));
  server.stderr.on("data", (chunk) => (log += chunk));
  const until = async (ready: () => boolean, seconds: number, what: string) => {
    const deadline = Date.now() + seconds * 1000;
    while (!ready()) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`npm start: no ${what}\n${log}`);
      await sleep(pollMs);
    }
  };
  try {
    await until(() => log.includes("Preview at"), 300, "first build");
    await sleep(settleMs);
    const times: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const marker = `bench-edit-${edit}-${Date.now()}`;
      const start = performance.now();
      writeFileSync(path.join(registry, file), source.replace(/^(\s*model_example: ).*$/m, `$1'${marker}'`));
      await until(() => existsSync(page) && readFileSync(page, "utf8").includes(marker), 120, "rebuilt page");
      times.push(performance.now() - start);
      await sleep(settleMs);
    }
    return times;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
  }
}
