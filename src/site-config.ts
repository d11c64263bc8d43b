import { lstatSync } from "node:fs";
import { byPosition, DataError, describe, formatProblem, quoteCode, type DataProblem } from "./registry/errors.ts";
import { ProblemCollector } from "./registry/problem-collector.ts";
import { displayPath, readDataFile } from "./registry/read-files.ts";
import { checkTextValues } from "./registry/text-rules.ts";
import { parseYaml } from "./registry/yaml-file.ts";

/** Site-wide settings from `_data/site.yaml`. */
export interface SiteConfig {
  title: string;
  /** The product the providers plug into: "Kong AI Gateway". */
  product: string;
  /** Origin of the plugin docs the pages link to, without a trailing slash. */
  pluginDocsUrl: string;
  repositoryUrl: string;
  repositoryBranch: string;
  /** The deployed site's origin, for absolute URLs (sitemap, Open Graph), no trailing slash. */
  url: string;
  language: string;
  description: string;
}

const REQUIRED = ["title", "product", "pluginDocsUrl", "repositoryUrl", "url", "description"] as const;
const OPTIONAL = ["repositoryBranch", "language"] as const;
const URL_FIELDS = ["pluginDocsUrl", "repositoryUrl", "url"] as const;
const EXAMPLES: Record<string, string> = {
  title: "title: 'AI provider reference'",
  product: "product: 'Kong AI Gateway'",
  pluginDocsUrl: "pluginDocsUrl: 'https://developer.konghq.com'",
  repositoryUrl: "repositoryUrl: 'https://github.com/example/ai-provider-reference'",
  url: "url: 'https://ai-provider-reference.netlify.app'",
  description: "description: 'Which AI providers ...'",
};

/** `_data/site.yaml` has one or more mistakes; all of them are listed in one message. */
export class SiteConfigError extends DataError {
  override name = "SiteConfigError";
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    const count = problems.length;
    super(
      `The site settings have ${count} error${count === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.problems = problems;
  }
}

export interface SiteConfigOptions {
  /** Paths in messages are relative to this folder (default: the working directory). */
  root?: string;
}

/** Reads and checks `_data/site.yaml` as strictly as a provider file; a SiteConfigError lists every mistake. */
export function loadSiteConfig(file: string, options: SiteConfigOptions = {}): SiteConfig {
  const shown = displayPath(file, options.root);
  const fail = (message: string): never => {
    throw new SiteConfigError([{ file: shown, message, severity: "error" }]);
  };
  if (!exists(file)) {
    fail("missing, expected the site settings (title, product, addresses). Restore the file from the repository.");
  }
  const read = readDataFile(file, shown);
  if (read.problem) throw new SiteConfigError([read.problem]);
  const source = read.source;
  const parsed = parseYaml(source);
  const collector = new ProblemCollector(shown, parsed);
  for (const problem of parsed.problems) collector.add(problem.field, problem.message, { position: problem.position });
  const raw = parsed.value;
  if (!parsed.refused && !parsed.malformed && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
    collector.add(undefined, `found ${describe(raw)}, expected a mapping of site settings (\`title: ...\`).`, {
      position: { line: 1, column: 1 },
    });
  }
  if (collector.problems.length > 0) throw new SiteConfigError(collector.problems);
  const settings = raw as Record<string, unknown>;
  const tooLong = checkTextValues(settings, collector);
  for (const key of REQUIRED) {
    const value = settings[key];
    if (typeof value === "string" && value.trim() !== "") continue;
    collector.add(
      key,
      value === undefined
        ? `missing, expected in the site settings. Add \`${EXAMPLES[key]}\`.`
        : `found ${describe(value)}, expected text in quotes. Write \`${EXAMPLES[key]}\`.`,
    );
  }
  for (const key of OPTIONAL) {
    const value = settings[key];
    if (value !== undefined && typeof value !== "string") {
      collector.add(key, `found ${describe(value)}, expected text in quotes, or no \`${key}\` at all.`);
    }
  }
  for (const key of URL_FIELDS) {
    const value = settings[key];
    if (typeof value !== "string" || value.trim() === "" || tooLong.has(key)) continue;
    const mistake = addressMistake(value, key !== "repositoryUrl");
    if (mistake) {
      collector.add(
        key,
        `found ${describe(value)}, ${mistake}: it becomes a link on every page. Write \`${EXAMPLES[key]}\`.`,
      );
    }
  }
  const language = settings.language;
  if (typeof language === "string" && !tooLong.has("language") && !LANGUAGE_TAG.test(language)) {
    collector.add(
      "language",
      `found ${describe(language)}, expected a language tag (BCP 47) of at most 35 characters, like 'en' or ` +
        "'en-GB': it becomes the page's `lang`. Write `language: 'en'`.",
    );
  }
  const branch = settings.repositoryBranch;
  if (typeof branch === "string" && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch)) {
    collector.add(
      "repositoryBranch",
      `found ${describe(branch)}, expected a branch name (letters, digits, \`.\`, \`_\`, \`/\`, \`-\`), like 'main'.`,
    );
  }
  if (collector.problems.length > 0) throw new SiteConfigError([...collector.problems].sort(byPosition));
  const text = (key: string) => settings[key] as string;
  const trim = (url: string) => url.replace(/\/+$/, "");
  return {
    title: text("title"),
    product: text("product"),
    pluginDocsUrl: trim(text("pluginDocsUrl")),
    repositoryUrl: trim(text("repositoryUrl")),
    repositoryBranch: (settings.repositoryBranch as string | undefined) ?? "main",
    url: trim(text("url")),
    language: (settings.language as string | undefined) ?? "en",
    description: text("description"),
  };
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch (error) {
    // Only a file that is not there is missing; one that cannot be read is reported as such when read.
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** A language tag in the BCP 47 shape (`en`, `en-GB`, `zh-Hant-TW`); the subtag registry is not consulted. */
const LANGUAGE_TAG = /^(?=.{2,35}$)[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/;
/** A plain `https:` address: a lower-case host name, a port perhaps, and (where allowed) a path of plain segments. */
const PLAIN_ADDRESS = /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~-]+)*\/?$/;

/** What keeps a site address from being a plain `https:` address (an origin when `originOnly`). */
function addressMistake(value: string, originOnly: boolean): string | undefined {
  if (PLAIN_ADDRESS.test(value) && /\/\.{1,2}(?:\/|$)/.test(value)) {
    return "with a `.` or `..` part in its path, expected the path written out as it is meant";
  }
  if (PLAIN_ADDRESS.test(value)) {
    if (!originOnly || new URL(value).pathname === "/") return undefined;
    return "with a path, expected the site's origin alone (`https://` and the host)";
  }
  if (!/^https:\/\//i.test(value)) return "expected an https: address";
  const rest = value.slice("https://".length);
  const host = rest.split(/[/?#]/, 1)[0]!;
  if (host.includes("@")) return "with a user name or password in it, expected an address without them";
  if (rest.includes("?")) return "with a query (`?...`), expected an address without one";
  if (rest.includes("#")) return "with a fragment (`#...`), expected an address without one";
  if (rest.includes("//")) return "with a doubled slash (`//`) in its path, expected single slashes";
  const odd = /[^A-Za-z0-9.:/_~-]/.exec(rest)?.[0];
  if (odd !== undefined) {
    return `with the character ${quoteCode(odd)}, expected only letters, digits, \`.\`, \`-\`, \`_\`, \`~\` and \`/\``;
  }
  return "expected an https: address with a lower-case host name (and a port of digits)";
}
