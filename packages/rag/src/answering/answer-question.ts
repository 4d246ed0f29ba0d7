import { composeExtractiveAnswer } from "./extractive-answer";
import { modelAnswer } from "./model-answer";
import { tokenPieces } from "./text-analysis";
import type { AnswerEvent, AnswerQuestionInput } from "./types";

/**
 * Answers a question from retrieved sources as a stream: `token` events, then one `done` event with the full
 * text, the citations behind its [n] markers, and token usage when a model reports it. With a chat model the
 * answer is generated and grounded in the numbered sources; without one it is extractive.
 */
export async function* answerQuestion(input: AnswerQuestionInput): AsyncGenerator<AnswerEvent> {
  if (input.chatModel) {
    yield* modelAnswer({ ...input, chatModel: input.chatModel });
    return;
  }
  const { content, citations } = composeExtractiveAnswer(input.question, input.hits, input.settings);
  for (const text of tokenPieces(content)) {
    if (input.signal?.aborted) break;
    yield { type: "token", text };
  }
  yield { type: "done", content, citations };
}
