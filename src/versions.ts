/** What the version functions read of a provider or capability: the model depends on this module, not the reverse. */
type Versioned = { minVersion?: string };
type WithCapabilities = Versioned & { capabilities: readonly Versioned[] };

const VERSION = /^\d+(?:\.\d+)*$/;

/** True for a gateway version such as `3.11`; false for `n/a` or anything else. */
export function isVersion(text: string | undefined): text is string {
  return text !== undefined && VERSION.test(text);
}

/** Orders gateway versions numerically, part by part: `3.6` < `3.9` < `3.11` (a missing part counts as 0). */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The first gateway version a capability works on: its own `min_version`, else (for `n/a`) the provider's. */
export function capabilitySince(provider: Versioned, capability: Versioned): string | undefined {
  if (isVersion(capability.minVersion)) return capability.minVersion;
  return isVersion(provider.minVersion) ? provider.minVersion : undefined;
}

/** The first gateway version a provider works on: its own `min_version`, else the earliest of its capabilities'. */
export function providerSince(provider: WithCapabilities): string | undefined {
  if (isVersion(provider.minVersion)) return provider.minVersion;
  return provider.capabilities
    .map((c) => c.minVersion)
    .filter(isVersion)
    .sort(compareVersions)[0];
}

/** Every distinct version named in the providers' `min_version` fields, oldest first. */
export function distinctVersions(providers: readonly WithCapabilities[]): string[] {
  const named = providers.flatMap((p) => [p.minVersion, ...p.capabilities.map((c) => c.minVersion)]);
  return [...new Set(named.filter(isVersion))].sort(compareVersions);
}
