import { spawn } from "node:child_process";
import { projectRoot } from "./build-site.ts";

/** How a child `node` process ended. */
export interface NodeRun {
  code: number | null;
  /** stdout and stderr together, in order of arrival. */
  output: string;
}

/** Runs `node <args>` in the project folder, with `env` added to this process's environment. */
export function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    // With both set, Node warns on stderr (uvu sets FORCE_COLOR): a command's own output is what is compared.
    if (childEnv.NO_COLOR !== undefined) delete childEnv.FORCE_COLOR;
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * What `node <args>` (in the project folder) prints on stdout; fails with its stderr when it exits
 * with an error, or when it runs past `limitMs` (a guard against a hang: it is then killed). Started
 * at once: a test can start it when its file is loaded and wait for it later (a failure then fails
 * the test that waits, not the run).
 */
export function nodeOutput(args: readonly string[], limitMs?: number): Promise<string> {
  const output = new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: limitMs,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else if (signal) reject(new Error(`node ${args.join(" ")} was stopped after ${limitMs} ms (${signal})`));
      else reject(new Error(`node ${args.join(" ")} failed (${code}):\n${stderr}`));
    });
  });
  output.catch(() => {});
  return output;
}
