// npm run bench:answers -- <folder> [--questions questions.jsonl] [--show all|misses]
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "@frontdesk/api";
import { isRecordingSpans, resetSpans, spanTotals } from "@frontdesk/rag";
import { runAnswerSet } from "../../apps/api/test/support/answer-set";
import { client } from "../../apps/api/test/support/test-api";
import { openBenchApi } from "../open-bench-api";

/**
 * Answer quality of the embedded default (local embeddings, no language model: extractive answers) on an answer
 * set folder (documents + questions.jsonl, see ../shared/data/answers/harbor-dental/README.md). Prints each
 * question that missed (or every answer with --show all) on stderr, then one JSON line with the score.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { questions: { type: "string" }, show: { type: "string", default: "misses" } },
});
const folder = positionals[0];
if (!folder) {
  console.error("usage: npm run bench:answers -- <folder> [--questions <file in folder>] [--show all|misses|none]");
  process.exit(2);
}

const api = await openBenchApi();
let cpuAtFirstQuestion = process.cpuUsage();
try {
  const call = client(createApp(api.deps), api.tenant.apiKey);
  const { score, answers } = await runAnswerSet({
    deps: api.deps,
    call,
    tenant: api.tenant,
    folder: resolve(folder),
    ...(values.questions ? { questionsFile: values.questions } : {}),
    onAsking: () => {
      resetSpans();
      cpuAtFirstQuestion = process.cpuUsage();
    },
  });
  for (const answer of answers) {
    if (values.show === "none" || (values.show !== "all" && answer.ok)) continue;
    const expected = answer.expect ? answer.expect.join(" | ") : "(decline)";
    console.error(`${answer.ok ? "ok  " : "MISS"} ${answer.q}\n     expected: ${expected}\n     answer:   ${answer.answer.replace(/\s+/g, " ")}`);
  }
  // FRONTDESK_TIMING=1: where an answer's time went (spans overlap and nest; see packages/rag/src/timing).
  if (isRecordingSpans()) {
    const cpu = process.cpuUsage(cpuAtFirstQuestion);
    console.error(`${((cpu.user + cpu.system) / 1000 / answers.length).toFixed(1).padStart(8)} ms/answer  CPU of the process (all threads)`);
    for (const span of spanTotals()) {
      console.error(`${(span.totalMs / answers.length).toFixed(1).padStart(8)} ms/answer  ${String(span.count).padStart(4)}×  ${span.name}`);
    }
  }
  console.log(JSON.stringify(score));
} finally {
  await api.close();
}
