// tsx bench/answers/dump-many.ts <folder> <out-dir> <questions file>…
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { resolveAnswerSettings } from "@frontdesk/core";
import { searchTurnSources } from "../../packages/core/src/chat/turn-sources";
import { createApp } from "@frontdesk/api";
import { ingestAnswerSet, readAnswerSetQuestions } from "../../apps/api/test/support/answer-set";
import { client } from "../../apps/api/test/support/test-api";
import { openBenchApi } from "../open-bench-api";

/**
 * dump-hits.ts for several question files of one set at once, without asking chat: ingests the set once, then
 * writes `<out-dir>/<set>.<file>.json` per question file: each question as chat searches it (`q`: typos corrected,
 * chat-speak read; the visitor's words in `asked`) with the sources chat's turn reads (searchTurnSources with the
 * default answer settings: whole tables, contact facts), for replay.ts or replay-many.ts.
 */
const [folder, outDir, ...files] = process.argv.slice(2);
if (!folder || !outDir || files.length === 0) throw new Error("usage: tsx bench/answers/dump-many.ts <folder> <out-dir> <questions file>…");
const api = await openBenchApi();
try {
  const { tenant, deps } = api;
  await ingestAnswerSet({ deps, call: client(createApp(deps), tenant.apiKey), tenant, folder: resolve(folder) });
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    const questions = await readAnswerSetQuestions(join(resolve(folder), file));
    const dumped = [];
    for (const question of questions) {
      const turn = await searchTurnSources(tenant.ctx, { question: question.q, knowledgeBaseIds: [tenant.knowledgeBaseId], settings: resolveAnswerSettings({}) });
      dumped.push({ ...question, asked: question.q, q: turn.question, hits: turn.sources });
    }
    const out = join(outDir, `${basename(resolve(folder))}.${file.replace(/\.jsonl$/u, "")}.json`);
    await writeFile(out, JSON.stringify(dumped, null, 1));
    console.log(`${out}: ${dumped.length} questions`);
  }
} finally {
  await api.close();
}
process.exit(0);
