import { createSseParser, type SseMessage } from "../../../widget/src/read-sse";

/**
 * Reads a live text/event-stream response event by event (the widget's own parser): `next(match)` resolves with the
 * first event matching (events before it are consumed), failing after `timeoutMs` so a push that never comes fails the test instead of hanging it.
 */
export function openEventStream(response: Response) {
  if (!response.body) throw new Error("response has no body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const received: SseMessage[] = [];
  let waiter: (() => void) | undefined;
  let ended = false;
  let comments = 0;
  const parser = createSseParser((message) => {
    received.push(message);
    waiter?.();
  });
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        comments += (text.match(/^:/gm) ?? []).length;
        parser.feed(text);
      }
    } catch {
      // cancelled by close()
    }
    ended = true;
    waiter?.();
  })();

  return {
    received,
    get comments() {
      return comments;
    },
    get ended() {
      return ended;
    },
    async next(match: (message: SseMessage) => boolean = () => true, timeoutMs = 10_000): Promise<SseMessage> {
      let index = 0;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (; index < received.length; index++) if (match(received[index]!)) return received.splice(0, index + 1).at(-1)!;
        if (ended) throw new Error(`stream ended; got ${JSON.stringify(received)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiter = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        index = 0;
      }
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}
