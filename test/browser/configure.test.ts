// The "Configure" disclosure of each capability row, in Chromium: closed at first, the five
// formats as tabs whose choice is remembered across pages (all but decK loaded from the
// provider's JSON), a copy button that puts exactly the configuration's text on
// the clipboard; and without JavaScript, the decK configuration and a link to the JSON.
import type { BrowserContext, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { GATEWAY_VERSIONS } from "../../src/gateway-catalogue.ts";
import { compareVersions } from "../../src/versions.ts";
import { browserSuiteRuns, type BrowserFixture, clipboardText, sharedBrowser } from "../helpers/browser.ts";

const configure = suite("configure");
const it = browserSuiteRuns("configure (tabs, copy buttons, without JavaScript)") ? configure : configure.skip;
const shared = sharedBrowser(configure);
/** The shipped site, served, and the browser. */
const fixture = {
  get: async (): Promise<BrowserFixture> => ({ ...(await shared.shippedSite()), browser: await shared.browser() }),
};

/** The formats in tab order, and the JSON API's key for each. */
const FORMATS = [
  ["deck", "deck"],
  ["admin-api", "admin_api"],
  ["konnect-api", "konnect_api"],
  ["kubernetes", "kubernetes"],
  ["terraform", "terraform"],
] as const;

interface ProviderJson {
  slug: string;
  compatible_with: string | null;
  capabilities: { id: string; config: (Record<string, unknown> & { older_versions: OlderJson[] }) | null }[];
}

interface OlderJson extends Record<string, unknown> {
  from: string;
  before: string;
}

/** The providers whose pages show configurations, from the JSON API: any shipped registry will do. */
async function configuredProviders(context: BrowserFixture): Promise<ProviderJson[]> {
  const response = await fetch(`${context.server.origin}/api/providers.json`);
  const all = ((await response.json()) as { providers: ProviderJson[] }).providers;
  return all.filter((p) => p.capabilities.some((c) => c.config));
}

async function newContext(context: BrowserFixture, javaScriptEnabled = true): Promise<BrowserContext> {
  const browser = await context.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
  if (javaScriptEnabled)
    await browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: context.server.origin });
  return browser;
}

async function open(browser: BrowserContext, context: BrowserFixture, url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${context.server.origin}${url}`);
  (page as any).errors = errors;
  return page;
}

/** Which panels of a disclosure show, and which tab is selected. */
const state = (page: Page, id: string) =>
  page.evaluate((id) => {
    // No named functions in here: the test's compiler would wrap them in a helper the page lacks.
    const details = document.getElementById(id)!;
    const shown = [...details.querySelectorAll("*")].filter((e) => (e as HTMLElement).offsetParent !== null);
    return {
      open: (details as HTMLDetailsElement).open,
      tablist: shown.some((e) => e.matches('[role="tablist"]')),
      panels: shown.filter((e) => e.matches(".config-panel")).map((p) => p.getAttribute("data-config-format")),
      selected: [...details.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) =>
        t.getAttribute("data-config-format"),
      ),
      headings: shown.filter((e) => e.matches(".config-heading")).length,
      buttons: shown.filter((e) => e.matches(".copy-button")).length,
    };
  }, id);

it("closed at first; opened, one format at a time, showing its configuration; copy copies exactly that", async () => {
  const context = await fixture.get();
  const [provider] = await configuredProviders(context);
  assert.ok(provider, "a shipped provider shows configurations");
  const browser = await newContext(context);
  const page = await open(browser, context, `/ai-providers/${provider!.slug}/`);
  const capabilities = provider!.capabilities.filter((c) => c.config);
  assert.is(await page.locator("details[id$='-config'][open]").count(), 0, "every disclosure starts closed");
  assert.is(await page.locator("details[id$='-config']").count(), capabilities.length);
  for (const [n, capability] of capabilities.entries()) {
    const id = `${capability.id}-config`;
    await page.click(`#${id} > summary`);
    assert.equal(await state(page, id), {
      open: true,
      tablist: true,
      panels: ["deck"],
      selected: ["deck"],
      headings: 0,
      buttons: 1,
    });
    for (const [format, key] of FORMATS) {
      await page.click(`#${id}-${format}-tab`);
      assert.equal((await state(page, id)).panels, [format]);
      const where = `${provider!.slug} ${capability.id} ${format}`;
      // Loaded from the provider's JSON (all but decK): waited for, then compared for a readable failure.
      await page
        .waitForFunction(
          ([element, text]) => document.getElementById(element!)?.textContent === text,
          [`${id}-${format}-code`, capability.config![key] as string],
          { timeout: 5000 },
        )
        .catch(() => {});
      assert.is(await page.locator(`#${id}-${format}-code`).textContent(), capability.config![key], where);
      // The copy button is one script for every panel: its copy is read back on the first capability's.
      if (n > 0) continue;
      await page.click(`#${id}-${format} .copy-button`);
      await page.waitForSelector(`#${id}-${format} .copy-button[data-copied]`);
      assert.is(await clipboardText(browser, context.server.origin), capability.config![key], where);
      await page.bringToFront();
    }
    // Back to decK for the next capability, by keyboard: Home on the focused tab.
    await page.focus(`#${id}-kubernetes-tab`);
    await page.keyboard.press("Home");
    assert.equal((await state(page, id)).selected, ["deck"]);
    assert.is(await page.evaluate(() => document.activeElement?.id), `${id}-deck-tab`);
  }
  assert.equal((page as any).errors, []);
  await browser.close();
});

