import { CAPABILITIES } from "../catalogue.ts";
import { pageHeadings } from "../page-headings.ts";
import { missingCapabilities } from "../provider-summary.ts";
import type { Provider } from "../registry/model.ts";
import { scriptJson } from "../script-json.ts";
import { capabilityViewUrl } from "../urls.ts";

/** Filters that hand a template facts as data for way-finding, which it lays out: the headings of a page. */
export const readerFilters = {
  /** `{% assign headings = content | pageHeadings %}`: the page's h2 and h3 with ids, for its contents. */
  pageHeadings: (html: string) => pageHeadings(String(html ?? "")),
  /** `{{ provider | missingCapabilities }}`: the catalogue's capabilities it lacks, each with the matrix's view. */
  missingCapabilities: (provider: Provider) => missingCapabilities(provider),
  /** `{{ value | scriptJson | raw }}`: JSON that cannot end the `<script type="application/ld+json">` it is in. */
  scriptJson: (value: unknown) => scriptJson(value),
};

/** The catalogue's capabilities as templates list them: key, label, row id and the matrix's view. */
export const catalogueCapabilities = CAPABILITIES.map((c) => ({
  key: c.key,
  id: c.id,
  label: c.label,
  viewUrl: capabilityViewUrl(c),
}));
