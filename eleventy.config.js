// Eleventy 3.1 only looks for eleventy.config.{js,mjs,cjs}: this lets plain `npx @11ty/eleventy`
// (and Netlify's Eleventy preset) run the TypeScript configuration through tsx.
import { register } from "tsx/esm/api";

register();
const { default: configure, config } = await import("./eleventy.config.ts");

export default configure;
export { config };