it("the chosen format is remembered: every disclosure on this page and the next one shows it", async () => {
  const context = await fixture.get();
  const providers = await configuredProviders(context);
  assert.ok(providers.length >= 2, "two providers show configurations");
  const browser = await newContext(context);
  const first = await open(browser, context, `/ai-providers/${providers[0]!.slug}/`);
  const [a, b] = providers[0]!.capabilities.filter((c) => c.config);
  await first.click(`#${a!.id}-config > summary`);
  await first.focus(`#${a!.id}-config-deck-tab`);
  await first.keyboard.press("ArrowLeft");
  assert.equal((await state(first, `${a!.id}-config`)).selected, ["terraform"], "ArrowLeft wraps to the last tab");
  if (b) {
    await first.click(`#${b.id}-config > summary`);
    assert.equal((await state(first, `${b.id}-config`)).panels, ["terraform"]);
  }
  const next = await open(browser, context, `/ai-providers/${providers[1]!.slug}/`);
  const c = providers[1]!.capabilities.find((x) => x.config)!;
  await next.click(`#${c.id}-config > summary`);
  assert.equal((await state(next, `${c.id}-config`)).panels, ["terraform"]);
  await browser.close();
});

it("without JavaScript the disclosure opens on the decK configuration; the page links to the other four", async () => {
  const context = await fixture.get();
  const [provider] = await configuredProviders(context);
  const browser = await newContext(context, false);
  const page = await open(browser, context, `/ai-providers/${provider!.slug}/`);
  const capability = provider!.capabilities.find((c) => c.config)!;
  const id = `${capability.id}-config`;
  assert.is((await state(page, id)).open, false);
  await page.click(`#${id} > summary`);
  assert.equal(await state(page, id), {
    open: true,
    tablist: false,
    panels: ["deck"],
    selected: [],
    headings: 1,
    buttons: 0,
  });
  assert.is(await page.locator(`#${id}-deck-code`).textContent(), capability.config!.deck);
  // The paragraph before the tables names the other formats' keys and links to the JSON that holds them.
  const more = page.locator(".config-more");
  assert.ok(await more.isVisible());
  const text = (await more.textContent()) ?? "";
  for (const [, key] of FORMATS.slice(1)) {
    assert.match(text, key);
    assert.type(capability.config![key], "string");
  }
  assert.is(await more.locator("a").getAttribute("href"), `/api/providers/${provider!.slug}.json`);
  // The version picker needs the script: without it every version is shown, nothing marked.
  assert.is(await page.locator("[data-version-picker]").isVisible(), false);
  assert.is(await page.locator(".needs-newer").count(), 0);
  await browser.close();
});

