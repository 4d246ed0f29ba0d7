// tsx bench/answers/decline-signals.ts <hits.json>... > signals.jsonl
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { answerQuestion, createEmbeddingsProvider, embedSentenceVectors, type AnswerSource } from "@frontdesk/rag";
import { answerUnitsOf, scoreUnits, unknownTerms, withContext, type ScoredUnit } from "../../packages/rag/src/answering/score-units";
import { cosineSimilarity, embedForAnswer } from "../../packages/rag/src/answering/sentence-vectors";
import { hasTerm, wordsOf } from "../../packages/rag/src/answering/score-units";
import { weighWords } from "../../packages/rag/src/answering/question-focus";
import { isYesNoQuestion } from "../../packages/rag/src/answering/extractive-answer";
import { answerTypeOf } from "../../packages/rag/src/answering/question-type";
import { contentTerms } from "../../packages/rag/src/answering/text-analysis";
import { keySubjectWords } from "../../packages/rag/src/answering/key-subject";

/**
 * For studying when to decline: answers each question of dump-hits.ts files offline (as replay.ts) and prints one
 * JSON line per question with its outcome (correct, wrong, declined; what was expected) and the signals the
 * answering can compute: the chosen sentence's words and meaning, the distribution of meaning over the sentences
 * read, the runner-up, the words no sentence read mentions and how far each moves the question.
 */
const embeddings = (await createEmbeddingsProvider(loadConfig({}))).embeddings;
const storedVectors = new Map<string, Uint8Array>();
for (const file of process.argv.slice(2)) {
  const set = basename(file, ".json");
  const dumped = JSON.parse(await readFile(file, "utf8")) as Array<{
    q: string;
    expect: string[] | null;
    hits: Array<{ chunkId: string; documentId: string; title: string; content: string; score: number; vectorScore?: number | null; textScore?: number | null }>;
  }>;
  for (const item of dumped) {
    const hits: AnswerSource[] = item.hits.map((hit) => ({ ...hit, documentTitle: hit.title }));
    for (const hit of hits) if (!storedVectors.has(hit.chunkId)) storedVectors.set(hit.chunkId, (await embedSentenceVectors(embeddings, [hit.content]))[0]!);
    let content = "";
    let cited = 0;
    for await (const event of answerQuestion({ question: item.q, history: [], hits, systemPrompt: "", chatModel: null, embeddings, sentenceVectors: storedVectors })) {
      if (event.type === "done") [content, cited] = [event.content, event.citations.length];
    }
    const units = answerUnitsOf(hits.slice(0, 5).map((hit) => hit.content));
    const vectors = await embedForAnswer(embeddings, item.q, units.map(withContext));
    const scored = scoreUnits(item.q, units, (_unit, index) => cosineSimilarity(vectors.question, vectors.texts[index]!));
    const byScore = [...scored].sort((a, b) => b.score - a.score);
    const chosen = cited === 0 ? byScore[0] : byScore.find((unit) => content.includes(unit.text)) ?? byScore[0];
    const meanings = scored.map((unit) => unit.meaning);
    const mean = meanings.reduce((sum, value) => sum + value, 0) / meanings.length;
    const sd = Math.sqrt(meanings.reduce((sum, value) => sum + (value - mean) ** 2, 0) / meanings.length);
    const other = (unit: ScoredUnit) => (candidate: ScoredUnit) => candidate.source !== unit.source || candidate.section !== unit.section;
    const runnerUp = chosen ? byScore.find(other(chosen)) : undefined;
    const nearest = [...scored].sort((a, b) => b.meaning - a.meaning);
    const unknown = unknownTerms(item.q, units);
    const weights = unknown.length > 0 ? await weighWords(embeddings, item.q, unknown) : new Map();
    const faqVector = chosen?.contextIsQuestion && chosen.context ? (await embedForAnswer(embeddings, item.q, [chosen.context])).texts[0] : undefined;
    // Each topic word of the question: whether the chosen sentence (with its context) holds it, and in how many of
    // the sentences and documents read it occurs (specific words occur in few).
    const unitWords = units.map((unit) => [...wordsOf(item.q, unit.text), ...(unit.context ? wordsOf(item.q, unit.context) : [])]);
    const documentIds = [...new Set(hits.slice(0, 5).map((hit) => hit.documentId))];
    const words = contentTerms(item.q).map((term) => ({
      term,
      inChosen: chosen ? hasTerm(unitWords[units.findIndex((unit) => unit.source === chosen.source && unit.position === chosen.position)]!, term) : false,
      units: unitWords.filter((list) => hasTerm(list, term)).length,
      documents: documentIds.filter((id) => hits.slice(0, 5).some((hit, source) => hit.documentId === id && unitWords.some((list, index) => units[index]!.source === source && hasTerm(list, term)))).length,
    }));
    const verdict = item.expect === null ? (cited === 0 ? "declined" : "wrong") : cited === 0 ? "declined" : item.expect.some((phrase) => content.toLowerCase().includes(phrase.toLowerCase())) ? "correct" : "wrong";
    console.log(
      JSON.stringify({
        set,
        q: item.q,
        answerable: item.expect !== null,
        verdict,
        type: answerTypeOf(item.q),
        yesNo: isYesNoQuestion(item.q),
        terms: contentTerms(item.q),
        key: keySubjectWords(item.q),
        unknown: unknown.map((word) => ({ word, shift: Number((weights.get(word)?.shift ?? 0).toFixed(3)) })),
        chosen: chosen && {
          text: withContext(chosen).slice(0, 120),
          meaning: Number(chosen.meaning.toFixed(3)),
          lexical: Number(chosen.lexical.toFixed(3)),
          score: Number(chosen.score.toFixed(3)),
          fitsType: chosen.fitsType,
          faq: chosen.contextIsQuestion,
          faqCos: faqVector ? Number(cosineSimilarity(vectors.question, faqVector).toFixed(3)) : null,
          z: Number(((chosen.meaning - mean) / (sd || 1)).toFixed(2)),
          meaningRank: nearest.indexOf(chosen),
        },
        maxMeaning: Number(nearest[0]!.meaning.toFixed(3)),
        meanMeaning: Number(mean.toFixed(3)),
        sdMeaning: Number(sd.toFixed(3)),
        runnerUp: runnerUp && { score: Number(runnerUp.score.toFixed(3)), meaning: Number(runnerUp.meaning.toFixed(3)), lexical: Number(runnerUp.lexical.toFixed(3)) },
        units: scored.length,
        documents: documentIds.length,
        words,
        content: content.slice(0, 160),
      }),
    );
  }
}
process.exit(0);
