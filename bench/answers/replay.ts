// tsx bench/answers/replay.ts <hits.json> [--show all|misses|none]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "@frontdesk/config";
import { answerQuestion, createEmbeddingsProvider, embedSentenceVectors, type AnswerSource } from "@frontdesk/rag";
import { answerUnitsOf, scoreUnits, withContext } from "../../packages/rag/src/answering/score-units";
import { cosineSimilarity, embedForAnswer } from "../../packages/rag/src/answering/sentence-vectors";

/**
 * Answers the questions of a dump-hits.ts file offline (same hits chat retrieved, local embeddings, no database)
 * and scores them like bench:answers: for tuning extractive answers in seconds instead of minutes.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { show: { type: "string", default: "misses" } } });
const dumped = JSON.parse(await readFile(positionals[0]!, "utf8")) as Array<{
  q: string;
  expect: string[] | null;
  hits: Array<{ chunkId: string; documentId: string; title: string; content: string; score: number; vectorScore?: number | null; textScore?: number | null }>;
}>;
const embeddings = (await createEmbeddingsProvider(loadConfig({}))).embeddings;
const storedVectors = new Map<string, Uint8Array>();
let correct = 0;
let declined = 0;
const started = performance.now();
for (const item of dumped) {
  const hits: AnswerSource[] = item.hits.map((hit) => ({ ...hit, documentTitle: hit.title }));
  let content = "";
  let cited = 0;
  // As chat does: the sentence vectors ingestion stored with each chunk (made once per chunk here).
  for (const hit of hits) if (!storedVectors.has(hit.chunkId)) storedVectors.set(hit.chunkId, (await embedSentenceVectors(embeddings, [hit.content]))[0]!);
  for await (const event of answerQuestion({ question: item.q, history: [], hits, systemPrompt: "", chatModel: null, embeddings, sentenceVectors: storedVectors })) {
    if (event.type === "done") [content, cited] = [event.content, event.citations.length];
  }
  if (process.env.DEBUG_UNITS) {
    const units = answerUnitsOf(hits.slice(0, 5).map((hit) => hit.content));
    const texts = units.map(withContext);
    const vectors = await embedForAnswer(embeddings, item.q, texts);
    const scored = scoreUnits(item.q, units, (_unit, index) => cosineSimilarity(vectors.question, vectors.texts[index]!));
    for (const unit of scored.sort((a, b) => b.score - a.score).slice(0, 4)) {
      console.error(`     ${unit.score.toFixed(3)} lex=${unit.lexical.toFixed(2)} cos=${unit.meaning.toFixed(3)} fit=${unit.fitsType ? 1 : 0} ${withContext(unit).slice(0, 90)}`);
    }
  }
  const ok = item.expect === null ? cited === 0 : item.expect.some((phrase) => content.toLowerCase().includes(phrase.toLowerCase()));
  if (ok && item.expect === null) declined += 1;
  if (ok && item.expect !== null) correct += 1;
  if (values.show === "all" || (values.show === "misses" && !ok)) {
    console.error(`${ok ? "ok  " : "MISS"} ${item.q}  → expected ${item.expect?.join(" | ") ?? "(decline)"}\n     ${content}`);
  }
}
const answerable = dumped.filter((item) => item.expect !== null).length;
console.log(JSON.stringify({ answerable, correct, unanswerable: dumped.length - answerable, declined, msPerAnswer: Math.round((performance.now() - started) / dumped.length) }));
process.exit(0);
