import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { isRecordId } from "../../record-id";
import { parseVector } from "./embed-message";
import { toConversationHits } from "./hits";
import { bestPerConversation, nearestMessages } from "./message-matches";
import { similarConversationsInput, type ConversationHits, type SimilarConversationsInput } from "./schemas";

const CANDIDATES = 200;

/**
 * Other conversations of the organization closest in meaning to this one: the mean of its visitor/caller message
 * vectors (per model) against every other conversation's messages; score is the best cosine similarity.
 */
export async function similarConversations(ctx: ServiceContext, conversationId: string, input: SimilarConversationsInput = {}): Promise<ConversationHits> {
  const { limit } = parseInput(similarConversationsInput, input);
  if (!isRecordId(conversationId)) throw notFound("Conversation");
  const conversation = await ctx.prisma.conversation.findFirst({ where: { id: conversationId, organizationId: ctx.organizationId }, select: { id: true } });
  if (!conversation) throw notFound("Conversation");
  const rows = await ctx.prisma.$queryRaw<Array<{ model: string; vector: string }>>`
    SELECT "embeddingModel" AS model, embedding::text AS vector FROM message_embedding
     WHERE "conversationId" = ${conversation.id} AND "organizationId" = ${ctx.organizationId}`;
  const centroids = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const vector = parseVector(row.vector);
    const sum = centroids.get(row.model) ?? new Array<number>(vector.length).fill(0);
    if (sum.length !== vector.length) continue;
    vector.forEach((value, i) => (sum[i]! += value));
    centroids.set(row.model, sum);
    counts.set(row.model, (counts.get(row.model) ?? 0) + 1);
  }
  const lists = await Promise.all(
    [...centroids].map(([model, sum]) =>
      nearestMessages(ctx, { model, vector: sum.map((value) => value / counts.get(model)!) }, { excludeConversationId: conversation.id, limit: CANDIDATES }),
    ),
  );
  const ranked = bestPerConversation(lists.flat().sort((a, b) => b.score - a.score)).slice(0, limit);
  return { data: await toConversationHits(ctx, ranked) };
}
