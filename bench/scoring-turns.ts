import { loadavg } from "node:os";
import { recordSpans, resetSpans, spanTotals, type TextIndexCache } from "@frontdesk/rag";
import type { ScoringStrategy } from "../packages/rag/src/retrieval/text-index";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";

export interface StrategyTimes {
  strategy: ScoringStrategy;
  summary: LatencySummary;
  /** Mean ms per item of each recorded span (`textIndex.*`, `hybrid.*`), "name ms, …". */
  means: string;
}

export interface TurnsResult {
  times: StrategyTimes[];
  /** Items whose results differed between strategies (they must not: all give the exact top k). */
  differing: number;
  load: string;
}

/**
 * Runs each item with each scoring strategy of the in-memory index in turn (`cache.options.scoring`; the order
 * alternates per item, so neither always runs first on a warm cache), on the one index the cache holds. `run`
 * returns a fingerprint of its results, compared across strategies. The first `warmup` items are not timed.
 */
export async function scoreInTurns<T>(cache: TextIndexCache, strategies: readonly ScoringStrategy[], items: readonly T[], warmup: number, run: (item: T) => Promise<string>): Promise<TurnsResult> {
  const samples = new Map(strategies.map((strategy) => [strategy, [] as number[]]));
  const steps = new Map(strategies.map((strategy) => [strategy, new Map<string, number>()]));
  const loads: number[] = [];
  let differing = 0;
  for (const [number, item] of items.entries()) {
    const found: string[] = [];
    for (const strategy of number % 2 === 0 ? strategies : [...strategies].reverse()) {
      cache.options.scoring = strategy;
      resetSpans();
      recordSpans(true);
      const begun = performance.now();
      found.push(await run(item));
      const elapsed = performance.now() - begun;
      recordSpans(false);
      if (number < warmup) continue;
      samples.get(strategy)!.push(elapsed);
      for (const span of spanTotals()) steps.get(strategy)!.set(span.name, (steps.get(strategy)!.get(span.name) ?? 0) + span.totalMs);
    }
    if (new Set(found).size > 1) differing += 1;
    loads.push(loadavg()[0]!);
  }
  const times = strategies.map((strategy) => {
    const summary = summarizeLatencies(samples.get(strategy)!);
    const means = [...steps.get(strategy)!].map(([name, total]) => `${name} ${(total / summary.count).toFixed(1)}`).join(", ");
    return { strategy, summary, means };
  });
  return { times, differing, load: `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` };
}
