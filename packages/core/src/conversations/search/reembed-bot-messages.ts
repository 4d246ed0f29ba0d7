import type { ServiceContext } from "../../context";
import { conversationEmbeddings } from "./conversation-embeddings";
import { writeMessageEmbedding } from "./embed-message";

/** Messages embedded per call (one embedding request). */
export const REEMBED_MESSAGE_BATCH = 64;

/**
 * One batch of a bot's visitor and caller messages that have no vector yet or one of another model than the bot's
 * now (its knowledge base moved to another model, or messages from before search existed). Call until it returns
 * 0; the worker's reembed-conversations function does.
 */
export async function reembedBotMessages(ctx: ServiceContext, input: { botId: string; batch?: number }): Promise<number> {
  const provider = await conversationEmbeddings(ctx, input.botId);
  const messages = await ctx.prisma.message.findMany({
    where: {
      organizationId: ctx.organizationId,
      role: "user",
      content: { not: "" },
      conversation: { botId: input.botId },
      OR: [{ searchVector: null }, { searchVector: { embeddingModel: { not: provider.model } } }],
    },
    orderBy: { createdAt: "asc" },
    take: input.batch ?? REEMBED_MESSAGE_BATCH,
    select: { id: true, content: true, conversationId: true },
  });
  if (messages.length === 0) return 0;
  const vectors = await provider.embeddings.embedDocuments(messages.map((message) => message.content));
  let written = 0;
  for (const [i, message] of messages.entries()) {
    const vector = vectors[i];
    if (!vector?.length) continue;
    await writeMessageEmbedding(ctx, { ...message, model: provider.model, vector });
    written += 1;
  }
  // 0 when the model returned nothing usable, so a caller looping until 0 cannot spin on the same batch.
  return written;
}

/**
 * Queues re-embedding of the conversations of every bot using a knowledge base (after it moved to another model).
 * Never throws.
 */
export async function requestConversationReembedding(ctx: Pick<ServiceContext, "prisma" | "events" | "logger" | "organizationId">, input: { knowledgeBaseId?: string; botId?: string }): Promise<void> {
  try {
    const botIds = input.botId
      ? [input.botId]
      : (await ctx.prisma.botKnowledgeBase.findMany({ where: { knowledgeBaseId: input.knowledgeBaseId, organizationId: ctx.organizationId }, select: { botId: true } })).map((link) => link.botId);
    if (botIds.length === 0) return;
    await ctx.events.send(botIds.map((botId) => ({ name: "conversations/messages.reembed-requested" as const, data: { organizationId: ctx.organizationId, botId } })));
  } catch (error) {
    ctx.logger.warn({ err: error, ...input }, "could not queue conversation re-embedding");
  }
}
