// `npm run new-provider -- "Example AI"`: writes _data/providers/example-ai.yaml, a valid file
// with every capability listed as not supported. Refuses to overwrite a file or to reuse a
// name, slug or alias. The folder is PROVIDERS_DIR, or _data/providers.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DataError } from "../src/registry/errors.ts";
import { planScaffold } from "../src/registry/scaffold.ts";

const providersDir = process.env.PROVIDERS_DIR ?? "_data/providers";
try {
  const { file, text } = planScaffold(process.argv.slice(2).join(" "), providersDir);
  writeFileSync(file, text, { flag: "wx" });
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  console.log(`Created ${shown}. Fill in the base URL and the supported capabilities, then run \`npm run check\`.`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
