import type { FailedRetrieval } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { attachToGap } from "./gaps/attach-to-gap";

/** Why a question counts as not answered from knowledge. */
export type FailureReason =
  /** The answer declined (no source supported one). */
  | "declined"
  /** The search found nothing above the relevance threshold. */
  | "no_results"
  /** A `search_knowledge` tool call (voice) found nothing. */
  | "tool_empty"
  /** The visitor said the answer missed ("that's not what I asked"). */
  | "visitor_rejected";

export interface FailedRetrievalInput {
  botId: string;
  conversationId?: string | null | undefined;
  messageId?: string | null | undefined;
  query: string;
  reason: FailureReason;
  knowledgeBaseIds?: readonly string[] | undefined;
}

/** One failed retrieval on record (query, bot, conversation, time), filed under the knowledge gap it asks. */
export async function recordFailedRetrieval(ctx: ServiceContext, input: FailedRetrievalInput): Promise<FailedRetrieval> {
  const failure = await ctx.prisma.failedRetrieval.create({
    data: {
      organizationId: ctx.organizationId,
      botId: input.botId,
      conversationId: input.conversationId ?? null,
      messageId: input.messageId ?? null,
      query: input.query.slice(0, 2_000),
      reason: input.reason,
      knowledgeBaseIds: [...(input.knowledgeBaseIds ?? [])],
    },
  });
  await attachToGap(ctx, failure);
  return failure;
}
