// npx tsx bench/answers/noisy-questions.ts <folder>[=<questions file>] ... [--seed 1] [--show lost|all|none] [--write <dir>]
import { writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "@frontdesk/api";
import { askAnswerSet, ingestAnswerSet, readAnswerSetQuestions, type AnswerSetScore } from "../../apps/api/test/support/answer-set";
import { client, createTenant } from "../../apps/api/test/support/test-api";
import { openBenchApi } from "../open-bench-api";
import { perturbQuestion } from "./perturb-question";

/**
 * The clean → noisy gap of answer sets: each set is ingested once (its own tenant), then its questions are asked as
 * written and as a visitor might type them (perturb-question.ts, seeded), through chat like bench:answers. Prints,
 * per set, the questions lost or won by the wording (--show lost, default) and one JSON line with both scores.
 * `--write <dir>` also writes each set's noisy questions as `<set>.<file>` there (for dump-hits.ts --questions).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string", default: "1" }, show: { type: "string", default: "lost" }, write: { type: "string" } },
});
if (positionals.length === 0) {
  console.error("usage: npx tsx bench/answers/noisy-questions.ts <folder>[=<questions file>] ... [--seed 1] [--show lost|all|none] [--write <dir>]");
  process.exit(2);
}
const seed = Number(values.seed);
const brief = (score: AnswerSetScore) => ({ correct: score.correct, answerable: score.answerable, declined: score.declined, unanswerable: score.unanswerable, msPerAnswer: score.msPerAnswer });

const api = await openBenchApi();
try {
  const app = createApp(api.deps);
  for (const [index, argument] of positionals.entries()) {
    const [folderArgument, file = "questions.jsonl"] = argument.split("=");
    const folder = resolve(folderArgument!);
    const tenant = index === 0 ? api.tenant : await createTenant(api.deps, `Noisy ${index}`);
    const call = client(app, tenant.apiKey);
    const questions = await readAnswerSetQuestions(join(folder, file));
    const noisyQuestions = questions.map((question) => ({ ...question, q: perturbQuestion(question.q, seed) }));
    if (values.write) await writeFile(join(values.write, `${basename(folder)}.${file}`), noisyQuestions.map((question) => JSON.stringify(question)).join("\n") + "\n");
    await ingestAnswerSet({ deps: api.deps, call, tenant, folder });
    const clean = await askAnswerSet({ call, tenant, folder, questions });
    const noisy = await askAnswerSet({ call, tenant, folder, questions: noisyQuestions });
    for (const [at, answer] of noisy.answers.entries()) {
      const before = clean.answers[at]!;
      const show = values.show === "all" || (values.show === "lost" && before.ok !== answer.ok);
      if (!show) continue;
      const mark = before.ok === answer.ok ? (answer.ok ? "ok  " : "MISS") : answer.ok ? "WON " : "LOST";
      console.error(`${mark} ${before.q}\n     noisy:    ${answer.q}\n     expected: ${answer.expect?.join(" | ") ?? "(decline)"}\n     answer:   ${answer.answer.replace(/\s+/g, " ").slice(0, 200)}`);
    }
    console.log(JSON.stringify({ set: basename(folder), file, seed, clean: brief(clean.score), noisy: brief(noisy.score) }));
  }
} finally {
  await api.close();
}
process.exit(0);
