import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { providersJsonFrame } from "../outputs/provider-json.ts";
import type { Provider } from "../registry/model.ts";
import type { SiteConfig } from "../site-config.ts";
import { PROVIDERS_JSON_URL, providerJsonUrl } from "../urls.ts";

const SEPARATOR = Buffer.from(",\n");
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes `/api/providers.json` into `outputDir` from the providers' own JSON files, already there
 * (written by this process or a split build's helpers), one at a time in registry order; returns its
 * path. Not a template: at 10,000 providers the file is 150 MB, which a page's content would hold in
 * memory (with every provider's JSON besides) until the build ends.
 */
export function writeProvidersJson(
  outputDir: string,
  providers: readonly Provider[],
  site: SiteConfig,
  schemaUrl?: string,
): string {
  const writer = new ProvidersJsonWriter(outputDir, providers.length, site, schemaUrl);
  try {
    for (const provider of providers) {
      // Each file ends in a newline; the list puts `,\n` between providers instead.
      writer.add(readFileSync(path.join(outputDir, providerJsonUrl(provider))).subarray(0, -1));
    }
    return writer.finish();
  } finally {
    writer.close();
  }
}

/**
 * `/api/providers.json`, one provider's JSON after another in registry order: from the providers'
 * files (`writeProvidersJson`), or as each is made when one process writes every twin, without reading
 * them back (15 MB at 1,000 providers). Made with the number of providers the file will hold; `add`
 * each one's JSON, then `finish`. Written a few megabytes at a time: one await per file took 2.7 s at
 * 10,000 providers, this 0.3 s.
 */
export class ProvidersJsonWriter {
  readonly file: string;
  private readonly fd: number;
  private readonly tail: Buffer;
  private chunk: Buffer[] = [];
  private size = 0;
  private added = 0;
  private closed = false;

  constructor(
    outputDir: string,
    private readonly count: number,
    site: SiteConfig,
    schemaUrl?: string,
  ) {
    this.file = path.join(outputDir, PROVIDERS_JSON_URL);
    const { head, tail } = providersJsonFrame(site, count, schemaUrl);
    this.tail = Buffer.from(tail);
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, "w");
    this.chunk.push(Buffer.from(head));
  }

  /** One provider's JSON, without a final newline: as text, or as the bytes of its file. */
  add(json: string | Buffer): void {
    const bytes = typeof json === "string" ? Buffer.from(json) : json;
    if (this.added > 0) this.chunk.push(SEPARATOR);
    this.chunk.push(bytes);
    this.added++;
    this.size += bytes.length;
    if (this.size >= CHUNK_BYTES) this.flush();
  }

  /** Writes the end of the file and closes it; returns its path. Throws when not every provider was added. */
  finish(): string {
    try {
      if (this.added !== this.count) {
        throw new Error(`/api/providers.json was given ${this.added} providers' JSON of ${this.count}`);
      }
      this.chunk.push(this.tail);
      this.flush();
    } finally {
      this.close();
    }
    return this.file;
  }

  /** Closes the file, finished or not (a failed build's staging folder is thrown away). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, Buffer.concat(this.chunk));
    this.chunk = [];
    this.size = 0;
  }
}
