import { markReembedFailed, reembedBatch, reembedRequestedData, requestConversationReembedding, swapEmbeddings, type ReembedRef } from "@frontdesk/core";
import { inngest } from "../../client";
import { reembedRequested } from "../../events";
import type { WorkerDeps } from "../index";

export const REEMBED_RETRIES = 3;
/** Batches + swap attempts per run; a knowledge base that keeps growing faster than this is retried later. */
const MAX_ROUNDS = 10_000;

/**
 * knowledge/knowledge-base.reembed-requested → embed the chunks into Chunk.nextEmbedding batch by batch
 * (progress in KnowledgeBase.reembedProgress) → swap all vectors and the knowledge base's model in one
 * transaction. Chunks added during the run are embedded before the swap; a newer model change makes the
 * steps of this run "stale" and it stops.
 */
export function createReembedKnowledgeBase(deps: WorkerDeps) {
  return inngest.createFunction(
    {
      id: "reembed-knowledge-base",
      name: "Re-embed knowledge base",
      triggers: [reembedRequested],
      retries: REEMBED_RETRIES,
      concurrency: [{ key: "event.data.knowledgeBaseId", limit: 1 }],
      onFailure: async ({ event, error }) => {
        const ref = reembedRequestedData.parse(event.data.event.data);
        await markReembedFailed(deps, ref, `re-embedding failed: ${error.message}`);
      },
    },
    async ({ event, step }) => {
      const ref: ReembedRef = event.data;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const batch = await step.run(`embed-${round}`, () => reembedBatch(deps, ref));
        if (batch.status === "stale") return { outcome: "stale" as const };
        if (batch.remaining > 0) continue;
        const swap = await step.run(`swap-${round}`, () => swapEmbeddings(deps, ref));
        if (swap === "swapped" && deps.events) {
          // The bots' conversation vectors follow their knowledge base to the new model.
          const { events } = deps;
          await step.run("conversations", () => requestConversationReembedding({ ...deps, events, organizationId: ref.organizationId }, { knowledgeBaseId: ref.knowledgeBaseId }));
        }
        if (swap !== "pending") return { outcome: swap };
      }
      throw new Error(`re-embedding did not finish within ${MAX_ROUNDS} rounds`);
    },
  );
}
