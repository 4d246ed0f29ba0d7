// tsx bench/answers/dump-many.ts <folder> <out-dir> <questions file>…
import { existsSync } from "node:fs";
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
// A question file is named relative to the set folder or as a path of its own; all are read before the (slow) ingest.
const questionFiles = await Promise.all(
  files.map(async (file) => {
    const path = existsSync(join(resolve(folder), file)) ? join(resolve(folder), file) : resolve(file);
    return { name: basename(path).replace(/\.jsonl$/u, ""), questions: await readAnswerSetQuestions(path) };
  }),
);
const api = await openBenchApi();
try {
  const { tenant, deps } = api;
  await ingestAnswerSet({ deps, call: client(createApp(deps), tenant.apiKey), tenant, folder: resolve(folder) });
  await mkdir(outDir, { recursive: true });
  for (const { name, questions } of questionFiles) {
    const dumped = [];
    for (const question of questions) {
      const turn = await searchTurnSources(tenant.ctx, { question: question.q, knowledgeBaseIds: [tenant.knowledgeBaseId], settings: resolveAnswerSettings({}) });
      dumped.push({ ...question, asked: question.q, q: turn.question, hits: turn.sources });
    }
    const out = join(outDir, `${basename(resolve(folder))}.${name}.json`);
    await writeFile(out, JSON.stringify(dumped, null, 1));
    console.log(`${out}: ${dumped.length} questions`);
  }
} finally {
  await api.close();
}
process.exit(0);
