import { COMPARE_URL, HOME_URL, LLMS_TXT_URL, MATRIX_URL, PROVIDERS_JSON_URL, SCHEMA_URL } from "../urls.ts";
import { addFrozenGlobalData } from "./global-data.ts";

/** Global data `urls`: the site's fixed addresses, as the outputs that link to them know them. */
export function registerUrlsData(eleventyConfig: any): void {
  addFrozenGlobalData(eleventyConfig, "urls", {
    home: HOME_URL,
    matrix: MATRIX_URL,
    compare: COMPARE_URL,
    llmsTxt: LLMS_TXT_URL,
    providersJson: PROVIDERS_JSON_URL,
    schema: SCHEMA_URL,
  });
}
