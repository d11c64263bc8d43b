/** Recognises text that looks like a credential. */

const KNOWN_FORMATS: readonly { what: string; pattern: RegExp }[] = [
  { what: "an API key", pattern: /\bsk-[A-Za-z0-9_-]{16,}/ },
  { what: "an AWS access key ID", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { what: "a Google API key", pattern: /\bAIza[A-Za-z0-9_-]{30,}/ },
  { what: "a Hugging Face token", pattern: /\bhf_[A-Za-z0-9]{20,}/ },
  { what: "an xAI key", pattern: /\bxai-[A-Za-z0-9]{20,}/ },
  { what: "a Databricks token", pattern: /\bdapi[0-9a-f]{32}/ },
  { what: "a Cerebras or Groq key", pattern: /\b(?:csk|gsk)[-_][A-Za-z0-9]{20,}/ },
  { what: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/ },
  { what: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----|"private_key"\s*:/ },
  { what: "a bearer token", pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{16,}/ },
];

// A run of 32 or more token characters; it is a secret when it mixes capitals, small letters and digits.
const LONG_TOKEN = /[A-Za-z0-9_+/=-]{32,}/g;

/** What a text's secret-looking part seems to be (`"an API key"`), or undefined when none does. */
export function secretLike(text: string): string | undefined {
  for (const { what, pattern } of KNOWN_FORMATS) if (pattern.test(text)) return what;
  for (const [token] of text.matchAll(LONG_TOKEN)) {
    if (/[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token)) return "a long random token";
  }
  return undefined;
}
