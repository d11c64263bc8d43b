import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A file name with a hash of its content before the extension: `site.css` → `site.3f9c2a71b0.css`. */
export function fingerprint(name: string, content: string | Buffer): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/** Every file in the assets folder, by name, with its fingerprinted name. */
export function assetManifest(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [entry.name, fingerprint(entry.name, readFileSync(path.join(dir, entry.name)))]),
  );
}
