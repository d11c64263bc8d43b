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
  const file = path.join(outputDir, PROVIDERS_JSON_URL);
  const { head, tail } = providersJsonFrame(site, providers.length, schemaUrl);
  const out = openSync(file, "w");
  try {
    // Read and written a few megabytes at a time: one await per file took 2.7 s at 10,000, this 0.3 s.
    let chunk: Buffer[] = [Buffer.from(head)];
    let size = 0;
    for (const [i, provider] of providers.entries()) {
      const own = readFileSync(path.join(outputDir, providerJsonUrl(provider)));
      // Each file ends in a newline; the list puts `,\n` between providers instead.
      if (i > 0) chunk.push(SEPARATOR);
      chunk.push(own.subarray(0, -1));
      size += own.length;
      if (size >= CHUNK_BYTES) {
        writeSync(out, Buffer.concat(chunk));
        chunk = [];
        size = 0;
      }
    }
    chunk.push(Buffer.from(tail));
    writeSync(out, Buffer.concat(chunk));
  } finally {
    closeSync(out);
  }
  return file;
}

/**
 * `/api/providers.json` written as the providers' own JSON is made, one provider after another in
 * registry order, when one process writes every twin: the same bytes as `writeProvidersJson`, without
 * reading the providers' files back (15 MB at 1,000 providers). Made with the number of providers
 * the file will hold; `add` each one's JSON (without its final newline), then `finish`.
 */
export class ProvidersJsonWriter {
  readonly file: string;
  private readonly fd: number;
  private readonly tail: string;
  private chunk: string[] = [];
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
    this.tail = tail;
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, "w");
    this.chunk.push(head);
  }

  add(json: string): void {
    if (this.added > 0) this.chunk.push(",\n");
    this.chunk.push(json);
    this.added++;
    this.size += json.length;
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

  /** Closes the file unfinished (the build failed: its staging folder is thrown away). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.chunk.join(""));
    this.chunk = [];
    this.size = 0;
  }
}
