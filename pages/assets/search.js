// Site search, as progressive enhancement: mounts Pagefind's search box in the header. Without
// JavaScript, or before the index is built (the dev server), every page reads the same.
const box = document.getElementById("site-search");
if (box) {
  const script = document.createElement("script");
  script.src = "/pagefind/pagefind-ui.js";
  script.addEventListener("load", () => {
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = "/pagefind/pagefind-ui.css";
    document.head.prepend(stylesheet);
    // eslint-disable-next-line no-undef
    new PagefindUI({
      element: box,
      showImages: false,
      showSubResults: true,
      translations: { placeholder: "Search providers" },
    });
    // Pagefind labels its input only with a title; give it a real accessible name.
    box.querySelector("input")?.setAttribute("aria-label", "Search providers");
  });
  document.head.append(script);
}
