// The entry point of `npm run build`'s bundle (see scripts/build.mjs): this site's configuration, handed
// to eleventy.config.js, then Eleventy's own command line, unchanged, which loads eleventy.config.js.
globalThis[Symbol.for("ai-provider-reference.eleventy-config")] = require("../eleventy.config.ts");
require("../node_modules/@11ty/eleventy/cmd.cjs");
