// tsx bench/answers/missed-word-meaning.ts [--cache <vectors.bin>] <replay.json> <out.json>
import { readFile, writeFile } from "node:fs/promises";
import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import { cosineSimilarity } from "../../packages/rag/src/answering/sentence-vectors";
import { withoutWord } from "../../packages/rag/src/answering/question-focus";
import { cachedEmbeddings } from "./vector-cache";

/**
 * For studying declines (decline-loso.py): for every answered question of a replay-many.ts output made under
 * FRONTDESK_DEBUG_DECLINE=1, how much each topic word the chosen section does not name (signals.missed) brings the
 * question toward the chosen sentence: cos(question, sentence) − cos(question without the word, sentence). A word the
 * sentence says another way pulls toward it (> 0); a word it says nothing of pulls away or not at all (≤ 0).
 */
const args = process.argv.slice(2);
const cacheFile = args[0] === "--cache" ? args[1] : undefined;
const [input, out] = cacheFile ? args.slice(2) : args;
const model = (await createEmbeddingsProvider(loadConfig({}))).embeddings;
const cached = cacheFile ? cachedEmbeddings(model, cacheFile) : undefined;
const embeddings = cached?.embeddings ?? model;
const replay = JSON.parse(await readFile(input!, "utf8")) as Array<{ q: string; signals?: { missed: string[]; text: string } & Record<string, unknown> }>;
for (const item of replay) {
  if (!item.signals || item.signals.missed.length === 0) continue;
  const [sentence] = await embeddings.embedDocuments([item.signals.text]);
  const question = await embeddings.embedQuery(item.q);
  const base = cosineSimilarity(question, sentence!);
  const toward: number[] = [];
  for (const word of item.signals.missed) {
    const rest = withoutWord(item.q, word);
    toward.push(rest === "" ? 0 : base - cosineSimilarity(await embeddings.embedQuery(rest), sentence!));
  }
  Object.assign(item.signals, { toward: toward.map((value) => Number(value.toFixed(4))), minToward: Math.min(...toward), sumToward: toward.reduce((a, b) => a + b, 0) });
}
await writeFile(out!, JSON.stringify(replay, null, 1));
cached?.save();
process.exit(0);
