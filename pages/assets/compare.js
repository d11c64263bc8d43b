// The compare page: two providers side by side, built in the browser from the JSON API
// (`/api/providers/<slug>.json`). The page ships the pickers, the table of all capabilities
// and the words of its cells (`<template>` elements); this script fills them in and keeps the
// choice in the address (`?a=openai&b=anthropic`), so it can be shared. Without JavaScript
// the form and table stay hidden and the page's text links the matrix instead.
(() => {
  const form = document.querySelector("form[data-compare]");
  const table = document.querySelector("table[data-compare-table]");
  if (!form || !table) return;
  // The table shows in a region the page ships hidden (or the table itself, when it has none).
  const region = table.closest("[data-compare-region]") ?? table;
  const status = document.querySelector("[data-compare-status]");
  const pickers = { a: form.elements.namedItem("a"), b: form.elements.namedItem("b") };
  const template = (name) => document.getElementById(`compare-${name}`);
  const VERSION = /^\d+(?:\.\d+)*$/;
  const cache = new Map();

  // The page lists the providers once; the second picker gets a copy of the first's options.
  if (pickers.b.options.length === 0) for (const option of pickers.a.options) pickers.b.append(option.cloneNode(true));
  const known = new Set([...pickers.a.options].map((o) => o.value).filter(Boolean));

  const params = new URLSearchParams(location.search);
  for (const side of ["a", "b"]) {
    const slug = params.get(side);
    if (slug && known.has(slug)) pickers[side].value = slug;
  }

  /** A page address on this site from an absolute one in the JSON (whose origin is the deployed site's). */
  const local = (url) => {
    const parsed = new URL(url, location.href);
    return parsed.pathname + parsed.hash;
  };

  function load(slug) {
    if (!cache.has(slug)) {
      const request = fetch(`/api/providers/${encodeURIComponent(slug)}.json`).then((response) => {
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return response.json();
      });
      request.catch(() => cache.delete(slug));
      cache.set(slug, request);
    }
    return cache.get(slug);
  }

  /**
   * Fills a copy of a `<template>`: a `[data-field]` link gets the value as its address, an
   * element without children gets it as text, one given `true` stays as written; a field
   * without a value is removed.
   */
  function fill(name, fields) {
    const copy = template(name).content.cloneNode(true);
    for (const element of copy.querySelectorAll("[data-field]")) {
      const value = fields[element.dataset.field];
      if (value === undefined || value === null || value === false) element.remove();
      else if (element instanceof HTMLAnchorElement) element.href = value;
      else if (value !== true && element.childElementCount === 0) {
        // A code value breaks only after / . or -, as the site's own code does (with <wbr>).
        if (element.localName === "code") element.replaceChildren(...breakable(String(value)));
        else element.textContent = value;
      }
    }
    return copy;
  }

  /** The text's parts with a <wbr> after each / . or -: the only places a code value may break. */
  function breakable(text) {
    return text.split(/(?<=[/.-])/).flatMap((part, i) => (i === 0 ? [part] : [document.createElement("wbr"), part]));
  }

  function cell(provider, key) {
    const capability = provider.capabilities.find((c) => c.key === key);
    if (!capability) return fill("unsupported", {});
    // A capability's `n/a` minimum means the provider's own, as on the provider's page.
    const since = VERSION.test(capability.min_version)
      ? capability.min_version
      : VERSION.test(provider.min_version ?? "")
        ? provider.min_version
        : null;
    const supported = fill("supported", {
      link: local(capability.url),
      version: since !== null,
      since,
      streaming: capability.streaming,
      "no-streaming": !capability.streaming,
      "route-type": capability.route_type,
    });
    // version-choice.js marks it when the reader runs an older gateway.
    if (since !== null) supported.firstElementChild.dataset.since = since;
    return supported;
  }

  function show(message) {
    if (status) status.textContent = message ?? "";
  }

  let shown = 0;
  async function render() {
    const chosen = { a: pickers.a.value, b: pickers.b.value };
    const query = new URLSearchParams();
    for (const side of ["a", "b"]) if (chosen[side]) query.set(side, chosen[side]);
    const search = query.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
    const turn = ++shown;
    if (!chosen.a || !chosen.b) {
      region.hidden = true;
      show(template("choose")?.content.textContent.trim());
      return;
    }
    let providers;
    try {
      providers = await Promise.all([load(chosen.a), load(chosen.b)]);
    } catch {
      if (turn === shown) show(template("failed")?.content.textContent.trim());
      return;
    }
    // A newer choice was made while these loaded.
    if (turn !== shown) return;
    providers.forEach((provider, i) => {
      const head = table.querySelector(`thead [data-column="${i === 0 ? "a" : "b"}"]`);
      head.replaceChildren(
        fill("provider", {
          link: local(provider.page_url),
          name: provider.name,
          "openai-driver": provider.compatible_with === "openai",
        }),
      );
    });
    for (const row of table.tBodies[0].rows) {
      const key = row.dataset.capability;
      row.cells[1].replaceChildren(cell(providers[0], key));
      row.cells[2].replaceChildren(cell(providers[1], key));
    }
    region.hidden = false;
    show(fill("shown", { a: providers[0].name, b: providers[1].name }).textContent.trim());
  }

  form.addEventListener("change", render);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    render();
  });
  form.hidden = false;
  render();
})();
