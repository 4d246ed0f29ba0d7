import { makeSnippet } from "./make-snippet";
import { isRelevant } from "./relevance";
import { scoreSentences, type ScoredSentence } from "./score-sentences";
import { truncate } from "./text-analysis";
import { DEFAULT_MAX_CITATIONS, type AnswerSettings, type AnswerSource, type Citation } from "./types";

export const NOT_FOUND_ANSWER = "I couldn't find that in the knowledge base. Could you rephrase the question, or ask about something else?";

/** Sources read for an extractive answer; retrieval already put the best first. */
const SOURCES_READ = 5;
const MAX_SENTENCES = 3;
const MAX_ANSWER_LENGTH = 450;
/** Lead shown when a source matches in meaning but shares no words with the question. */
const LEAD_LENGTH = 300;

/**
 * Without a language model: the sentences of the relevant sources that best cover the question, each source's
 * sentences followed by its [n] marker. Nothing relevant → an honest "not found" without citations.
 */
export function composeExtractiveAnswer(
  question: string,
  hits: readonly AnswerSource[],
  settings: AnswerSettings = {},
): { content: string; citations: Citation[] } {
  const sources = hits.slice(0, SOURCES_READ);
  const sentences = scoreSentences(question, sources.map((source) => source.content));
  const ofSource = (index: number) => sentences.filter((sentence) => sentence.source === index);
  const relevant = new Set(
    sources.flatMap((source, index) => (isRelevant(source, ofSource(index), settings.minScore) ? [index] : [])),
  );
  if (relevant.size === 0) return { content: NOT_FOUND_ANSWER, citations: [] };

  const chosen = chooseSentences(sentences, sources, relevant, settings.maxCitations ?? DEFAULT_MAX_CITATIONS);
  if (chosen.length === 0) return { content: NOT_FOUND_ANSWER, citations: [] };
  const sourceOrder = [...new Set(chosen.map((sentence) => sentence.source))];
  const parts = sourceOrder.map((source, order) => {
    const text = chosen
      .filter((sentence) => sentence.source === source)
      .sort((a, b) => a.position - b.position)
      .map((sentence) => sentence.text)
      .join(" ");
    return `${text} [${order + 1}]`;
  });
  const citations = sourceOrder.map((source, order): Citation => {
    const hit = sources[source]!;
    return {
      index: order + 1,
      chunkId: hit.chunkId,
      documentId: hit.documentId,
      title: hit.documentTitle,
      snippet: makeSnippet(hit.content, ofSource(source)),
      score: hit.score,
    };
  });
  return { content: parts.join(" "), citations };
}

function chooseSentences(
  sentences: readonly ScoredSentence[],
  sources: readonly AnswerSource[],
  relevant: ReadonlySet<number>,
  maxSources: number,
): ScoredSentence[] {
  // Coverage decides; closeness in meaning and retrieval rank break near-ties.
  const rank = (sentence: ScoredSentence) =>
    sentence.coverage + 0.25 * Math.max(0, sources[sentence.source]?.vectorScore ?? 0) - 0.03 * sentence.source;
  const candidates = sentences
    .filter((sentence) => relevant.has(sentence.source) && sentence.coverage > 0)
    .sort((a, b) => rank(b) - rank(a));
  const best = candidates[0];
  const chosen: ScoredSentence[] = [];
  let length = 0;
  const seen = new Set<string>();
  for (const sentence of best ? candidates : []) {
    if (chosen.length === MAX_SENTENCES) break;
    if (sentence.coverage < best!.coverage / 2) break;
    const key = sentence.text.toLowerCase();
    const usedSources = new Set(chosen.map((picked) => picked.source));
    if (seen.has(key) || (!usedSources.has(sentence.source) && usedSources.size >= maxSources)) continue;
    if (chosen.length > 0 && length + sentence.text.length > MAX_ANSWER_LENGTH) continue;
    const text = truncate(sentence.text, MAX_ANSWER_LENGTH);
    chosen.push({ ...sentence, text });
    seen.add(key);
    length += text.length + 1;
  }
  if (chosen.length > 0) return chosen;
  // Relevant in meaning only: quote the opening of the best such source.
  const source = Math.min(...relevant);
  const lead: ScoredSentence[] = [];
  for (const sentence of sentences.filter((candidate) => candidate.source === source)) {
    if (lead.length > 0 && length + sentence.text.length > LEAD_LENGTH) break;
    lead.push({ ...sentence, text: truncate(sentence.text, LEAD_LENGTH) });
    length += sentence.text.length + 1;
  }
  return lead;
}
