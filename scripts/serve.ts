// `npm start [-- --port 8080] [-- --host 0.0.0.0]`: the preview. Eleventy watches and rebuilds through its
// programmatic API, as its own `--serve` does, and this serves the output folder on localhost only (Eleventy's
// dev server listens on every network interface, with no option to narrow it), reloading the open page after
// each build. A deleted data file rebuilds too (Eleventy's watcher only logs a deletion). A data mistake is shown
// on every page as a banner (`_includes/document/data-problems.liquid`) until the next good save.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { outputFolderFor } from "../src/eleventy/output-folder.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const host = option("host", "127.0.0.1");
const port = Number(option("port", "8080"));
const providersDir = path.resolve(process.env.PROVIDERS_DIR ?? "_data/providers");
// The preview's own folder (`_site.preview`): a build beside it never swaps it out.
const outputDir = outputFolderFor(process.env.ELEVENTY_OUTPUT ?? "_site", "watch").buildDir;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};
// The open page listens for builds and reloads (the preview only: the built site has no such script).
const RELOAD_SCRIPT = 'new EventSource("/__preview/events").onmessage = () => location.reload();\n';
const listeners = new Set<http.ServerResponse>();

const elev = new Eleventy(undefined, undefined, {
  quietMode: true,
  runMode: "watch",
  config(eleventyConfig: any) {
    // A save is taken once the file has stood still 30 ms (Eleventy waits 150 ms): editors write a data file at once.
    eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } });
    eleventyConfig.on("eleventy.after", () => {
      for (const listener of listeners) listener.write("data: built\n\n");
    });
  },
});
// One line a save (the plugin prints it, with each data mistake once): Eleventy's own file-by-file lines go.
elev.logger.overrideLogger({ log() {}, info() {}, warn() {}, error: console.error });
await elev.init();
const rebuild = await elev.watch();
elev.watcher.on("unlink", (file: string) => {
  if (path.resolve(file).startsWith(providersDir + path.sep)) void rebuild(file);
});

/** The file a request asks for, inside the output folder only; a folder's `index.html`. */
function fileFor(url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  const file = path.join(outputDir, pathname);
  if (file !== outputDir && !file.startsWith(outputDir + path.sep)) return undefined;
  const candidate = existsSync(file) && statSync(file).isDirectory() ? path.join(file, "index.html") : file;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

const server = http.createServer((request, response) => {
  const url = request.url ?? "/";
  if (url === "/__preview/events") {
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
    listeners.add(response);
    request.on("close", () => listeners.delete(response));
    return;
  }
  if (url === "/__preview/reload.js") {
    response.writeHead(200, { "Content-Type": TYPES[".js"]! }).end(RELOAD_SCRIPT);
    return;
  }
  let file: string | undefined;
  try {
    file = fileFor(url);
  } catch {
    file = undefined;
  }
  const notFound = path.join(outputDir, "404.html");
  const served = file ?? (existsSync(notFound) ? notFound : undefined);
  if (!served) {
    response.writeHead(404, { "Content-Type": TYPES[".txt"]! }).end("Not found\n");
    return;
  }
  const type = TYPES[path.extname(served)] ?? "application/octet-stream";
  response.writeHead(file ? 200 : 404, { "Content-Type": type, "Cache-Control": "no-store" });
  if (type.startsWith("text/html")) {
    const html = readFileSync(served, "utf8");
    response.end(html.replace("</body>", '<script src="/__preview/reload.js"></script></body>'));
  } else {
    createReadStream(served).pipe(response);
  }
});
server.listen(port, host, () => console.log(`Preview at http://${host === "127.0.0.1" ? "localhost" : host}:${port}/`));
process.on("SIGINT", async () => {
  server.close();
  await elev.stopWatch();
  process.exit(0);
});
