import type { ScoredSentence } from "./score-sentences";
import { truncate } from "./text-analysis";

export const SNIPPET_LENGTH = 240;

/**
 * The part of a passage that best supports an answer: its sentence covering most of the question, followed by
 * the next ones while they fit; the passage's opening when no sentence shares a word with the question.
 */
export function makeSnippet(content: string, sentences: readonly ScoredSentence[], max = SNIPPET_LENGTH): string {
  const best = sentences.reduce<ScoredSentence | undefined>((top, sentence) => (!top || sentence.coverage > top.coverage ? sentence : top), undefined);
  if (!best || best.coverage === 0) return truncate(content, max);
  let snippet = best.text;
  for (const next of sentences.filter((sentence) => sentence.position > best.position).sort((a, b) => a.position - b.position)) {
    if (snippet.length + 1 + next.text.length > max) break;
    snippet = `${snippet} ${next.text}`;
  }
  return truncate(snippet, max);
}
