import { evalToken, type Liquid, Tokenizer } from "liquidjs";
import type { Provider } from "../registry/model.ts";
import type { BuildData } from "./build-data.ts";

const USAGE = 'Write `{% providerReference "OpenAI" %}` (a provider\'s name or slug, then optionally an id prefix).';

const isProvider = (value: unknown): value is Provider =>
  typeof value === "object" && value !== null && "slug" in value && "groups" in value;

/** `{% providerReference "azure", "azure-" %}`: a provider's reference (by name, slug or alias), ids prefixed. */
export function registerProviderReferenceTag(eleventyConfig: any, data: BuildData): void {
  eleventyConfig.addLiquidTag("providerReference", (liquid: Liquid) => ({
    parse(this: any, token: { args: string }) {
      const tokenizer = new Tokenizer(token.args, liquid.options.operators);
      this.provider = tokenizer.readValue();
      if (!this.provider) throw new Error(`\`{% providerReference %}\` needs a provider. ${USAGE}`);
      tokenizer.skipBlank();
      if (tokenizer.peek() === ",") tokenizer.advance();
      this.prefix = tokenizer.readValue();
    },
    *render(this: any, context: any, emitter: unknown): Generator<unknown, void, any> {
      const value = yield evalToken(this.provider, context);
      let provider: Provider;
      if (isProvider(value)) provider = value;
      else if (typeof value === "string" && value !== "") provider = data.current.registry.get(value);
      else
        throw new Error(`\`{% providerReference %}\` got ${JSON.stringify(value ?? null)}, not a provider. ${USAGE}`);
      const prefix = this.prefix ? yield evalToken(this.prefix, context) : "";
      // The include every provider reference renders, on a provider page or embedded with the tag.
      this.templates ??= liquid.parseFileSync("provider-reference/reference.liquid");
      context.push({ provider, prefix: String(prefix ?? "") });
      try {
        yield liquid.renderer.renderTemplates(this.templates, context, emitter as any);
      } finally {
        context.pop();
      }
    },
  }));
}
