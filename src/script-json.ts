const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/;

/** A value as JSON that is safe inside an HTML `<script type="application/ld+json">` element. */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Most values have none of these: one search, and the five replacements only when one is there.
  if (typeof json === "string" && !UNSAFE_IN_SCRIPT.test(json)) return json;
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
