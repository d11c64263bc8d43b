import { evalToken, Tokenizer } from "liquidjs";
import type { BuildState } from "./build-state.ts";

/** The include every provider reference renders, on a provider page or embedded with this tag. */
const REFERENCE_INCLUDE = "provider-reference/reference.liquid";

const USAGE = 'Write `{% providerReference "OpenAI" %}` (a provider\'s name or slug, then optionally an id prefix).';

/**
 * `{% providerReference "OpenAI" %}`, `{% providerReference "azure", "azure-" %}`: a provider's whole
 * reference section in any Liquid page, by name or slug, ids prefixed (the include the provider pages
 * render). A missing or unknown provider stops the build; liquidjs names the template, line and column.
 */
export function registerProviderReferenceTag(eleventyConfig: any, state: BuildState): void {
  eleventyConfig.addLiquidTag("providerReference", (liquid: any) => ({
    parse(this: any, token: { args: string }) {
      const tokenizer = new Tokenizer(token.args, liquid.options.operators);
      this.name = tokenizer.readValue();
      if (!this.name) throw new Error(`\`{% providerReference %}\` needs a provider. ${USAGE}`);
      tokenizer.skipBlank();
      if (tokenizer.peek() === ",") tokenizer.advance();
      this.prefix = tokenizer.readValue();
    },
    *render(this: any, context: unknown): Generator<unknown, string, any> {
      const name = yield evalToken(this.name, context as any);
      if (typeof name !== "string" || name === "") {
        throw new Error(`\`{% providerReference %}\` got ${JSON.stringify(name ?? null)}, not a provider. ${USAGE}`);
      }
      const prefix = this.prefix ? yield evalToken(this.prefix, context as any) : "";
      const { registry, site } = state.current;
      const provider = registry.get(name);
      return yield liquid.renderFile(REFERENCE_INCLUDE, { provider, site, prefix: String(prefix ?? "") });
    },
  }));
}
