export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG "event stream interpretation": CR, LF or CRLF line ends,
 * comments, multi-line data). Hand-written rather than eventsource-parser because that costs ~1.4 KB gz of
 * a 12 KB widget budget for the ~30 lines we need; `id` and `retry` are ignored since we never reconnect.
 */
export function createSseParser(onMessage: (message: SseMessage) => void) {
  let pending = "";
  let event = "";
  let data: string[] = [];

  const line = (text: string) => {
    if (!text) {
      if (data.length) onMessage({ event: event || "message", data: data.join("\n") });
      event = "";
      data = [];
      return;
    }
    const colon = text.indexOf(":");
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? "" : text.slice(text[colon + 1] === " " ? colon + 2 : colon + 1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  };

  return {
    feed(chunk: string) {
      pending += chunk;
      // A trailing CR may be the first half of a CRLF split across chunks: keep it until we know.
      const end = pending.endsWith("\r") ? pending.length - 1 : pending.length;
      const lines = pending.slice(0, end).split(/\r\n|\r|\n/);
      pending = lines.pop() + pending.slice(end);
      lines.forEach(line);
    },
    end() {
      if (pending.endsWith("\r")) line(pending.slice(0, -1));
      // An event without its terminating blank line is incomplete and, per spec, dropped.
      pending = "";
    },
  };
}

/** Feeds a fetch body through the parser; EventSource can't be used because chat is a POST. */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
): Promise<void> {
  const parser = createSseParser(onMessage);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    parser.end();
  } finally {
    // Stops the download when a handler throws mid-stream (e.g. on an `error` event).
    reader.cancel().catch(() => undefined);
  }
}
