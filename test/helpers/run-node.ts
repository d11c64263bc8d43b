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
