import type { ServiceContext } from "../context";
import type { CitationView } from "../conversations/schemas";
import type { SearchResult } from "../knowledge/schemas";
import type { ResolvedAnswerSettings } from "./answer-settings";

export interface GenerateAnswerInput {
  question: string;
  history: { role: "user" | "assistant"; content: string }[];
  sources: SearchResult[];
  systemPrompt: string;
  settings: ResolvedAnswerSettings;
}

export type AnswerEvent =
  | { type: "token"; text: string }
  | { type: "done"; content: string; citations: CitationView[]; usage?: { promptTokens: number; completionTokens: number } };

export const NO_ANSWER = "Sorry, I couldn't find that in my knowledge base.";

// The single seam to @frontdesk/rag's answerQuestion (retrieval helper). Until it is exported, an extractive
// stand-in: the best source's opening, cited.
export async function* generateAnswer(_ctx: ServiceContext, input: GenerateAnswerInput): AsyncGenerator<AnswerEvent> {
  const cited = input.sources.slice(0, input.settings.maxCitations);
  const best = cited[0];
  const content = best ? `${best.content.slice(0, 600).trim()} [1]` : NO_ANSWER;
  for (const piece of content.match(/\S+\s*/g) ?? [content]) yield { type: "token", text: piece };
  yield {
    type: "done",
    content,
    citations: cited.map((source, i) => ({
      index: i + 1,
      chunkId: source.chunkId,
      documentId: source.documentId,
      title: source.title,
      snippet: source.content.slice(0, 240),
      score: source.score,
    })),
  };
}
