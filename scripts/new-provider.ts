// `npm run new-provider -- "Example AI"`: writes _data/providers/example-ai.yaml, a valid file
// with every capability listed as not supported. Refuses to overwrite a file or to reuse a
// name, slug or alias, and writes nothing when it refuses. `--slug <slug>` sets the page's slug
// (for a name whose own slug the site keeps, such as "Streaming"); `--help` prints the usage.
// The folder is PROVIDERS_DIR, or _data/providers.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DataError } from "../src/registry/errors.ts";
import { planScaffold } from "../src/registry/scaffold.ts";

const USAGE = `Usage: npm run new-provider -- "Provider name" [--slug <slug>]

Writes _data/providers/<slug>.yaml (or into PROVIDERS_DIR), a valid file with every capability
listed as not supported; fill it in, then run \`npm run check\`.

  --slug <slug>  The page's slug (lower-case letters, digits and hyphens), written into the file
                 as \`slug:\`; by default it is made from the name.
  --help, -h     Print this and write nothing.`;

const providersDir = process.env.PROVIDERS_DIR ?? "_data/providers";
try {
  const { values, positionals } = parseArgs({
    options: { slug: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    const { file, text } = planScaffold(positionals.join(" "), providersDir, process.cwd(), values.slug);
    writeFileSync(file, text, { flag: "wx" });
    const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
    console.log(`Created ${shown}. Fill in the base URL and the supported capabilities, then run \`npm run check\`.`);
  }
} catch (error) {
  // parseArgs refuses an unknown option or a `--slug` without a value, with a code of its own.
  const usageMistake = (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  if (!(error instanceof DataError) && !usageMistake) throw error;
  console.error((error as Error).message);
  if (usageMistake) console.error(`\n${USAGE}`);
  process.exitCode = 1;
}
