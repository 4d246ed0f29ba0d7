import { createLiveUpdates, createMemoryTransport, type LiveUpdates } from "@frontdesk/core";
import { createPgPubSub, type Database } from "@frontdesk/db";
import type { Logger } from "pino";

/** PostgreSQL LISTEN/NOTIFY on PostgreSQL; in-process on embedded PGlite, which only one process can open. */
export async function openLiveUpdates(database: Pick<Database, "kind" | "url">, logger: Logger): Promise<LiveUpdates> {
  if (database.kind === "postgres" && database.url) {
    const pubsub = createPgPubSub({
      databaseUrl: database.url,
      channel: "frontdesk_live",
      onError: (error) => logger.warn({ err: error }, "live updates: PostgreSQL listener lost, reconnecting"),
    });
    try {
      await pubsub.start();
    } catch (error) {
      await pubsub.close();
      throw error;
    }
    return createLiveUpdates(pubsub);
  }
  return createLiveUpdates(createMemoryTransport());
}
