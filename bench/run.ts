import { spawn } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchDatabaseLabel } from "./bench-database";
import type { BenchOptions, BenchSection, SectionResult } from "./bench-section";
import { SECTIONS } from "./sections";

// npm run bench [-- --only ingestion,chat] [--skip-retrieval] [--retrieval-data <BEIR folder>]
// Prints numbers only (no thresholds). Each section runs in its own process so peak RSS and warm caches belong
// to that section alone; the last line of output is one JSON object with every section's metrics.

const RESULT_MARKER = "@@bench-result ";
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

const { values } = parseArgs({
  options: {
    only: { type: "string", multiple: true },
    "skip-retrieval": { type: "boolean", default: false },
    "retrieval-data": { type: "string" },
    child: { type: "string" },
  },
});

const options: BenchOptions = {
  repoRoot,
  retrievalData: resolve(
    repoRoot,
    values["retrieval-data"] ?? process.env.BENCH_RETRIEVAL_DATA ?? "../shared/data/retrieval/cranfield",
  ),
};

if (values.child) await runChild(values.child);
else await runAll();

async function runChild(name: string): Promise<void> {
  const section = SECTIONS.find((candidate) => candidate.name === name);
  if (!section) throw new Error(`unknown section ${name}`);
  const run = await section.load();
  const result = await run(options);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
  // Stray handles (model runtimes, pools) must not keep a finished section alive.
  process.exit(0);
}

async function runAll(): Promise<void> {
  const wanted = (values.only ?? []).flatMap((list) => list.split(",")).map((name) => name.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !SECTIONS.some((section) => matches(section, name)));
  if (unknown.length > 0) {
    console.error(`unknown section(s) ${unknown.join(", ")}; choose from ${SECTIONS.map((s) => s.name).join(", ")}`);
    process.exit(2);
  }
  const selected = SECTIONS.filter(
    (section) =>
      (wanted.length === 0 || wanted.some((name) => matches(section, name))) &&
      !(values["skip-retrieval"] && section.name === "retrieval"),
  );

  const started = performance.now();
  const environment = {
    node: process.version,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    database: benchDatabaseLabel(process.env),
  };
  console.log(
    `Frontdesk bench — node ${environment.node}, ${environment.cpus} CPUs, ${environment.memoryGiB} GiB, ` +
      `load ${environment.loadAverage.join(" ")}, database ${environment.database}`,
  );

  const results: Record<string, unknown> = {};
  let failed = false;
  for (const section of selected) {
    console.log(`\n== ${section.title} ==`);
    const sectionStarted = performance.now();
    try {
      const result = await runInChild(section);
      for (const line of result.lines) console.log(line);
      results[section.name] = result.metrics;
    } catch (error) {
      failed = true;
      console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
      results[section.name] = { error: error instanceof Error ? error.message : String(error) };
    }
    console.log(`(${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)`);
  }
  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`\ntotal ${totalSeconds} s`);
  console.log(JSON.stringify({ bench: results, environment, totalSeconds }));
  process.exitCode = failed ? 1 : 0;
}

function matches(section: BenchSection, name: string): boolean {
  return section.name === name || section.name.startsWith(`${name}-`);
}

/** Runs one section in a fresh Node process with the same loader (tsx), relaying its output. */
function runInChild(section: BenchSection): Promise<SectionResult> {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, "--child", section.name];
  if (values["retrieval-data"]) args.push("--retrieval-data", values["retrieval-data"]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
    let result: SectionResult | undefined;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith(RESULT_MARKER)) result = JSON.parse(line.slice(RESULT_MARKER.length)) as SectionResult;
      else console.log(line);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (result) resolvePromise(result);
      else reject(new Error(`${section.name} exited with code ${code} and no result`));
    });
  });
}

