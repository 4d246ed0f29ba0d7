import type { AppDeps } from "../context";
import type { LiveUpdate } from "./live-updates";

/**
 * Best effort: the write it announces is already committed, and a visitor whose push is lost still sees it on
 * their stream's next re-read (reconnect, or the transport's resync) — so a broken channel never fails a reply.
 */
export async function publishLive(deps: Pick<AppDeps, "live" | "logger">, update: LiveUpdate): Promise<void> {
  try {
    await deps.live.publish(update);
  } catch (error) {
    deps.logger.warn({ err: error, conversationId: update.conversationId }, "live update not published");
  }
}
