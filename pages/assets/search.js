// Site search, as progressive enhancement: mounts Pagefind's search box in the header. Without
// JavaScript, or before the index is built (the dev server), every page reads the same.
// A large site's index is written as several bundles (src/eleventy/search-index.ts): the first at
// /pagefind/, the others listed in /pagefind/merged-bundles.json, and the search box merges them.
const box = document.getElementById("site-search");
if (box) {
  const merged = fetch("/pagefind/merged-bundles.json")
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []);
  const script = document.createElement("script");
  script.src = "/pagefind/pagefind-ui.js";
  script.addEventListener("load", async () => {
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = "/pagefind/pagefind-ui.css";
    document.head.prepend(stylesheet);
    const bundles = await merged;
    // eslint-disable-next-line no-undef
    new PagefindUI({
      element: box,
      showImages: false,
      showSubResults: true,
      translations: { placeholder: "Search providers" },
      mergeIndex: bundles.map((bundlePath) => ({ bundlePath })),
    });
    // Pagefind labels its input only with a title; give it a real accessible name.
    box.querySelector("input")?.setAttribute("aria-label", "Search providers");
  });
  document.head.append(script);
}
