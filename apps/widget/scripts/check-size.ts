// `npm run size -w @frontdesk/widget`: re-checks the built dist/widget.js + dist/widget-panel.js against the budget.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { checkWidgetSize, widgetBudgetBytes } from "./gzip-size";

const dist = (name: string) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
const [launcher, panel] = await Promise.all(["widget.js", "widget-panel.js"].map((name) => readFile(dist(name)))).catch(() => {
  console.error("dist/ is incomplete: run npm run build -w @frontdesk/widget first");
  process.exit(1);
});
const report = checkWidgetSize(launcher!, panel!, widgetBudgetBytes());
for (const line of report.lines) console.log(line);
if (!report.ok) process.exit(1);
