// `npm run import -- <ai-proxy.yaml> [--out <folder>] [--force]`: writes one provider file per entry
// of Kong's single-file registry (default folder: PROVIDERS_DIR, or _data/providers), lists each value
// it could not carry, then checks the folder as `npm run check` does. Refuses to overwrite a file
// unless --force (which keeps the fields Kong's file lacks from the file it replaces). Exit 1 when
// nothing could be written or the check finds errors.
import { importKongRegistry } from "../src/kong-registry/import-kong.ts";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt === -1 ? (process.env.PROVIDERS_DIR ?? "_data/providers") : args[outAt + 1];
const files = args.filter((arg, index) => !arg.startsWith("--") && (outAt === -1 || index !== outAt + 1));
const known = new Set(["--out", "--force"]);
const unknown = args.filter((arg) => arg.startsWith("--") && !known.has(arg));
if (files.length !== 1 || out === undefined || out.startsWith("--") || unknown.length) {
  console.error("Usage: npm run import -- <ai-proxy.yaml> [--out <folder>] [--force]");
  process.exitCode = 1;
} else {
  const report = importKongRegistry(files[0]!, { out, force: args.includes("--force") });
  if (report.out.length) console.log(report.out.join("\n"));
  if (report.err.length) console.error(report.err.join("\n"));
  if (!report.ok) process.exitCode = 1;
}
