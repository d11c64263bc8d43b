// `npm run check [-- --strict] [folder]`: validates the provider files and site settings without
// building, printing the same messages as the build. Exit 1 on errors, and with `--strict` (what
// CI runs) on warnings too; one summary line otherwise.
// The folder is the first other argument, or PROVIDERS_DIR, or _data/providers; the site settings
// are SITE_FILE, or _data/site.yaml. No stack trace for anything: checkData reports even our own
// bugs in one line.
import { checkData } from "../src/registry/check.ts";

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const folder = args.find((arg) => !arg.startsWith("--"));
const report = checkData(
  folder ?? process.env.PROVIDERS_DIR ?? "_data/providers",
  process.env.SITE_FILE ?? "_data/site.yaml",
  { strict },
);
(report.ok ? console.log : console.error)(report.lines.join("\n"));
if (!report.ok) process.exitCode = 1;
