import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import type { ChatInput, ChatResponse } from "./schemas";
import { streamChat } from "./stream-chat";

/** streamChat collected into one JSON answer, for clients that do not stream. */
export async function chat(ctx: ServiceContext, input: ChatInput): Promise<ChatResponse> {
  const { events } = await streamChat(ctx, input);
  for await (const event of events) {
    if (event.type === "done") {
      const { type: _type, usage: _usage, ...response } = event;
      return response;
    }
  }
  throw new AppError("internal", "The answer ended without a result");
}
