// The reader's gateway version ("I run 3.12"), as progressive enhancement: the picker in the
// site header (`version-picker.liquid`), shown by this script, remembered in localStorage like
// the theme and applied across pages and windows. Each `[data-since]` element that needs a newer
// version gets the class `needs-newer` and a note ("from 3.13; you run 3.12") copied from the
// picker's template; choosing "any" removes them. Elements added later (the compare page's
// cells) are marked as they come. config-tabs.js reads the same key to show each capability's
// configuration for the version, and hears a change through the `gateway-version` event.
(() => {
  const KEY = "ai-provider-reference:gateway-version";
  const picker = document.querySelector("[data-version-picker]");
  const select = picker?.querySelector("select");
  const note = picker?.querySelector("template[data-version-note]");
  if (!picker || !select || !note) return;
  const versions = [...select.options].map((option) => option.value).filter(Boolean);

  /** Orders versions part by part: 3.9 < 3.10. */
  function compare(a, b) {
    const x = a.split(".").map(Number);
    const y = b.split(".").map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    }
    return 0;
  }

  function remembered() {
    try {
      const version = localStorage.getItem(KEY);
      return versions.includes(version) ? version : "";
    } catch {
      // Storage blocked: no version, every time.
      return "";
    }
  }

  function remember(version) {
    try {
      if (version) localStorage.setItem(KEY, version);
      else localStorage.removeItem(KEY);
    } catch {
      // Not remembered; the choice still holds on this page.
    }
  }

  let current = "";

  /** Marks one element for the current version, or unmarks it. */
  function mark(element) {
    const since = element.dataset.since;
    const newer = current !== "" && compare(since, current) > 0;
    // In a row, the note goes in its first cell, beside the capability's name.
    const host = element instanceof HTMLTableRowElement ? element.cells[0] : element;
    host.querySelector(":scope > .version-note")?.remove();
    element.classList.toggle("needs-newer", newer);
    if (!newer) return;
    const copy = note.content.firstElementChild.cloneNode(true);
    copy.querySelector('[data-slot="since"]').textContent = since;
    copy.querySelector('[data-slot="version"]').textContent = current;
    host.append(" ", copy);
  }

  function apply(version) {
    current = version;
    select.value = version;
    for (const element of document.querySelectorAll("[data-since]")) mark(element);
    document.dispatchEvent(new CustomEvent("gateway-version", { detail: version }));
  }

  picker.hidden = false;
  select.addEventListener("change", () => {
    remember(select.value);
    apply(select.value);
  });
  // A choice made in another window of the site applies here too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) apply(remembered());
  });
  // Cells a script adds later (compare) are marked when they arrive; this script's own notes hold no `data-since`.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches("[data-since]")) mark(node);
        for (const element of node.querySelectorAll("[data-since]")) mark(element);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  apply(remembered());
})();
