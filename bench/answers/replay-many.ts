// tsx bench/answers/replay-many.ts [--warm] [--cache <vectors.bin>] <results.json> <hits.json>…
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { answerQuestion, createEmbeddingsProvider, embedSentenceVectors, localModelRuns, warmAnswering, warmWordNet, type AnswerSource } from "@frontdesk/rag";
import { cachedEmbeddings } from "./vector-cache";

/**
 * replay.ts over many dumps (dump-hits.ts or dump-many.ts files) in one process: prints each file's score as one JSON
 * line and the totals, and writes every question's answer to <results.json>, so that two runs (before and after a
 * change) can be compared question by question. `--cache <vectors.bin>` keeps every embedded text's vector in that
 * file between runs (see vector-cache.ts): a replay of every English dev file then takes about a minute instead of
 * half an hour on a loaded machine.
 * The totals line also says how many times the local model ran per answer and the CPU (all threads) answering
 * took, the stored sentence vectors made for the replay aside (a run answered from --cache's file is no model run).
 * `--warm`: answers warmAnswering's made-up questions first, as the API server does at start.
 */
const warm = process.argv[2] === "--warm";
const args = process.argv.slice(warm ? 3 : 2);
const cacheFile = args[0] === "--cache" ? args[1] : undefined;
const [out, ...files] = cacheFile ? args.slice(2) : args;
if (!out || files.length === 0) throw new Error("usage: tsx bench/answers/replay-many.ts [--warm] [--cache <vectors.bin>] <results.json> <hits.json>…");
// WordNet in memory before the first question, as the API warms it at start (answer-question.ts uses it when loaded).
await warmWordNet();
if (warm) await warmAnswering();
const model = (await createEmbeddingsProvider(loadConfig({}))).embeddings;
const cached = cacheFile ? cachedEmbeddings(model, cacheFile) : undefined;
const embeddings = cached?.embeddings ?? model;
const storedVectors = new Map<string, Uint8Array>();
const results: Array<{ file: string; q: string; expect: string[] | null; ok: boolean; answer: string; decline?: unknown; signals?: unknown }> = [];
// FRONTDESK_DEBUG_DECLINE=1: the rule behind each decline (extractive-answer.ts writes it to stderr) is kept with the
// answer: the last one written while answering, the final composition's.
let lastDecline: unknown;
// …and the signals of the sentence each answer chose (answer-signals.ts), the final composition's.
let lastSignals: unknown;
const writeError = console.error;
console.error = (...args: unknown[]) => {
  const [first] = args;
  if (typeof first === "string" && first.startsWith("decline: ")) lastDecline = JSON.parse(first.slice("decline: ".length));
  else if (typeof first === "string" && first.startsWith("answer: ")) lastSignals = JSON.parse(first.slice("answer: ".length));
  else writeError(...args);
};
const totals = { answerable: 0, correct: 0, unanswerable: 0, declined: 0 };
const started = performance.now();
// The answers' own cost (the stored sentence vectors made above aside): local model runs and CPU (all threads).
const answering = { modelRuns: 0, cpuMs: 0 };
for (const file of files) {
  const dumped = JSON.parse(await readFile(file, "utf8")) as Array<{
    q: string;
    expect: string[] | null;
    hits: Array<AnswerSource & { title?: string }>;
  }>;
  const score = { file: basename(file), answerable: 0, correct: 0, unanswerable: 0, declined: 0 };
  for (const item of dumped) {
    const hits: AnswerSource[] = item.hits.map((hit) => ({ ...hit, documentTitle: hit.documentTitle ?? hit.title ?? "" }));
    let content = "";
    let cited = 0;
    lastDecline = undefined;
    lastSignals = undefined;
    // As chat does: the sentence vectors ingestion stored with each chunk (made once per chunk here).
    for (const hit of hits) if (!storedVectors.has(hit.chunkId)) storedVectors.set(hit.chunkId, (await embedSentenceVectors(embeddings, [hit.content]))[0]!);
    const [runsBefore, cpuBefore] = [localModelRuns(), process.cpuUsage()];
    for await (const event of answerQuestion({ question: item.q, history: [], hits, systemPrompt: "", chatModel: null, embeddings, sentenceVectors: storedVectors })) {
      if (event.type === "done") [content, cited] = [event.content, event.citations.length];
    }
    const cpu = process.cpuUsage(cpuBefore);
    answering.modelRuns += localModelRuns() - runsBefore;
    answering.cpuMs += (cpu.user + cpu.system) / 1000;
    const ok = item.expect === null ? cited === 0 : item.expect.some((phrase) => content.toLowerCase().includes(phrase.toLowerCase()));
    if (item.expect === null) [score.unanswerable, score.declined] = [score.unanswerable + 1, score.declined + (ok ? 1 : 0)];
    else [score.answerable, score.correct] = [score.answerable + 1, score.correct + (ok ? 1 : 0)];
    results.push({ file: basename(file), q: item.q, expect: item.expect, ok, answer: content, ...(cited === 0 && lastDecline ? { decline: lastDecline } : {}), ...(cited > 0 && lastSignals ? { signals: lastSignals } : {}) });
  }
  console.log(JSON.stringify(score));
  for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += score[key];
}
console.log(
  JSON.stringify({
    ...totals,
    msPerAnswer: Math.round((performance.now() - started) / results.length),
    modelRunsPerAnswer: Number((answering.modelRuns / results.length).toFixed(3)),
    answerCpuMs: Number((answering.cpuMs / results.length).toFixed(1)),
  }),
);
await writeFile(out, JSON.stringify(results, null, 1));
cached?.save();
process.exit(0);
