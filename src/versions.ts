import type { Provider, ProviderCapability } from "./registry/model.ts";

const VERSION = /^\d+(?:\.\d+)*$/;

/** True for a gateway version such as `3.11`; false for `n/a` or anything else. */
export function isVersion(text: string | undefined): text is string {
  return text !== undefined && VERSION.test(text);
}

/** Orders gateway versions numerically, part by part: `3.6` < `3.9` < `3.11`. */
export function compareVersions(a: string, b: string): number {
  // A part of each at a time, without splitting (every capability's configuration compares versions).
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let left = 0;
    let right = 0;
    if (i < a.length) {
      const end = partEnd(a, i);
      left = wholeNumber(a, i, end);
      i = end + 1;
    }
    if (j < b.length) {
      const end = partEnd(b, j);
      right = wholeNumber(b, j, end);
      j = end + 1;
    }
    if (left < 0 || right < 0) return partsCompare(a, b);
    if (left !== right) return left - right;
  }
  return 0;
}

/** Where the part of a version from `from` ends: its next dot, or the end. */
function partEnd(text: string, from: number): number {
  const dot = text.indexOf(".", from);
  return dot === -1 ? text.length : dot;
}

/** The digits of `text` from `from` to `end` as a number; -1 unless they are 1 to 15 digits. */
function wholeNumber(text: string, from: number, end: number): number {
  if (end === from || end - from > 15) return -1;
  let value = 0;
  for (let k = from; k < end; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `compareVersions` on any text: each part read as a number (`NaN` for one that is not). */
function partsCompare(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The first gateway version a capability works on: its own `min_version`, else (for `n/a`) the provider's. */
export function capabilitySince(provider: Provider, capability: ProviderCapability): string | undefined {
  if (isVersion(capability.minVersion)) return capability.minVersion;
  return isVersion(provider.minVersion) ? provider.minVersion : undefined;
}

/** The first gateway version a provider works on: its own `min_version`, else the earliest of its capabilities'. */
export function providerSince(provider: Provider): string | undefined {
  if (isVersion(provider.minVersion)) return provider.minVersion;
  let earliest: string | undefined;
  for (const capability of provider.capabilities) {
    if (
      isVersion(capability.minVersion) &&
      (earliest === undefined || compareVersions(capability.minVersion, earliest) < 0)
    ) {
      earliest = capability.minVersion;
    }
  }
  return earliest;
}

/** Every distinct version named in the providers' `min_version` fields, oldest first. */
export function distinctVersions(providers: readonly Provider[]): string[] {
  const seen = new Set<string>();
  for (const provider of providers) {
    if (isVersion(provider.minVersion)) seen.add(provider.minVersion);
    for (const capability of provider.capabilities)
      if (isVersion(capability.minVersion)) seen.add(capability.minVersion);
  }
  return [...seen].sort(compareVersions);
}
