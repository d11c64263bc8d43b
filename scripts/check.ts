// `npm run check`: validates the provider files and site settings without building, printing
// the same messages as the build. Exit 1 on errors; one OK line otherwise.
// The folder is the first argument, or PROVIDERS_DIR, or _data/providers; the site settings are
// SITE_FILE, or _data/site.yaml. No stack trace for anything: checkData reports even our own bugs
// in one line.
import { checkData } from "../src/registry/check.ts";

const report = checkData(
  process.argv[2] ?? process.env.PROVIDERS_DIR ?? "_data/providers",
  process.env.SITE_FILE ?? "_data/site.yaml",
);
(report.ok ? console.log : console.error)(report.lines.join("\n"));
if (!report.ok) process.exitCode = 1;
