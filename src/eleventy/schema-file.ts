import { existsSync } from "node:fs";
import path from "node:path";
import { SCHEMA_URL } from "../urls.ts";

/** Publishes the data files' JSON Schema when the repository has it; returns its URL then. */
export function registerSchemaFile(eleventyConfig: any, schemaFile: string): string | undefined {
  if (!existsSync(schemaFile)) return undefined;
  const source = path.relative(process.cwd(), schemaFile).split(path.sep).join("/");
  eleventyConfig.addPassthroughCopy({ [source]: SCHEMA_URL.slice(1) });
  return SCHEMA_URL;
}
