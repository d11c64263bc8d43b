// Eleventy 3.1 only looks for eleventy.config.{js,mjs,cjs}. This file compiles the TypeScript
// configuration, with the src/ modules it imports, into one ES module with esbuild (which tsx
// is built on) and loads that. Unlike registering tsx's loader hooks, it leaves Node loading
// every other module, Eleventy's own included, directly: a build starts about a second sooner.
// `npm run build`, `npm start`, `npx @11ty/eleventy` and Netlify all come through here.
import { rmSync } from "node:fs";
import { buildSync } from "esbuild";

const outfile = `.cache/eleventy.config.${process.pid}.mjs`;
buildSync({
  entryPoints: ["eleventy.config.ts"],
  absWorkingDir: import.meta.dirname,
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const compiled = await import(`./${outfile}`);
rmSync(new URL(outfile, import.meta.url));

export default compiled.default;
export const config = compiled.config;
