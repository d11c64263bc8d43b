import { CAPABILITIES } from "../catalogue.ts";
import type { Provider } from "../registry/model.ts";
import { capabilityUrl, providerPageUrl } from "../urls.ts";
import { capabilitySince } from "../versions.ts";

// The rows of the capability matrix and its views, as the facts they show: `_includes/matrix/rows.liquid` lays
// them out, and the preview compares them to know which pages a save changed.

/** What the rows say about one provider, worked out once and shared by every view. */
export function providerFacts(provider: Provider) {
  const capabilities = provider.capabilities.map((capability) => ({
    key: capability.key,
    label: capability.label,
    href: capabilityUrl(provider, capability.id),
    since: capabilitySince(provider, capability),
    streaming: capability.streaming,
    capability,
  }));
  return {
    name: provider.name,
    href: providerPageUrl(provider),
    compatibleWith: provider.compatibleWith,
    capabilities,
    streams: capabilities.some((c) => c.streaming),
  };
}

export type ProviderFacts = ReturnType<typeof providerFacts>;
export type CapabilityFacts = ProviderFacts["capabilities"][number];

/** The full matrix's row: the provider, then a cell per capability in canonical order (`null`: not supported). */
export function matrixRow(facts: ProviderFacts) {
  const byKey = new Map(facts.capabilities.map((c) => [c.key, c]));
  const cells = CAPABILITIES.map((c) => {
    const cell = byKey.get(c.key);
    return cell ? { href: cell.href, since: cell.since, streaming: cell.streaming } : null;
  });
  return { kind: "all", name: facts.name, href: facts.href, compatibleWith: facts.compatibleWith, cells };
}

/** A capability view's row: the provider linked to the capability's row; version, streaming, model example. */
export function capabilityRow(c: CapabilityFacts & { provider: ProviderFacts }) {
  return {
    kind: "capability",
    name: c.provider.name,
    href: c.href,
    compatibleWith: c.provider.compatibleWith,
    since: c.since ?? c.capability.minVersion,
    /** Whether `since` is a version (not the data's own text, such as `n/a`). */
    known: c.since !== undefined,
    streaming: c.streaming,
    modelExample: c.capability.modelExample,
  };
}

/** The streaming view's row: the provider; its capabilities that stream. */
export function streamingRow(facts: ProviderFacts) {
  return {
    kind: "streaming",
    name: facts.name,
    href: facts.href,
    streams: facts.capabilities.filter((c) => c.streaming).map(({ href, label }) => ({ href, label })),
  };
}

/** A version view's row: the provider; what it offers on that version; what needs a newer one. */
export function versionRow(facts: ProviderFacts, later: (c: CapabilityFacts) => boolean) {
  return {
    kind: "version",
    name: facts.name,
    href: facts.href,
    compatibleWith: facts.compatibleWith,
    now: facts.capabilities.filter((c) => !later(c)).map(({ label }) => ({ label })),
    later: facts.capabilities.filter(later).map(({ label, since }) => ({ label, since })),
  };
}

export type MatrixRow =
  | ReturnType<typeof matrixRow>
  | ReturnType<typeof capabilityRow>
  | ReturnType<typeof streamingRow>
  | ReturnType<typeof versionRow>;
