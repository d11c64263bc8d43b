import { test } from "uvu";
import * as assert from "uvu/assert";
import { breadcrumbList, indexLetter, SiteNavigation } from "../src/navigation.ts";
import type { Provider } from "../src/registry/model.ts";
import { testSite } from "./helpers/providers.ts";

/** Providers with only what navigation reads: names in registry order and slugs. */
const named = (names: string[]) =>
  names.map((name) => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") }) as Provider);

const shipped = named(["Anthropic", "Azure", "Cohere", "OpenAI"]);

test("up to the limit, the sidebar lists every provider and marks the page's own", () => {
  const nav = new SiteNavigation(shipped, testSite).forProvider({ slug: "azure" });
  assert.equal(nav.sidebar.entries, [
    { name: "Anthropic", url: "/ai-providers/anthropic/", current: false },
    { name: "Azure", url: "/ai-providers/azure/", current: true },
    { name: "Cohere", url: "/ai-providers/cohere/", current: false },
    { name: "OpenAI", url: "/ai-providers/openai/", current: false },
  ]);
  assert.equal([nav.sidebar.complete, nav.sidebar.total, nav.sidebar.position], [true, 4, 2]);
  assert.equal(nav.sidebar.letters, [], "no letter index when every provider is listed");
});

test("previous and next follow the registry's order, and stop at either end", () => {
  const site = new SiteNavigation(shipped, testSite);
  assert.equal(site.forProvider({ slug: "azure" }).previous, { name: "Anthropic", url: "/ai-providers/anthropic/" });
  assert.equal(site.forProvider({ slug: "azure" }).next, { name: "Cohere", url: "/ai-providers/cohere/" });
  assert.is(site.forProvider({ slug: "anthropic" }).previous, undefined);
  assert.is(site.forProvider({ slug: "openai" }).next, undefined);
});

test("breadcrumbs: Home, AI providers, the provider; and the same as BreadcrumbList JSON-LD", () => {
  const nav = new SiteNavigation(shipped, testSite).forProvider({ slug: "openai" });
  assert.equal(nav.breadcrumbs, [
    { name: "Home", url: "/" },
    { name: "AI providers", url: "/ai-providers/" },
    { name: "OpenAI", url: "/ai-providers/openai/" },
  ]);
  assert.equal(nav.breadcrumbList, {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [
      { "@type": "ListItem", position: 1, name: "Home", item: "https://site.example.com/" },
      { "@type": "ListItem", position: 2, name: "AI providers", item: "https://site.example.com/ai-providers/" },
      { "@type": "ListItem", position: 3, name: "OpenAI", item: "https://site.example.com/ai-providers/openai/" },
    ],
  });
  assert.equal(breadcrumbList([], testSite).itemListElement, []);
});

test("past the limit: the current provider's neighbours, a window as wide at either end", () => {
  const many = named(Array.from({ length: 40 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`));
  const site = new SiteNavigation(many, testSite, 10, 2);
  const names = (slug: string) => site.forProvider({ slug }).sidebar.entries.map((e) => e.name);
  assert.equal(names("p20"), ["P18", "P19", "P20", "P21", "P22"]);
  assert.equal(names("p01"), ["P01", "P02", "P03", "P04", "P05"]);
  assert.equal(names("p40"), ["P36", "P37", "P38", "P39", "P40"]);
  const middle = site.forProvider({ slug: "p20" }).sidebar;
  assert.equal(
    middle.entries.filter((e) => e.current).map((e) => e.name),
    ["P20"],
  );
  assert.equal([middle.complete, middle.total, middle.position], [false, 40, 20]);
});

test("past the limit: a letter index into the matrix's pages, each letter at the page of its first provider", () => {
  const names = ["1Bit", "Ábaco", "Alpha", "Beta", "Bravo", "Ceres", "delta", "Δέλτα", "Echo", "Zulu"];
  const site = new SiteNavigation(named(names), testSite, 3, 1, 4);
  assert.equal(site.forProvider({ slug: "beta" }).sidebar.letters, [
    { letter: "#", url: "/ai-providers/" },
    { letter: "A", url: "/ai-providers/" },
    { letter: "B", url: "/ai-providers/" },
    { letter: "C", url: "/ai-providers/page/2/" },
    { letter: "D", url: "/ai-providers/page/2/" },
    { letter: "Δ", url: "/ai-providers/page/2/" },
    { letter: "E", url: "/ai-providers/page/3/" },
    { letter: "Z", url: "/ai-providers/page/3/" },
  ]);
});

test("index letters: accents dropped, case folded, anything but a letter under #", () => {
  assert.equal(["openai", "Émile", " x", "01.AI", "_under", "", "Ωmega"].map(indexLetter), [
    "O",
    "E",
    "X",
    "#",
    "#",
    "#",
    "Ω",
  ]);
});

test("10,000 providers: each page's sidebar stays the same small size", () => {
  const many = named(Array.from({ length: 10_000 }, (_, i) => `Provider ${String(i).padStart(5, "0")}`));
  const site = new SiteNavigation(many, testSite);
  let entries = 0;
  for (const provider of many) entries += site.forProvider(provider).sidebar.entries.length;
  assert.is(entries, 10_000 * 11);
  assert.equal(
    site.letters.map((l) => l.letter),
    ["P"],
  );
});

test("an unknown provider is an error that names it", () => {
  assert.throws(() => new SiteNavigation(shipped, testSite).forProvider({ slug: "nope" }), /"nope"/);
});

test.run();
