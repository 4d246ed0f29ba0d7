import type { ServiceContext } from "../context";
import type { VisitorMessage } from "../conversations/visitor-message";
import type { LiveSignal } from "../live";
import { getVisitorConversation, type VisitorConversation } from "./visitor-conversation";

export type VisitorStreamEvent =
  | { type: "message"; message: VisitorMessage }
  | { type: "status"; status: VisitorConversation["status"] }
  /** Nothing happened for `heartbeatMs`: the transport sends a comment so proxies keep the connection. */
  | { type: "heartbeat" };

export interface FollowOptions {
  visitorId?: string | undefined;
  /** The last message id the widget has (its Last-Event-ID): only later ones are sent. */
  after?: string | undefined;
  heartbeatMs: number;
  signal: AbortSignal;
}

/**
 * The visitor's conversation as it changes, for the widget's event stream: the current status and messages after
 * `after`, then again whenever a live update for this conversation arrives from any replica. Updates carry no
 * content, so every wake-up re-reads the database after the last message sent: nothing is skipped, nothing sent
 * twice. Checks ownership like getVisitorConversation (404 before the stream starts).
 */
export async function followVisitorConversation(
  ctx: ServiceContext,
  conversationId: string,
  options: FollowOptions,
): Promise<AsyncGenerator<VisitorStreamEvent>> {
  let dirty = false;
  let wake: (() => void) | undefined;
  const onSignal = (signal: LiveSignal) => {
    if (signal.kind !== "resync" && signal.conversationId !== conversationId) return;
    dirty = true;
    wake?.();
  };
  // Subscribed before the first read, so an update committed in between is not lost.
  const unsubscribe = ctx.live.subscribe(onSignal);
  let first: VisitorConversation;
  try {
    first = await getVisitorConversation(ctx, conversationId, { visitorId: options.visitorId, after: options.after });
  } catch (error) {
    unsubscribe();
    throw error;
  }

  const sleep = () =>
    new Promise<boolean>((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        options.signal.removeEventListener("abort", aborted);
        wake = undefined;
        resolve(woken);
      };
      const aborted = () => done(false);
      const timer = setTimeout(() => done(false), options.heartbeatMs);
      wake = () => done(true);
      options.signal.addEventListener("abort", aborted);
    });

  async function* events(): AsyncGenerator<VisitorStreamEvent> {
    try {
      let view = first;
      let status: VisitorConversation["status"] | undefined;
      let last = options.after;
      for (;;) {
        if (view.status !== status) yield { type: "status", status: (status = view.status) };
        for (const message of view.messages) {
          yield { type: "message", message };
          last = message.id;
        }
        while (!dirty) {
          if (options.signal.aborted) return;
          if (!(await sleep()) && !dirty && !options.signal.aborted) yield { type: "heartbeat" };
        }
        dirty = false;
        view = await getVisitorConversation(ctx, conversationId, { visitorId: options.visitorId, after: last });
      }
    } finally {
      unsubscribe();
    }
  }
  return events();
}
