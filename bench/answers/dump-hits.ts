// tsx bench/answers/dump-hits.ts <folder> <out.json> [--questions <file>] [--show all|misses|none]
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "@frontdesk/api";
import { searchKnowledgeBases } from "@frontdesk/core";
import { readAnswerSetQuestions, runAnswerSet } from "../../apps/api/test/support/answer-set";
import { client } from "../../apps/api/test/support/test-api";
import { openBenchApi } from "../open-bench-api";

/**
 * For tuning answering without re-ingesting: ingests an answer set like bench:answers, then writes each question
 * with the hits chat retrieves for it (bot defaults: topK 8) to a JSON file that replay.ts answers offline. Prints
 * the set's score through chat (as bench:answers) on the way.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { questions: { type: "string", default: "questions.jsonl" }, show: { type: "string", default: "none" } } });
const [folder, out] = positionals;
if (!folder || !out) throw new Error("usage: tsx bench/answers/dump-hits.ts <folder> <out.json> [--questions <file>]");
const api = await openBenchApi();
try {
  const tenant = api.tenant;
  const questions = await readAnswerSetQuestions(join(resolve(folder), values.questions));
  // The set is answered through chat as bench:answers does (its score printed), then each question's hits dumped.
  const { score, answers } = await runAnswerSet({ deps: api.deps, call: client(createApp(api.deps), tenant.apiKey), tenant, folder: resolve(folder), questionsFile: values.questions });
  // --show prints chat's answers as bench:answers does, so one ingestion gives both the run and the dump.
  for (const answer of answers) {
    if (values.show === "none" || (values.show !== "all" && answer.ok)) continue;
    const expected = answer.expect ? answer.expect.join(" | ") : "(decline)";
    console.error(`${answer.ok ? "ok  " : "MISS"} ${answer.q}\n     expected: ${expected}\n     answer:   ${answer.answer.replace(/\s+/g, " ")}`);
  }
  console.log(JSON.stringify(score));
  const dumped = [];
  for (const question of questions) {
    const hits = await searchKnowledgeBases(tenant.ctx, { query: question.q, knowledgeBaseIds: [tenant.knowledgeBaseId], limit: 8 });
    dumped.push({ ...question, hits });
  }
  await writeFile(out, JSON.stringify(dumped, null, 1));
} finally {
  await api.close();
}
