// The gateway configuration's formats (decK, Admin API, Konnect API, Kubernetes, Terraform) as
// tabs, as progressive enhancement. The page carries each capability's decK configuration; the provider's JSON
// (`data-config-json`) holds all five formats. With this script, each
// `[data-config-formats]` group gets the tab list and a panel for each other format, copied from
// the page's `<template>`s (the markup is the template's, `configure-templates.liquid`); those
// panels are filled from the JSON the first time one is shown. The reader's choice applies to
// every group on the page and is remembered across pages (and windows) in localStorage.
// Keyboard: the ARIA tabs pattern (arrows, Home, End). With a gateway version chosen
// (version-choice.js), a capability whose configuration differs before some version
// (`data-config-older`: the versions its older configurations stop at) shows the one for that
// version, every format (decK too) from the JSON's `older_versions`.
(() => {
  const KEY = "ai-provider-reference:config-format";
  /** The reader's gateway version, as version-choice.js keeps it. */
  const VERSION_KEY = "ai-provider-reference:gateway-version";
  const groups = [...document.querySelectorAll("[data-config-formats]")];
  const tabsTemplate = document.querySelector("template[data-config-tabs-template]");
  const panelTemplate = document.querySelector("template[data-config-panel-template]");
  if (groups.length === 0 || !tabsTemplate || !panelTemplate) return;

  const formatTabs = [...tabsTemplate.content.querySelectorAll('[role="tab"][data-config-format]')];
  const formats = formatTabs.map((tab) => tab.dataset.configFormat);
  const names = Object.fromEntries(formatTabs.map((tab) => [tab.dataset.configFormat, tab.textContent]));
  /** Each format's key in a capability's `config` in the JSON API. */
  const jsonKeys = Object.fromEntries(formatTabs.map((tab) => [tab.dataset.configFormat, tab.dataset.configKey]));

  const tabsOf = (group) => [...group.querySelectorAll('[role="tab"][data-config-format]')];
  const panelsOf = (group) => [...group.querySelectorAll(".config-panel[data-config-format]")];

  function remembered() {
    try {
      const format = localStorage.getItem(KEY);
      return formats.includes(format) ? format : formats[0];
    } catch {
      // Storage blocked (a private window, a strict setting): the first format, every time.
      return formats[0];
    }
  }

  let version = "";
  try {
    version = localStorage.getItem(VERSION_KEY) ?? "";
  } catch {
    // Storage blocked: the newest configurations.
  }

  /** Orders versions part by part: 3.9 < 3.10. */
  function compareVersions(a, b) {
    const x = a.split(".").map(Number);
    const y = b.split(".").map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    }
    return 0;
  }

  /** Which configuration the group shows for the reader's version: an index in `older_versions`, or -1 (the newest). */
  function variantOf(group) {
    if (!/^\d+(?:\.\d+)*$/.test(version)) return -1;
    const befores = (group.dataset.configOlder ?? "").split(" ").filter(Boolean);
    return befores.findIndex((before) => compareVersions(version, before) < 0);
  }

  // A panel's text as the page has it (the decK configuration for the newest version), to put back.
  const inPage = new WeakMap();

  function remember(format) {
    try {
      localStorage.setItem(KEY, format);
    } catch {
      // Not remembered; the choice still holds on this page.
    }
  }

  // The provider's JSON, fetched once, when a format that is not in the page is first shown.
  const jsonUrls = new Map();
  function providerJson(url) {
    if (!jsonUrls.has(url))
      jsonUrls.set(
        url,
        fetch(url).then((response) => {
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          return response.json();
        }),
      );
    return jsonUrls.get(url);
  }

  /**
   * Fills a panel with its configuration for the reader's version from the JSON (once a version),
   * or says it could not; a panel of the page shows its own text for the newest version.
   */
  async function fill(group, panel) {
    const variant = String(variantOf(group));
    if (panel.dataset.configVariant === variant) return;
    panel.dataset.configVariant = variant;
    const code = panel.querySelector("code");
    const lazy = panel.dataset.configLazy !== undefined;
    if (!lazy) {
      if (!inPage.has(panel)) inPage.set(panel, code.textContent);
      if (variant === "-1") {
        code.textContent = inPage.get(panel);
        return;
      }
    }
    panel.dataset.configState = "loading";
    try {
      const json = await providerJson(group.dataset.configJson);
      // A newer choice of version came while this loaded: it fills the panel.
      if (panel.dataset.configVariant !== variant) return;
      const capability = json.capabilities.find((c) => c.id === group.dataset.configCapability);
      const config = variant === "-1" ? capability?.config : capability?.config?.older_versions?.[Number(variant)];
      const text = config?.[jsonKeys[panel.dataset.configFormat]];
      if (typeof text !== "string") throw new Error(`no ${panel.dataset.configFormat} configuration`);
      code.textContent = text;
      if (!lazy) {
        panel.dataset.configState = "loaded";
        return;
      }
      panel.querySelector("pre").hidden = false;
      panel.querySelector("[data-config-loading]").hidden = true;
      // copy.js shows the page's copy buttons when the clipboard is there; this one is new.
      if (navigator.clipboard) panel.querySelector(".copy-button").hidden = false;
      panel.dataset.configState = "loaded";
    } catch {
      // The page's own panel keeps its text; a copied one says the JSON could not be read.
      if (!lazy) return;
      panel.querySelector("[data-config-loading]").hidden = true;
      panel.querySelector("[data-config-failed]").hidden = false;
      panel.dataset.configState = "failed";
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
      // Filled when its disclosure is open; a closed one fills when it opens.
      if (group.closest("details")?.open) fillShown(group);
    }
  }

  /** Fills the group's shown panel for the reader's version (a panel of the page needs nothing for the newest). */
  function fillShown(group) {
    for (const panel of panelsOf(group)) if (!panel.hidden) fill(group, panel);
  }

  /** A copy of the panel template for `format` in the disclosure `configId` of the capability `label`; `jsonUrl` holds it. */
  function lazyPanel(format, configId, label, jsonUrl) {
    const panel = panelTemplate.content.firstElementChild.cloneNode(true);
    panel.id = `${configId}-${format}`;
    panel.dataset.configFormat = format;
    panel.dataset.configLazy = "";
    panel.querySelector("code").id = `${configId}-${format}-code`;
    panel.querySelector(".copy-button").dataset.copyTarget = `${configId}-${format}-code`;
    for (const link of panel.querySelectorAll('a[data-slot="json"]')) link.href = jsonUrl;
    for (const slot of panel.querySelectorAll('[data-slot="format"]')) slot.textContent = names[format];
    for (const slot of panel.querySelectorAll('[data-slot="capability"]')) slot.textContent = label;
    return panel;
  }

  for (const group of groups) {
    const details = group.closest("details");
    const configId = details.id;
    const label = details.querySelector("summary .visually-hidden")?.textContent.trim() ?? "";
    const tablist = tabsTemplate.content.firstElementChild.cloneNode(true);
    group.prepend(tablist);
    for (const format of formats) {
      if (!group.querySelector(`.config-panel[data-config-format="${format}"]`))
        group.append(lazyPanel(format, configId, label, group.dataset.configJson));
    }
    const tabs = tabsOf(group);
    for (const tab of tabs) {
      tab.id = `${configId}-${tab.dataset.configFormat}-tab`;
      tab.setAttribute("aria-controls", `${configId}-${tab.dataset.configFormat}`);
    }
    for (const panel of panelsOf(group)) {
      // The page's own panel shows the newest configuration as it is.
      if (panel.dataset.configLazy === undefined) panel.dataset.configVariant = "-1";
      const tab = tabs.find((t) => t.dataset.configFormat === panel.dataset.configFormat);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      // The tab names the panel now; its heading would say it twice.
      for (const heading of panel.querySelectorAll(".config-heading")) heading.hidden = true;
    }
    details.addEventListener("toggle", () => {
      if (details.open) fillShown(group);
    });
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
  // The reader's gateway version, chosen here or in another window (version-choice.js says so).
  document.addEventListener("gateway-version", (event) => {
    version = event.detail;
    for (const group of groups) if (group.closest("details")?.open) fillShown(group);
  });
  // A choice made in another window of the site applies here too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY && formats.includes(event.newValue)) show(event.newValue);
  });
})();
