import { tokenPieces } from "./text-analysis";
import type { AnswerEvent, Citation } from "./types";

/** A reply known whole (extractive, or the not-found reply) streamed as the model's would be: tokens, then `done`. */
export function* streamReply(content: string, citations: Citation[], signal?: AbortSignal): Generator<AnswerEvent> {
  for (const text of tokenPieces(content)) {
    if (signal?.aborted) break;
    yield { type: "token", text };
  }
  yield { type: "done", content, citations };
}
