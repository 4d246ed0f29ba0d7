import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { answerQuestion } from "./answer-question";
import type { SentenceMeaning } from "./extractive-answer";
import type { AnswerSource } from "./types";

// Hand-made sources and sentence similarities for the answering rules' unit tests.

/** A retrieved passage as answering receives it; `scores` overrides the defaults. */
export const answerSource = (id: string, content: string, scores: Partial<AnswerSource> = {}): AnswerSource => ({
  chunkId: `chunk-${id}`,
  documentId: `doc-${id}`,
  documentTitle: id,
  content,
  score: 0.5,
  vectorScore: 0.3,
  textScore: null,
  ...scores,
});

/** Sentence similarities given by substring: the first pattern a sentence (with its context) contains. */
export const meaningBySubstring = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  similarity: (unit) => table.find(([part]) => `${unit.context ?? ""} ${unit.text}`.includes(part))?.[1] ?? fallback,
});

/** The extractive answer's text to a question from these sources (no chat model; meaning by `embeddings`). */
export async function extractiveAnswerText(question: string, hits: AnswerSource[], embeddings: EmbeddingsInterface): Promise<string> {
  let content = "";
  for await (const event of answerQuestion({ question, history: [], hits, systemPrompt: "", chatModel: null, embeddings })) {
    if (event.type === "done") content = event.content;
  }
  return content;
}
