// A throwaway Jekyll site that renders the seed template over a registry: the site this project
// replaces, rebuilt so the benchmark can compare the two on the same data in the same run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { seedProviders } from "../../test/helpers/seed-data.ts";

/** Whether a `jekyll` command runs on this machine. */
export function jekyllVersion(): string | undefined {
  const result = spawnSync("jekyll", ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

// `to_check` is a filter of the seed's site: a check or cross icon with screen-reader text.
const toCheckPlugin = `module ToCheck
  def to_check(value)
    if value
      '<span class="check" aria-hidden="true">&#10003;</span><span class="sr-only">Supported</span>'
    else
      '<span class="cross" aria-hidden="true">&#10007;</span><span class="sr-only">Not supported</span>'
    end
  end
end
Liquid::Template.register_filter(ToCheck)
`;

const layout = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><main>
<h1>{{ page.title }}</h1>
{{ content }}
</main></body>
</html>
`;

/**
 * Writes a Jekyll site into `siteDir`: the registry as `_data/providers.yml` in the seed's
 * format, the seed as an include, the `to_check` filter as a plugin, and one Markdown page per
 * provider whose body includes the seed (kramdown turns its `{:.info}` callouts into classes).
 * Returns the number of provider pages.
 */
export function writeJekyllSite(siteDir: string, providersDir: string, seedFile: string): number {
  const providers = seedProviders(providersDir);
  for (const folder of ["_data", "_includes", "_layouts", "_plugins", "providers"])
    mkdirSync(path.join(siteDir, folder), { recursive: true });
  writeFileSync(path.join(siteDir, "_config.yml"), "title: Providers\nmarkdown: kramdown\n");
  writeFileSync(path.join(siteDir, "_data/providers.yml"), stringify({ providers }, { lineWidth: 0 }));
  copyFileSync(seedFile, path.join(siteDir, "_includes/provider-reference.liquid"));
  writeFileSync(path.join(siteDir, "_plugins/to_check.rb"), toCheckPlugin);
  writeFileSync(path.join(siteDir, "_layouts/default.html"), layout);
  providers.forEach((provider, index) => {
    // JSON strings are YAML double-quoted scalars: any name survives the front matter.
    const frontMatter = `---\nlayout: default\ntitle: ${JSON.stringify(provider.name)}\n---\n`;
    const body = "{% include provider-reference.liquid providers=site.data.providers provider_name=page.title %}\n";
    writeFileSync(path.join(siteDir, "providers", `provider-${index + 1}.md`), frontMatter + body);
  });
  return providers.length;
}