it("when the JSON cannot be loaded, the panel says so and links to it", async () => {
  const context = await fixture.get();
  const [provider] = await configuredProviders(context);
  const browser = await newContext(context);
  await browser.route("**/api/providers/*.json", (route) => route.fulfill({ status: 503, body: "" }));
  const page = await browser.newPage();
  await page.goto(`${context.server.origin}/ai-providers/${provider!.slug}/`);
  const capability = provider!.capabilities.find((c) => c.config)!;
  const id = `${capability.id}-config`;
  await page.click(`#${id} > summary`);
  await page.click(`#${id}-admin-api-tab`);
  await page.waitForSelector(`#${id}-admin-api [data-config-failed]:not([hidden])`);
  assert.match((await page.locator(`#${id}-admin-api`).textContent()) ?? "", "could not be loaded");
  const link = page.locator(`#${id}-admin-api [data-config-failed] a`);
  assert.is(await link.getAttribute("href"), `/api/providers/${provider!.slug}.json`);
  assert.is(await page.locator(`#${id}-admin-api .copy-button`).isVisible(), false);
  await browser.close();
});

it("a provider with unconfirmed facts says so beside each configuration; a confirmed one does not", async () => {
  const context = await fixture.get();
  const browser = await newContext(context);
  const page = await browser.newPage();
  for (const provider of await configuredProviders(context)) {
    await page.goto(`${context.server.origin}/ai-providers/${provider.slug}/`);
    const configured = provider.capabilities.filter((c) => c.config);
    // What the page shows, read at once: each configuration's warnings (text, links), and the full warnings.
    const shown = await page.evaluate(
      (ids) => ({
        warnings: ids.map((id) =>
          [...document.querySelectorAll(`#${id}-config .config-unconfirmed`)].map((warning) => ({
            text: warning.textContent ?? "",
            links: [...warning.querySelectorAll("a")].map((a) => a.getAttribute("href")),
          })),
        ),
        full: [...document.querySelectorAll("#config-unconfirmed .callout-warning")].map((f) => f.textContent ?? ""),
      }),
      configured.map((c) => c.id),
    );
    configured.forEach((capability, i) => {
      const warnings = shown.warnings[i]!;
      const where = `${provider.slug} ${capability.id}`;
      if (capability.config!.confirmed) assert.is(warnings.length, 0, where);
      else {
        assert.is(warnings.length, 1, where);
        assert.match(warnings[0]!.text, /Unconfirmed/, where);
        // Its "why" leads to the full warning, once on the page, before the tables.
        assert.equal(warnings[0]!.links, ["#config-unconfirmed"], where);
      }
    });
    const unconfirmed = configured.some((c) => !c.config!.confirmed);
    assert.is(shown.full.length, unconfirmed ? 1 : 0, provider.slug);
    // An OpenAI-compatible provider is unconfirmed for another reason: Kong does not list it at all.
    const why = provider.compatible_with ? /Kong does not list this provider/ : /Enterprise-only/;
    if (unconfirmed) assert.match(shown.full[0]!, why);
  }
  await browser.close();
});

