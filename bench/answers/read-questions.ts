// npx tsx bench/answers/read-questions.ts <folder>[=<questions file>] ... [--seed 1]
import { join, resolve } from "node:path";
import { createApp } from "@frontdesk/api";
import { ingestAnswerSet, readAnswerSetQuestions } from "../../apps/api/test/support/answer-set";
import { client, createTenant } from "../../apps/api/test/support/test-api";
import { openBenchApi } from "../open-bench-api";
import { searchedQuestion } from "../../packages/core/src/chat/turn-sources";
import { perturbQuestion } from "./perturb-question";
/**
 * How chat's search reads each question of answer sets (searchedQuestion: chat-speak, greetings and thanks off,
 * typos corrected against the set's knowledge base), as typed and perturbed (perturb-question.ts, seed 1): prints
 * every question the reading changes, marked A (answerable) or U (unanswerable), to check no word is corrected that
 * should not be.
 */
const api = await openBenchApi();
for (const [i, arg] of process.argv.slice(2).entries()) {
  const [folder, file = "questions.jsonl"] = arg.split("=");
  const tenant = i === 0 ? api.tenant : await createTenant(api.deps, `T${i}`);
  await ingestAnswerSet({ deps: api.deps, call: client(createApp(api.deps), tenant.apiKey), tenant, folder: resolve(folder!) });
  for (const q of await readAnswerSetQuestions(join(resolve(folder!), file))) {
    for (const text of [q.q, perturbQuestion(q.q, 1)]) {
      const read = await searchedQuestion(tenant.ctx, text, [tenant.knowledgeBaseId]);
      if (read !== text) console.log(`${arg.split("/").pop()} | ${q.expect ? "A" : "U"} | ${text} => ${read}`);
    }
  }
}
await api.close();
process.exit(0);
