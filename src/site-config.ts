import { byPosition, describe, isMapping, quoteCode, RegistryError } from "./registry/errors.ts";
import { ProblemCollector } from "./registry/problem-collector.ts";
import { displayPath, readDataFile } from "./registry/read-files.ts";
import { checkTextValues } from "./registry/text-rules.ts";
import { parseYaml } from "./registry/yaml-file.ts";

/** Each required setting with a value that sets it well: the messages' examples, the dev server's stand-ins. */
export const EXAMPLE_SITE = {
  title: "AI provider reference",
  product: "Kong AI Gateway",
  pluginDocsUrl: "https://developer.konghq.com",
  repositoryUrl: "https://github.com/example/ai-provider-reference",
  url: "https://ai-provider-reference.netlify.app",
  description: "Which AI providers ...",
};
const OPTIONAL = ["repositoryBranch", "language"] as const;
const ADDRESSES = ["pluginDocsUrl", "repositoryUrl", "url"];

/** `_data/site.yaml` has one or more mistakes; all of them are listed in one message. */
export class SiteConfigError extends RegistryError {
  override name = "SiteConfigError";
  constructor(problems: RegistryError["problems"]) {
    super(problems, "The site settings have");
  }
}

/** Reads and checks `_data/site.yaml` as strictly as a provider file; a SiteConfigError lists every mistake. */
export function loadSiteConfig(file: string, options: { root?: string } = {}) {
  const shown = displayPath(file, options.root);
  const missing = "expected the site settings (title, product, addresses). Restore the file from the repository.";
  const read = readDataFile(file, shown, missing);
  if (read.problem) throw new SiteConfigError([read.problem]);
  const parsed = parseYaml(read.source);
  const problems = new ProblemCollector(shown, parsed);
  for (const problem of parsed.problems) problems.add(problem.field, problem.message, { position: problem.position });
  const raw = parsed.value;
  if (!parsed.refused && !parsed.malformed && !isMapping(raw))
    problems.add(undefined, `found ${describe(raw)}, expected a mapping of site settings (\`title: ...\`).`, {
      position: { line: 1, column: 1 },
    });
  if (problems.problems.length > 0 || !isMapping(raw)) throw new SiteConfigError(problems.problems);
  const tooLong = checkTextValues(raw, problems);
  for (const [key, good] of Object.entries(EXAMPLE_SITE)) {
    const example = `${key}: '${good}'`;
    const value = raw[key];
    if (typeof value !== "string" || value.trim() === "")
      problems.add(
        key,
        value === undefined
          ? `missing, expected in the site settings. Add \`${example}\`.`
          : `found ${describe(value)}, expected text in quotes. Write \`${example}\`.`,
      );
    else if (ADDRESSES.includes(key)) {
      const mistake = !tooLong.has(key) && addressMistake(value, key !== "repositoryUrl");
      if (mistake)
        problems.add(
          key,
          `found ${describe(value)}, ${mistake}: it becomes a link on every page. Write \`${example}\`.`,
        );
    }
  }
  for (const key of OPTIONAL)
    if (raw[key] !== undefined && typeof raw[key] !== "string")
      problems.add(key, `found ${describe(raw[key])}, expected text in quotes, or no \`${key}\` at all.`);
  const { language = "en", repositoryBranch = "main" } = raw as Record<string, string | undefined>;
  if (typeof language === "string" && !tooLong.has("language") && !LANGUAGE_TAG.test(language))
    problems.add(
      "language",
      `found ${describe(language)}, expected a language tag (BCP 47) of at most 35 characters, like 'en' or ` +
        "'en-GB': it becomes the page's `lang`. Write `language: 'en'`.",
    );
  if (typeof repositoryBranch === "string" && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(repositoryBranch))
    problems.add(
      "repositoryBranch",
      `found ${describe(repositoryBranch)}, expected a branch name (letters, digits, \`.\`, \`_\`, \`/\`, \`-\`), ` +
        "like 'main'.",
    );
  if (problems.problems.length > 0) throw new SiteConfigError([...problems.problems].sort(byPosition));
  const text = (key: keyof typeof EXAMPLE_SITE) => raw[key] as string;
  const trim = (key: keyof typeof EXAMPLE_SITE) => text(key).replace(/\/+$/, "");
  return {
    title: text("title"),
    /** The product the providers plug into: "Kong AI Gateway". */
    product: text("product"),
    /** Origin of the plugin docs the pages link to, without a trailing slash. */
    pluginDocsUrl: trim("pluginDocsUrl"),
    repositoryUrl: trim("repositoryUrl"),
    repositoryBranch,
    /** The deployed site's origin, for absolute URLs (sitemap, Open Graph), no trailing slash. */
    url: trim("url"),
    language,
    description: text("description"),
  };
}

/** Site-wide settings from `_data/site.yaml`. */
export type SiteConfig = ReturnType<typeof loadSiteConfig>;

/** A language tag in the BCP 47 shape (`en`, `en-GB`, `zh-Hant-TW`); the subtag registry is not consulted. */
const LANGUAGE_TAG = /^(?=.{2,35}$)[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/;
/** A plain `https:` address: a lower-case host name, a port perhaps, and (where allowed) a path of plain segments. */
const PLAIN_ADDRESS = /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~-]+)*\/?$/;

/** What keeps a site address from being a plain `https:` address (an origin when `originOnly`). */
function addressMistake(value: string, originOnly: boolean): string | undefined {
  if (PLAIN_ADDRESS.test(value) && /\/\.{1,2}(?:\/|$)/.test(value))
    return "with a `.` or `..` part in its path, expected the path written out as it is meant";
  if (PLAIN_ADDRESS.test(value))
    return !originOnly || new URL(value).pathname === "/"
      ? undefined
      : "with a path, expected the site's origin alone (`https://` and the host)";
  if (!/^https:\/\//i.test(value)) return "expected an https: address";
  const rest = value.slice("https://".length);
  if (rest.split(/[/?#]/, 1)[0]!.includes("@"))
    return "with a user name or password in it, expected an address without them";
  if (rest.includes("?")) return "with a query (`?...`), expected an address without one";
  if (rest.includes("#")) return "with a fragment (`#...`), expected an address without one";
  if (rest.includes("//")) return "with a doubled slash (`//`) in its path, expected single slashes";
  const odd = /[^A-Za-z0-9.:/_~-]/.exec(rest)?.[0];
  if (odd !== undefined)
    return `with the character ${quoteCode(odd)}, expected only letters, digits, \`.\`, \`-\`, \`_\`, \`~\` and \`/\``;
  return "expected an https: address with a lower-case host name (and a port of digits)";
}
