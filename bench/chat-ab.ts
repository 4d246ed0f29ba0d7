// tsx bench/chat-ab.ts <kept database url> --chunks <n> --a <checkout> --b <checkout> [--chats 40] [--seed 909] [--corpus zipf]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { httpPoster } from "./http-poster";
import { summarizeLatencies } from "./latency-summary";
import { syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";

/**
 * Two checkouts' chat turns compared request by request on one kept database (BENCH_KEEP_DATABASE): each checkout
 * serves the bench API in its own process (its bench/serve-bench-api.ts; copy the script into an older checkout),
 * and every question goes to both, in alternating order, each a new conversation, both processes' background jobs
 * drained before the next question. So both see the same load, questions and database: the machine's swings,
 * which make separate runs incomparable here, fall on both alike. Prints p50/p95/mean per checkout, the median of
 * the paired differences, and each process's CPU per chat.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chunks: { type: "string" },
    a: { type: "string" },
    b: { type: "string" },
    chats: { type: "string", default: "40" },
    seed: { type: "string", default: "909" },
    corpus: { type: "string" },
  },
});
const url = positionals[0];
if (!url || !values.chunks || !values.a || !values.b) throw new Error("usage: tsx bench/chat-ab.ts <kept database url> --chunks <n> --a <checkout> --b <checkout>");
const corpus = syntheticCorpusKind(values.corpus);
const served = z.object({ url: z.string(), controlUrl: z.string(), apiKey: z.string(), botId: z.string(), textIndex: z.string() });

async function serve(checkout: string) {
  const child = spawn("npx", ["tsx", "bench/serve-bench-api.ts", url!, "--chunks", values.chunks!, "--corpus", corpus], {
    cwd: checkout,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (!line.startsWith("{")) continue;
    const info = served.parse(JSON.parse(line));
    const control = async (path: string, method = "POST") => (await fetch(`${info.controlUrl}${path}`, { method })).json() as Promise<unknown>;
    return { ...info, checkout, post: httpPoster(info.url, info.apiKey), control, stop: () => child.stdin!.end() };
  }
  throw new Error(`${checkout}: the bench API ended before it was ready`);
}

const [a, b] = await Promise.all([serve(values.a), serve(values.b)]);
try {
  const arms = [a, b];
  const WARMUP = 5;
  const questions = syntheticQuestions(Number(values.chats) + WARMUP, corpus, Number(values.seed));
  const samples = arms.map(() => [] as number[]);
  const cpuMs = async () => Promise.all(arms.map(async (arm) => z.object({ ms: z.number() }).parse(await arm.control("/cpu", "GET")).ms));
  let cpuStart = await cpuMs();
  const loadStart = loadavg()[0]!;
  for (const [index, question] of questions.entries()) {
    if (index === WARMUP) cpuStart = await cpuMs();
    const order = index % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const arm = arms[which]!;
      const started = performance.now();
      await arm.post("/api/v1/chat", { botId: arm.botId, message: question });
      if (index >= WARMUP) samples[which]!.push(performance.now() - started);
      await Promise.all(arms.map((each) => each.control("/drain")));
    }
  }
  const cpuEnd = await cpuMs();
  const n = samples[0]!.length;
  console.log(`chat turn by turn, ${values.chunks} chunks, ${n} chats each (+${WARMUP} warm-up), seed ${values.seed}, load ${loadStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  arms.forEach((arm, which) => {
    const s = summarizeLatencies(samples[which]!);
    const cpu = (cpuEnd[which]! - cpuStart[which]!) / n;
    console.log(`${"AB"[which]} ${arm.checkout}: p50 ${s.p50}  p95 ${s.p95}  mean ${s.mean}  max ${s.max} ms; CPU ${cpu.toFixed(1)} ms per chat (server process, background jobs included); ${arm.textIndex}`);
  });
  const differences = samples[1]!.map((value, i) => value - samples[0]![i]!).sort((x, y) => x - y);
  console.log(`B − A per question: median ${differences[Math.floor(differences.length / 2)]!.toFixed(1)} ms, B faster in ${differences.filter((d) => d < 0).length} of ${n}`);
} finally {
  a.stop();
  b.stop();
}
