import { toVectorLiteral } from "@frontdesk/db";
import { embedQueryCached } from "@frontdesk/rag";
import type { ServiceContext } from "../../context";
import { embeddingCatalog } from "../../knowledge/embedding-catalog";
import { conversationEmbeddings } from "./conversation-embeddings";

/**
 * A visitor's or caller's message as a vector of its bot's model, stored with its words in message_embedding so the
 * inbox can search conversations by meaning and words (and knowledge gaps reuse it). An existing vector of the
 * same model is returned as it is; one of another model is replaced. Other roles and empty messages: null.
 */
export async function embedMessage(ctx: ServiceContext, input: { messageId: string }): Promise<{ model: string; vector: number[] } | null> {
  const message = await ctx.prisma.message.findFirst({
    where: { id: input.messageId, organizationId: ctx.organizationId, role: "user" },
    select: { id: true, content: true, conversationId: true, conversation: { select: { botId: true } } },
  });
  if (!message?.content.trim()) return null;
  const provider = await conversationEmbeddings(ctx, message.conversation.botId);
  const [stored] = await ctx.prisma.$queryRaw<Array<{ vector: string }>>`
    SELECT embedding::text AS vector FROM message_embedding WHERE "messageId" = ${message.id} AND "embeddingModel" = ${provider.model}`;
  if (stored) return { model: provider.model, vector: parseVector(stored.vector) };
  // Through the query vector cache: web chat embedded this very text as its search query moments ago (one embedding
  // per turn, not two). Every provider Frontdesk builds gives a text the same vector as a query and as a document.
  const vector = await embedQueryCached(provider.embeddings, message.content);
  if (!vector.length) return null;
  await writeMessageEmbedding(ctx, { ...message, model: provider.model, vector });
  return { model: provider.model, vector };
}

/** pgvector's text form "[0.1,0.2]" as numbers. */
export const parseVector = (text: string): number[] => JSON.parse(text) as number[];

export async function writeMessageEmbedding(
  ctx: ServiceContext,
  row: { id: string; conversationId: string; content: string; model: string; vector: readonly number[] },
): Promise<void> {
  await ctx.prisma.$executeRaw`
    INSERT INTO message_embedding ("messageId", "organizationId", "conversationId", embedding, "embeddingModel", "embeddingDimensions", fts)
    VALUES (${row.id}, ${ctx.organizationId}, ${row.conversationId}, ${toVectorLiteral(row.vector)}::vector, ${row.model}, ${row.vector.length},
            to_tsvector('simple'::regconfig, frontdesk_search_text(${row.content})))
    ON CONFLICT ("messageId") DO UPDATE
      SET embedding = EXCLUDED.embedding, "embeddingModel" = EXCLUDED."embeddingModel",
          "embeddingDimensions" = EXCLUDED."embeddingDimensions", fts = EXCLUDED.fts`;
}

/**
 * Queues embedding of a stored visitor or caller message (`conversations/message.embed-requested`, the worker's
 * embed-message function). Never throws: search indexing must not fail the turn.
 */
export async function requestMessageEmbedding(ctx: ServiceContext, message: { id: string; role: string }): Promise<void> {
  if (message.role !== "user") return;
  try {
    await ctx.events.send({
      name: "conversations/message.embed-requested",
      id: `embed-${message.id}`,
      data: { organizationId: ctx.organizationId, messageId: message.id },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, messageId: message.id }, "could not queue message embedding");
  }
}

/**
 * Stores the vector of a visitor message a chat turn has just written, in `model` (its bot's conversation model,
 * conversationModel), taken from the query vector cache where the turn's search put this very text: one statement,
 * where the embed-message job reads the message, the bot's models and any earlier vector first. Without a model
 * (the deployment's default, not embedded by the turn) or when it fails, the job is queued as before. Never throws.
 */
export async function storeTurnMessageEmbedding(
  ctx: ServiceContext,
  message: { id: string; role: string; conversationId: string; content: string },
  model: string | null,
): Promise<void> {
  if (message.role !== "user" || !message.content.trim()) return;
  try {
    if (!model) throw new Error("no model of the turn's");
    const provider = await embeddingCatalog(ctx.rag).load(model);
    const vector = await embedQueryCached(provider.embeddings, message.content);
    if (vector.length === 0) return;
    await writeMessageEmbedding(ctx, { ...message, model: provider.model, vector });
  } catch {
    await requestMessageEmbedding(ctx, message);
  }
}
