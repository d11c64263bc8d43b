// The reader's theme. Loaded (not deferred) in the head, so the remembered theme is on the
// root element before the first paint: no flash of the other one. Light and dark follow the
// system until the reader presses the toggle; the choice is remembered on this device.
(() => {
  const KEY = "theme";
  const root = document.documentElement;
  const system = matchMedia("(prefers-color-scheme: dark)");
  const apply = (theme) => {
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    else delete root.dataset.theme;
  };
  // Storage can be blocked (private modes, strict settings): then the choice lasts for the page.
  try {
    apply(localStorage.getItem(KEY));
  } catch {}
  const effective = () => root.dataset.theme ?? (system.matches ? "dark" : "light");

  // The toggle: a button the page ships `hidden` (it needs this script), "Dark theme" pressed or not.
  document.addEventListener("DOMContentLoaded", () => {
    const buttons = document.querySelectorAll("button[data-theme-toggle]");
    const show = () => {
      for (const button of buttons) button.setAttribute("aria-pressed", String(effective() === "dark"));
    };
    for (const button of buttons) {
      button.hidden = false;
      button.addEventListener("click", () => {
        const next = effective() === "dark" ? "light" : "dark";
        apply(next);
        try {
          localStorage.setItem(KEY, next);
        } catch {}
        show();
      });
    }
    show();
    system.addEventListener("change", show);
    // A choice made in another tab applies here too.
    addEventListener("storage", (event) => {
      if (event.key !== KEY) return;
      apply(event.newValue);
      show();
    });
  });
})();
