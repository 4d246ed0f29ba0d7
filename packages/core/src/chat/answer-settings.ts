import { readAnswerSettings } from "../bots/views";

export interface ResolvedAnswerSettings {
  minScore: number | undefined;
  maxCitations: number;
  topK: number;
  temperature: number;
  historyTurns: number;
  maxTokens: number | undefined;
  /** The owner's reply when nothing answers; undefined → the visitor's language's (rag's notFoundReply). */
  notFoundReply: string | undefined;
}

/** Defaults for whatever a bot's answerSettings leave unset. */
export function resolveAnswerSettings(stored: unknown): ResolvedAnswerSettings {
  const settings = readAnswerSettings(stored);
  return {
    minScore: settings.minScore,
    maxCitations: settings.maxCitations ?? 4,
    topK: settings.topK ?? 8,
    temperature: settings.temperature ?? 0.2,
    historyTurns: settings.historyTurns ?? 6,
    maxTokens: settings.maxTokens,
    notFoundReply: settings.notFoundReply,
  };
}
