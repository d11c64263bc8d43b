// Eleventy 3.1 looks only for eleventy.config.{js,mjs,cjs}: this loads the TypeScript configuration
// through tsx, for every command (`npm run build`, `npm start`, `npx @11ty/eleventy`, the tests).
import { tsImport } from "tsx/esm/api";

const configuration = await tsImport("./eleventy.config.ts", import.meta.url);

export default configuration.default;
export const config = configuration.config;
