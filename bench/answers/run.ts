// npm run bench:answers -- <folder> [--questions questions.jsonl] [--show all|misses] [--cpu-profile <file>] [--cold]
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "@frontdesk/api";
import { isRecordingSpans, localModelRuns, resetSpans, spanTotals, warmAnswering, warmEnglishWords, warmWordNet } from "@frontdesk/rag";
import { runAnswerSet } from "../../apps/api/test/support/answer-set";
import { client } from "../../apps/api/test/support/test-api";
import { saveCpuProfile, startCpuProfile, summarizeCpuProfile } from "../cpu-profile";
import { openBenchApi } from "../open-bench-api";

/**
 * Answer quality of the embedded default (local embeddings, no language model: extractive answers) on an answer
 * set folder (documents + questions.jsonl, see ../shared/data/answers/harbor-dental/README.md). Prints each
 * question that missed (or every answer with --show all) on stderr, then one JSON line with the score.
 * --cpu-profile samples the main thread while the questions are asked (not the ingestion), writes the profile
 * (DevTools' .cpuprofile) and prints its self time per answer by package and by function.
 * The word lists the API server reads once at start (apps/api/src/server.ts: the English word list and WordNet) are
 * read here before the documents are uploaded, as there, so a run's CPU per answer is what a running server spends
 * on a question, not a process's one-time load spread over the set's questions; FRONTDESK_TIMING=1 prints the load.
 * The server also answers a few made-up questions at start (warmAnswering: the answering code's regular expressions
 * compiled, its first JIT passes); so does this bench, unless --cold (a process's first answers, as before 2026-12-07).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { questions: { type: "string" }, show: { type: "string", default: "misses" }, "cpu-profile": { type: "string" }, cold: { type: "boolean", default: false } },
});
const folder = positionals[0];
if (!folder) {
  console.error("usage: npm run bench:answers -- <folder> [--questions <file in folder>] [--show all|misses|none]");
  process.exit(2);
}

const api = await openBenchApi();
let cpuAtFirstQuestion = process.cpuUsage();
let runsAtFirstQuestion = 0;
let profiling: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
try {
  const cpuAtWarmUp = process.cpuUsage();
  await Promise.all([warmEnglishWords(), warmWordNet()]);
  const warmUpCpu = process.cpuUsage(cpuAtWarmUp);
  const cpuAtWarmAnswering = process.cpuUsage();
  if (!values.cold) await warmAnswering();
  const warmAnsweringCpu = process.cpuUsage(cpuAtWarmAnswering);
  const call = client(createApp(api.deps), api.tenant.apiKey);
  const { score, answers } = await runAnswerSet({
    deps: api.deps,
    call,
    tenant: api.tenant,
    folder: resolve(folder),
    ...(values.questions ? { questionsFile: values.questions } : {}),
    onAsking: async () => {
      resetSpans();
      if (values["cpu-profile"]) profiling = await startCpuProfile();
      cpuAtFirstQuestion = process.cpuUsage();
      runsAtFirstQuestion = localModelRuns();
    },
  });
  if (profiling && values["cpu-profile"]) {
    const profile = await profiling.stop();
    saveCpuProfile(profile, values["cpu-profile"]);
    for (const line of summarizeCpuProfile(profile, answers.length, 40)) console.error(line);
  }
  for (const answer of answers) {
    if (values.show === "none" || (values.show !== "all" && answer.ok)) continue;
    const expected = answer.expect ? answer.expect.join(" | ") : "(decline)";
    console.error(`${answer.ok ? "ok  " : "MISS"} ${answer.q}\n     expected: ${expected}\n     answer:   ${answer.answer.replace(/\s+/g, " ")}`);
  }
  // FRONTDESK_TIMING=1: where an answer's time went (spans overlap and nest; see packages/rag/src/timing).
  if (isRecordingSpans()) {
    console.error(`${((warmUpCpu.user + warmUpCpu.system) / 1000).toFixed(1).padStart(8)} ms         CPU of the start-up word lists (once a process, before the uploads)`);
    console.error(`${((warmAnsweringCpu.user + warmAnsweringCpu.system) / 1000).toFixed(1).padStart(8)} ms         CPU of the start-up answering warm-up (once a process; none with --cold)`);
    const cpu = process.cpuUsage(cpuAtFirstQuestion);
    console.error(`${((cpu.user + cpu.system) / 1000 / answers.length).toFixed(1).padStart(8)} ms/answer  CPU of the process (all threads)`);
    console.error(`${((localModelRuns() - runsAtFirstQuestion) / answers.length).toFixed(2).padStart(8)} runs/answer  of the local model (graph runs, every thread; background jobs included)`);
    const wall = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    console.error(`${(wall[Math.floor((wall.length - 1) / 2)] ?? 0).toFixed(1).padStart(8)} ms         chat p50 (wall of each question's request)`);
    for (const span of spanTotals()) {
      console.error(`${(span.totalMs / answers.length).toFixed(1).padStart(8)} ms/answer  ${String(span.count).padStart(4)}×  ${span.name}`);
    }
  }
  console.log(JSON.stringify(score));
} finally {
  await api.close();
}
