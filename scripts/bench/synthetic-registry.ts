// The benchmark's registries: the shipped files copied round-robin, each copy a valid provider
// of its own (numbered name, file named after its slug, no aliases: every copy repeating the
// original's aliases would be a clash), so a rename with aliases in the data cannot break it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseProviderSource } from "../../src/registry/load.ts";
import { slugify } from "../../src/registry/slug.ts";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Writes `count` copies of the files in `sourceDir` into `dir`: "OpenAI 0042" in `openai-0042.yaml`. */
export function writeSyntheticRegistry(sourceDir: string, dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(sourceDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(sourceDir, f), "utf8");
      const name = parseProviderSource(text, f).identity?.name;
      if (name === undefined) throw new Error(`${f}: no provider name to copy`);
      // Name and slug lines go; the copy's name is written in their place.
      const body = text.replace(/^(?:slug|aliases):.*\n(?:[ \t]+-.*\n)*/gm, "").replace(/^name:.*\n/m, "{name}\n");
      return { name, body };
    });
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const { name, body } = sources[i % sources.length]!;
    const copy = `${name} ${String(i + 1).padStart(width, "0")}`;
    writeFileSync(path.join(dir, `${slugify(copy)}.yaml`), body.replace("{name}", `name: ${quote(copy)}`));
  }
}
