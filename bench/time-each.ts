import { summarizeLatencies, type LatencySummary } from "./latency-summary";
import { progress } from "./progress";

/** Runs each input's request in order, one at a time; the first `warmup` are not timed. */
export async function timeEach(label: string, inputs: string[], request: (input: string) => () => Promise<void>, warmup: number): Promise<LatencySummary> {
  const report = progress(label, inputs.length);
  const samples: number[] = [];
  for (const [index, input] of inputs.entries()) {
    const started = performance.now();
    await request(input)();
    if (index >= warmup) samples.push(performance.now() - started);
    report(index + 1);
  }
  return summarizeLatencies(samples);
}
