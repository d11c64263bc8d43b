import type { CustomRecord } from "pagefind";
import type { Provider } from "../registry/model.ts";
import { plainText } from "../render/inline.ts";
import type { SiteConfig } from "../site-config.ts";
import { providerPageUrl } from "../urls.ts";
import { providerDescription } from "../render/describe.ts";

/** A provider page as site search reads it, in plain text from the registry rather than from the rendered HTML. */
export function providerSearchRecord(provider: Provider, site: SiteConfig): CustomRecord {
  const capabilities = provider.capabilities.map(
    (c) =>
      `${c.label}: route type ${c.routeType}, ${c.streaming ? "streaming" : "no streaming"}, ` +
      `model ${plainText(c.modelExample)}, from ${c.minVersion}.${c.note ? ` ${plainText(c.note.content)}` : ""}`,
  );
  const limitations = [...provider.limitations.providerSpecific, ...provider.limitations.statisticsLogging].map(
    plainText,
  );
  return {
    url: providerPageUrl(provider),
    language: site.language,
    meta: { title: provider.name },
    content: [providerDescription(provider, site), ...capabilities, ...limitations].join("\n"),
  };
}
