import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { BenchOptions, SectionResult } from "./bench-section";
import { formatTable } from "./format-table";

interface Metrics {
  ndcg10: number;
  recall10: number;
  mrr10: number;
}

/**
 * The retrieval helper's BEIR benchmark (bench/retrieval, `npm run bench:retrieval`), run as is: its own output
 * is relayed indented and its final JSON line becomes this section's metrics.
 */
export async function benchRetrievalQuality(options: BenchOptions): Promise<SectionResult> {
  if (!existsSync(options.retrievalData)) {
    return {
      lines: [`skipped: no BEIR collection at ${options.retrievalData} (pass --retrieval-data <folder>)`],
      metrics: { skipped: `missing ${options.retrievalData}` },
    };
  }
  const output = await runRetrievalBench(options);
  const last = output.findLast((line) => line.trim().startsWith("{"));
  if (!last) throw new Error("bench:retrieval printed no JSON result");
  const result = JSON.parse(last) as Record<string, unknown>;
  // Every system the retrieval bench reports (bm25, vector, fulltext, hybrid, …), in its order.
  const rows = Object.entries(result)
    .filter((entry): entry is [string, Metrics] => isMetrics(entry[1]))
    .map(([system, metrics]) => [system, metrics.ndcg10.toFixed(3), metrics.recall10.toFixed(3), metrics.mrr10.toFixed(3)]);
  return {
    lines: [
      // Its notes (collection, ingestion time, ratios) but not its table, which is redrawn below.
      ...output
        .filter((line) => line !== last && line.trim() !== "" && !/^(system\s|\w+(\s+[\d.]+){3})/.test(line))
        .map((line) => `  | ${line}`),
      "",
      formatTable(["system", "nDCG@10", "Recall@10", "MRR@10"], rows),
    ],
    metrics: result,
  };
}

function isMetrics(value: unknown): value is Metrics {
  return typeof value === "object" && value !== null && ["ndcg10", "recall10", "mrr10"].every((key) => typeof (value as Record<string, unknown>)[key] === "number");
}

function runRetrievalBench(options: BenchOptions): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "bench:retrieval", "--", options.retrievalData], {
      cwd: options.repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => lines.push(line));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(lines) : reject(new Error(`bench:retrieval exited with code ${code}`))));
  });
}