it("the reader's gateway version marks what needs a newer one, here, on the matrix and on the next page", async () => {
  const context = await fixture.get();
  const providers = await configuredProviders(context);
  const version = "3.12";
  const newer = (c: ProviderJson["capabilities"][number]) =>
    compareVersions(String(c.config!.gateway_version), version) > 0;
  // A provider with a capability that needs a newer gateway and one that does not: any shipped registry has one.
  const provider = providers.find((p) => p.capabilities.some(newer) && p.capabilities.some((c) => !newer(c)));
  assert.ok(provider, "a provider whose capabilities span the version");
  const browser = await newContext(context);
  const page = await open(browser, context, `/ai-providers/${provider!.slug}/`);
  await page.selectOption("#gateway-version", version);
  for (const capability of provider!.capabilities) {
    const row = page.locator(`tr#${capability.id}`);
    const marked = newer(capability);
    assert.is(await row.evaluate((r) => r.classList.contains("needs-newer")), marked, capability.id);
    const note = row.locator(".version-note");
    assert.is(await note.count(), marked ? 1 : 0, capability.id);
    if (marked) assert.is(await note.textContent(), `from ${capability.config!.gateway_version}; you run ${version}`);
  }
  // Remembered: the matrix marks its cells for the same version, and says so in each.
  const matrix = await open(browser, context, "/ai-providers/");
  assert.is(await matrix.locator("#gateway-version").inputValue(), version);
  const marks = matrix.locator("td.needs-newer");
  assert.ok((await marks.count()) > 0, "the matrix marks capabilities newer than 3.12");
  for (const text of await marks.locator(".version-note").allTextContents()) assert.match(text, `; you run ${version}`);
  // Compare marks its cells as it fills them.
  const other = providers.find((p) => p.slug !== provider!.slug)!;
  const compare = await open(browser, context, `/ai-providers/compare/?a=${provider!.slug}&b=${other.slug}`);
  await compare.waitForSelector("[data-compare-table] .needs-newer .version-note");
  assert.match((await compare.locator(".needs-newer .version-note").first().textContent()) ?? "", `you run ${version}`);
  // "Any version" takes every mark away, and that is remembered too.
  await matrix.selectOption("#gateway-version", "");
  assert.is(await matrix.locator(".needs-newer, .version-note").count(), 0);
  const again = await open(browser, context, `/ai-providers/${provider!.slug}/`);
  assert.is(await again.locator(".needs-newer").count(), 0);
  assert.equal(
    [page, matrix, compare, again].map((p) => (p as any).errors),
    [[], [], [], []],
  );
  await browser.close();
});

it("the configurations shown are the ones for the reader's version, in every format, copied as shown", async () => {
  const context = await fixture.get();
  const providers = await configuredProviders(context);
  // A capability whose configuration differs on older versions (an option a later gateway added).
  const provider = providers.find((p) => p.capabilities.some((c) => c.config?.older_versions.length));
  assert.ok(provider, "a shipped provider sets an option a later gateway version added");
  const capability = provider!.capabilities.find((c) => c.config?.older_versions.length)!;
  const older = capability.config!.older_versions[0]!;
  const browser = await newContext(context);
  const page = await open(browser, context, `/ai-providers/${provider!.slug}/`);
  const id = `${capability.id}-config`;
  await page.selectOption("#gateway-version", older.from);
  await page.click(`#${id} > summary`);
  const code = (format: string) => page.locator(`#${id}-${format}-code`);
  await page.waitForFunction(
    ([id, text]) => document.getElementById(`${id}-deck-code`)?.textContent === text,
    [id, older.deck as string],
  );
  for (const [format, key] of FORMATS) {
    await page.click(`#${id}-${format}-tab`);
    await page.waitForFunction(
      ([element, text]) => document.getElementById(element!)?.textContent === text,
      [`${id}-${format}-code`, older[key] as string],
    );
    await page.click(`#${id}-${format} .copy-button`);
    await page.waitForSelector(`#${id}-${format} .copy-button[data-copied]`);
    assert.is(await clipboardText(browser, context.server.origin), older[key], `${format} for ${older.from}`);
    await page.bringToFront();
  }
  // The newest version: the newest configuration, the decK one as the page has it.
  await page.selectOption("#gateway-version", GATEWAY_VERSIONS.at(-1)!);
  await page.click(`#${id}-deck-tab`);
  await page.waitForFunction(
    ([id, text]) => document.getElementById(`${id}-deck-code`)?.textContent === text,
    [id, capability.config!.deck as string],
  );
  assert.not.equal(await code("deck").textContent(), older.deck);
  assert.equal((page as any).errors, []);
  await browser.close();
});

configure.run();
