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
  provider(nameOrSlug: string): Provider;
  site(): SiteConfig;
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
    parse(this: any, token: { args: string }) {
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
      else if (typeof value === "string" && value !== "") provider = source.provider(value);
      else
        throw new Error(`\`{% providerReference %}\` got ${JSON.stringify(value ?? null)}, not a provider. ${USAGE}`);
      const prefix = this.prefix ? yield evalToken(this.prefix, context) : "";
      engine ??= createTemplateEngine("html", liquid.options.root[0]);
      return engine.renderFileSync(REFERENCE_INCLUDE, { provider, site: source.site(), prefix: String(prefix ?? "") });
    },
  };
}
