import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CAPABILITIES } from "../../src/catalogue.ts";
import { ROUTE_TYPES } from "../../src/gateway-catalogue.ts";
import { providerFiles } from "../../src/registry/load.ts";
import { generatedSchemaFiles } from "../../src/registry/schema-files.ts";
import { projectRoot } from "../helpers/build-site.ts";

const committed = (file: string) => readFileSync(path.join(projectRoot, file), "utf8");

test("the committed schema and validator are what `npm run schema` generates from the catalogue", () => {
  for (const [file, content] of Object.entries(generatedSchemaFiles())) {
    assert.ok(committed(file) === content, `${file} is stale: run \`npm run schema\` and commit the result`);
  }
});

test("the schema's capability keys and route types are the catalogue's", () => {
  const schema = JSON.parse(committed("schema/provider.schema.json"));
  const keys = Object.entries(schema.properties as Record<string, { properties?: object; allOf?: unknown }>).flatMap(
    ([key, value]) =>
      value.allOf
        ? [key]
        : ["audio", "image", "video"].includes(key)
          ? Object.keys(value.properties ?? {}).map((child) => `${key}.${child}`)
          : [],
  );
  assert.equal(
    keys,
    CAPABILITIES.map((c) => c.key),
  );
  assert.equal(schema.definitions.capability.properties.route_type.enum, [...ROUTE_TYPES]);
});

test("every shipped provider file starts with the schema line editors read", () => {
  for (const file of providerFiles(path.join(projectRoot, "_data/providers"))) {
    const first = readFileSync(file, "utf8").split("\n", 1)[0];
    assert.is(first, "# yaml-language-server: $schema=../../schema/provider.schema.json", path.basename(file));
  }
});

test.run();
