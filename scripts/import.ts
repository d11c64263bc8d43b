// `npm run import -- <ai-proxy.yaml> [--out <folder>] [--force]`: writes one provider file per entry
// of Kong's single-file registry (default folder: PROVIDERS_DIR, or _data/providers), lists each value
// it could not carry, then checks the folder as `npm run check` does. Refuses to overwrite a file
// unless --force (which keeps the fields Kong's file lacks from the file it replaces). Exit 1 when
// nothing could be written or the check finds errors.
import { parseArgs } from "node:util";
import { importKongRegistry } from "../src/kong-registry/import-kong.ts";

const usage = "Usage: npm run import -- <ai-proxy.yaml> [--out <folder>] [--force]";
let parsed: { values: { out?: string; force?: boolean }; positionals: string[] } | undefined;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: "string" }, force: { type: "boolean" } } });
} catch {
  parsed = undefined; // an unknown option, or --out without a folder
}
if (parsed?.positionals.length !== 1) {
  console.error(usage);
  process.exitCode = 1;
} else {
  const { values, positionals } = parsed;
  const out = values.out ?? process.env.PROVIDERS_DIR ?? "_data/providers";
  const report = importKongRegistry(positionals[0]!, { out, force: values.force === true });
  if (report.out.length) console.log(report.out.join("\n"));
  if (report.err.length) console.error(report.err.join("\n"));
  if (!report.ok) process.exitCode = 1;
}
