// The gateway configuration's formats (decK, Admin API, Kubernetes) as tabs, as progressive
// enhancement. Without this script every format shows, under its own heading. With it, each
// `[data-config-formats]` group shows its tab list (shipped `hidden`) and one format at a time;
// the reader's choice applies to every group on the page and is remembered across pages (and
// across windows) in localStorage. Keyboard: the ARIA tabs pattern (arrows, Home, End).
(() => {
  const KEY = "ai-provider-reference:config-format";
  const groups = [...document.querySelectorAll("[data-config-formats]")];
  if (groups.length === 0) return;

  const tabsOf = (group) => [...group.querySelectorAll('[role="tab"][data-config-format]')];
  const panelsOf = (group) => [...group.querySelectorAll(".config-panel[data-config-format]")];
  const formats = tabsOf(groups[0]).map((tab) => tab.dataset.configFormat);

  function remembered() {
    try {
      const format = localStorage.getItem(KEY);
      return formats.includes(format) ? format : formats[0];
    } catch {
      // Storage blocked (a private window, a strict setting): the first format, every time.
      return formats[0];
    }
  }

  function remember(format) {
    try {
      localStorage.setItem(KEY, format);
    } catch {
      // Not remembered; the choice still holds on this page.
    }
  }

  /** Shows `format` in every group: its tab selected and focusable, its panel shown, the others hidden. */
  function show(format) {
    for (const group of groups) {
      for (const tab of tabsOf(group)) {
        const selected = tab.dataset.configFormat === format;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
      }
      for (const panel of panelsOf(group)) panel.hidden = panel.dataset.configFormat !== format;
    }
  }

  for (const group of groups) {
    const tabs = tabsOf(group);
    group.querySelector('[role="tablist"]').hidden = false;
    for (const panel of panelsOf(group)) {
      const tab = tabs.find((t) => t.dataset.configFormat === panel.dataset.configFormat);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      // The tab names the panel now; its heading would say it twice.
      for (const heading of panel.querySelectorAll(".config-heading")) heading.hidden = true;
    }
    group.addEventListener("click", (event) => {
      const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
      if (!tab || !group.contains(tab)) return;
      show(tab.dataset.configFormat);
      remember(tab.dataset.configFormat);
    });
    group.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(event.target);
      if (index === -1) return;
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
      show(next.dataset.configFormat);
      remember(next.dataset.configFormat);
      next.focus();
    });
  }

  show(remembered());
  // A choice made in another window of the site applies here too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY && formats.includes(event.newValue)) show(event.newValue);
  });
})();
