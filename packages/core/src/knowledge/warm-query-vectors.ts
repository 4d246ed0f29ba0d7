import { embedQueryCached } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { embeddingCatalog } from "./embedding-catalog";

/**
 * Starts embedding `query` with each of these models into the query vector cache, without waiting: chat calls it as
 * soon as it knows the bot, so the model thread (or provider) embeds the question while the turn is being stored,
 * and the search that follows (and the message's own embedding for conversation search) finds the vector ready or
 * in flight. Never throws and reports nothing: a failed embedding is not cached, so the search embeds again and
 * reports the failure itself.
 */
export function warmQueryVectors(ctx: Pick<ServiceContext, "rag">, models: readonly string[], query: string): void {
  const catalog = embeddingCatalog(ctx.rag);
  for (const model of new Set(models)) {
    if (catalog.resolve(model) === null) continue;
    void catalog
      .load(model)
      .then((provider) => embedQueryCached(provider.embeddings, query))
      .catch(() => undefined);
  }
}
