// Copy buttons, as progressive enhancement. The page ships them `hidden` (they need this
// script); any button with `data-copy-target` (the id of the element whose text it copies)
// or `data-copy-text` (the text itself) works, wherever it is and whenever it was added.
// A button with `data-copy-page` copies the text of the file it names (the page's Markdown twin),
// exactly; it replaces the link beside it (`data-copy-page-link`), which without JavaScript (or
// without a clipboard) leads to that file instead. When copying fails, the file opens.
// Each copy is announced in a status region ("Copied"), and the button says so for a moment.
(() => {
  const SHOWN_FOR = 2000;

  /** The status region the page provides (`[data-copy-status]`), or one made for it. */
  function statusRegion() {
    let region = document.querySelector("[data-copy-status]");
    if (!region) {
      region = document.createElement("p");
      region.setAttribute("role", "status");
      region.className = "visually-hidden";
      region.dataset.copyStatus = "";
      document.body.append(region);
    }
    return region;
  }

  function announce(control, ok) {
    const region = statusRegion();
    const words = ok
      ? (control.dataset.copiedLabel ?? "Copied")
      : (control.dataset.failedLabel ?? "Could not copy: select the text and copy it");
    // Emptied first, so the same words twice in a row are announced twice.
    region.textContent = "";
    requestAnimationFrame(() => {
      region.textContent = words;
    });
    if (!ok) return;
    const label = control.querySelector("[data-copy-label]") ?? control;
    const before = label.dataset.copyIdle ?? label.textContent;
    label.dataset.copyIdle = before;
    label.textContent = control.dataset.copiedLabel ?? "Copied";
    control.dataset.copied = "";
    clearTimeout(Number(control.dataset.copyTimer));
    control.dataset.copyTimer = String(
      setTimeout(() => {
        label.textContent = before;
        delete control.dataset.copied;
      }, SHOWN_FOR),
    );
  }

  const textOf = (button) => {
    if (button.dataset.copyText !== undefined) return button.dataset.copyText;
    const target = document.getElementById(button.dataset.copyTarget ?? "");
    return target ? target.textContent.trim() : null;
  };

  /** Copies a file's text. The clipboard gets a promise, so the click still counts as the gesture while it loads. */
  async function copyFile(url) {
    const text = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.text();
    });
    if (typeof ClipboardItem === "function" && navigator.clipboard.write) {
      const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    } else {
      await navigator.clipboard.writeText(await text);
    }
  }

  // Without the clipboard (a page not served over HTTPS) the buttons stay hidden and the links stay links.
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll(
    "button[data-copy-target], button[data-copy-text], button[data-copy-page]",
  ))
    button.hidden = false;
  for (const link of document.querySelectorAll("a[data-copy-page-link]")) link.hidden = true;

  document.addEventListener("click", async (event) => {
    const control = event.target instanceof Element ? event.target.closest("button") : null;
    if (!control) return;
    if (control.dataset.copyPage !== undefined) {
      const url = new URL(control.dataset.copyPage, location.href).href;
      try {
        await copyFile(url);
        announce(control, true);
      } catch {
        // Could not copy: open the file, as the link it stands for would.
        location.href = url;
      }
      return;
    }
    if (!control.matches("[data-copy-target], [data-copy-text]")) return;
    const text = textOf(control);
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      announce(control, true);
    } catch {
      announce(control, false);
    }
  });
})();
