import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { projectRoot } from "./build-site.ts";

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** The `[[headers]]` rules of netlify.toml, in order. */
export function netlifyHeaderRules(file = path.join(projectRoot, "netlify.toml")): HeaderRule[] {
  const config = parse(readFileSync(file, "utf8")) as { headers?: { for: string; values: Record<string, string> }[] };
  return (config.headers ?? []).map((rule) => ({ for: rule.for, values: rule.values }));
}

/** Netlify's path patterns: `*` matches anything (slashes too), `:name` one path segment. */
export function pathPattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]+)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** The headers Netlify would add to a response for this path: every matching rule's, later ones winning. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) if (pathPattern(rule.for).test(urlPath)) Object.assign(headers, rule.values);
  return headers;
}
