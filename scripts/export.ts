// `npm run export [-- [folder] --out <file>]`: writes the provider registry (the folder, or
// PROVIDERS_DIR, or _data/providers) as Kong's single file, app/_data/plugins/ai-proxy.yaml, for
// Kong's seed template. Without --out, to stdout (`npm run --silent export > ai-proxy.yaml`).
// A mistake in the registry prints the check's messages and exits 1, writing nothing.
import { writeFileSync } from "node:fs";
import { kongRegistryText } from "../src/kong-registry/export-kong.ts";
import { dataErrorMessage } from "../src/registry/check.ts";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt === -1 ? undefined : args[outAt + 1];
const folders = args.filter((arg, index) => !arg.startsWith("--") && (outAt === -1 || index !== outAt + 1));
const folder = folders[0] ?? process.env.PROVIDERS_DIR ?? "_data/providers";
if (folders.length > 1 || (outAt !== -1 && (out === undefined || out.startsWith("--")))) {
  console.error("Usage: npm run export -- [folder] [--out <file>]");
  process.exitCode = 1;
} else {
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
