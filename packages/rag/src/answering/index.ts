export { answerQuestion } from "./answer-question";
export { warmAnswering } from "./warm-answering";
export { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
export { defaultNotFoundReply, NOT_FOUND_REPLIES, notFoundReply } from "./not-found-reply";
export { questionLanguage, REPLY_LANGUAGES, type ReplyLanguage } from "./question-language";
export { buildMessages } from "./build-messages";
export { citedSourceNumbers } from "./cited-sources";
export { MAX_TOOL_ROUNDS } from "./tool-rounds";
export {
  DEFAULT_MAX_CITATIONS,
  DEFAULT_RELEVANT_SIMILARITY,
  type AnswerEvent,
  type AnswerQuestionInput,
  type AnswerSettings,
  type AnswerTool,
  type AnswerSource,
  type AnswerUsage,
  type ChatTurn,
  type Citation,
} from "./types";
export { cosineSimilarity } from "./sentence-vectors";
export { embedChunksWithSentences, embedSentenceVectors, type ChunkAndSentenceVectors } from "./embed-sentence-vectors";
export { packSentenceVectors, readSentenceVectors, sentenceTextsOf, type StoredSentenceVectors } from "./packed-sentence-vectors";
export { SOURCES_READ, SOURCES_READ_DEEPER, SOURCES_READ_OTHER_LANGUAGE, sourcesReadAtMost, sourcesReadFor } from "./extractive-answer";
export { unsaidLexiconWays, type UnsaidWays } from "./visitor-phrases";
export { CONTACT_FACT_QUERIES, missingContactFact, statesContactFact, type ContactFact } from "./contact-fact";
export { readsWholeTable, tablesToComplete, holdsRowOf, WHOLE_TABLE_ROWS } from "./whole-tables";
