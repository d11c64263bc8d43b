import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { evalToken, type Liquid, Tokenizer } from "liquidjs";
import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { createTemplateEngine } from "./template-engine.ts";

/** The include every provider reference renders, on a provider page or embedded with the tag. */
const REFERENCE_INCLUDE = "provider-reference/reference";

const USAGE = 'Write `{% providerReference "OpenAI" %}` (a provider\'s name or slug, then optionally an id prefix).';

const isProvider = (value: unknown): value is Provider =>
  typeof value === "object" && value !== null && "slug" in value && "groups" in value;

/** What the tag needs from the build: a provider by name or slug (throwing when there is none), and the site. */
export interface ReferenceSource {
  /** `where`: the tag's place, `pages/embed.liquid:4:1`, for a message about it. */
  provider(nameOrSlug: string, where: string): Provider;
  site(): SiteConfig;
}

/** Where a tag stands in its file, front matter counted: `pages/embed.liquid:4:1`. */
function placeOf(token: { file?: string; input: string; begin: number }): string {
  let before = token.input.slice(0, token.begin);
  if (!token.file) return `(template):${before.split("\n").length}`;
  // Eleventy hands liquidjs the template without its front matter; the file has it.
  const source = existsSync(token.file) ? readFileSync(token.file, "utf8") : "";
  const start = source.indexOf(token.input);
  if (start > 0) before = source.slice(0, start) + before;
  const lines = before.split("\n");
  return (
    `${path.relative(process.cwd(), token.file).split(path.sep).join("/")}:${lines.length}:` +
    `${lines.at(-1)!.length + 1}`
  );
}

/**
 * The `providerReference` tag for a liquidjs engine: `{% providerReference "OpenAI" %}`,
 * `{% providerReference "azure", "azure-" %}`, or `{% providerReference provider %}`: a provider's whole
 * reference section from `_includes/provider-reference/reference.liquid`, ids prefixed. The include is
 * rendered in one synchronous pass by an engine of its own over the same includes and filters: liquidjs'
 * asynchronous mode awaits every tag and output, which made the reference cost twice as much. A missing
 * or unknown provider throws, and liquidjs names the template, line and column.
 */
export function providerReferenceTag(liquid: Liquid, source: ReferenceSource) {
  let engine: Liquid | undefined;
  return {
    parse(this: any, token: { args: string; file?: string; input: string; begin: number }) {
      this.place = placeOf(token);
      const tokenizer = new Tokenizer(token.args, liquid.options.operators);
      this.provider = tokenizer.readValue();
      if (!this.provider) throw new Error(`\`{% providerReference %}\` needs a provider. ${USAGE}`);
      tokenizer.skipBlank();
      if (tokenizer.peek() === ",") tokenizer.advance();
      this.prefix = tokenizer.readValue();
    },
    *render(this: any, context: any): Generator<unknown, string, any> {
      const value = yield evalToken(this.provider, context);
      let provider: Provider;
      if (isProvider(value)) provider = value;
      else if (typeof value === "string" && value !== "") provider = source.provider(value, this.place);
      else
        throw new Error(`\`{% providerReference %}\` got ${JSON.stringify(value ?? null)}, not a provider. ${USAGE}`);
      const prefix = this.prefix ? yield evalToken(this.prefix, context) : "";
      engine ??= createTemplateEngine("html", liquid.options.root[0]);
      // The self-hosted providers are the registry's, not the provider's: the page that embeds the tag names them.
      const selfHostedProviders = context.getSync(["selfHostedProviders"]);
      return engine.renderFileSync(REFERENCE_INCLUDE, {
        provider,
        site: source.site(),
        prefix: String(prefix ?? ""),
        selfHostedProviders,
      });
    },
  };
}
