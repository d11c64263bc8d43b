// `npm run export [-- [folder] --out <file>]`: writes the provider registry (the folder, or
// PROVIDERS_DIR, or _data/providers) as Kong's single file, app/_data/plugins/ai-proxy.yaml, for
// Kong's seed template. Without --out, to stdout (`npm run --silent export > ai-proxy.yaml`).
// A mistake in the registry prints the check's messages and exits 1, writing nothing.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { kongRegistryText } from "../src/kong-registry/export-kong.ts";
import { dataErrorMessage } from "../src/registry/check.ts";

let parsed: { values: { out?: string }; positionals: string[] } | undefined;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
} catch {
  parsed = undefined; // an unknown option, or --out without a file
}
if (parsed === undefined || parsed.positionals.length > 1) {
  console.error("Usage: npm run export -- [folder] [--out <file>]");
  process.exitCode = 1;
} else {
  const out = parsed.values.out;
  const folder = parsed.positionals[0] ?? process.env.PROVIDERS_DIR ?? "_data/providers";
  try {
    const text = kongRegistryText(folder);
    if (out === undefined) process.stdout.write(text);
    else {
      writeFileSync(out, text);
      console.log(`Wrote ${out}: the registry in ${folder} in Kong's format.`);
    }
  } catch (error) {
    console.error(dataErrorMessage(error, folder));
    process.exitCode = 1;
  }
}
