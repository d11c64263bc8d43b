// Progressive enhancement: keeps a focused link in a sideways-scrolling table wholly in view,
// clear of the matrix's sticky header and provider column (the page's scroll-padding).
// Browsers scroll a focused element into view only when none of it shows; at a table's edge
// (or the window's, where the matrix is wider) a cell can take focus with a sliver showing.
// Without JavaScript that sliver still shows.
document.addEventListener("focusin", (event) => {
  const target = event.target;
  const region = target instanceof Element ? target.closest(".table-scroll, .matrix-region") : null;
  if (region && region !== target) target.scrollIntoView({ block: "nearest", inline: "nearest" });
});
