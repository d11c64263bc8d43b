// Writes schema/provider.schema.json and the validator compiled from it (`npm run schema`).
// Run it after changing src/catalogue.ts or src/registry/provider-schema.ts; a test fails while
// the committed files are stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generatedSchemaFiles } from "../src/registry/schema-files.ts";

for (const [file, content] of Object.entries(generatedSchemaFiles())) {
  writeFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), content);
  console.log(`Wrote ${file}.`);
}
