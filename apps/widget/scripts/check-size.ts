// `npm run size -w @frontdesk/widget`: re-checks the built dist/widget.js against the gzip budget.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { checkGzipSize, widgetBudgetBytes } from "./gzip-size";

const path = fileURLToPath(new URL("../dist/widget.js", import.meta.url));
const code = await readFile(path).catch(() => {
  console.error(`${path} is missing: run npm run build -w @frontdesk/widget first`);
  process.exit(1);
});
const report = checkGzipSize("widget.js", code, widgetBudgetBytes());
console.log(report.line);
if (!report.ok) process.exit(1);
