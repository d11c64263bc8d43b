import { existsSync } from "node:fs";
import path from "node:path";
import { SCHEMA_URL } from "../urls.ts";

/**
 * Publishes the data files' JSON Schema when the repository has it; returns its URL then (its
 * path in the output folder is that URL without the leading slash).
 * `copy` false: only the URL (a split build's helper process; the first process copies it).
 */
export function registerSchemaFile(eleventyConfig: any, schemaFile: string, copy = true): string | undefined {
  if (!existsSync(schemaFile)) return undefined;
  if (!copy) return SCHEMA_URL;
  const source = path.relative(process.cwd(), schemaFile).split(path.sep).join("/");
  eleventyConfig.addPassthroughCopy({ [source]: SCHEMA_URL.slice(1) });
  return SCHEMA_URL;
}
