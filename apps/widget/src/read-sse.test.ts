import { describe, expect, it } from "vitest";
import { createSseParser, readSse, type SseMessage } from "./read-sse";

function parseInChunks(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return messages;
}

const stream = [
  ": keep-alive comment\n",
  'event: meta\ndata: {"conversationId":"c1","userMessageId":"m1"}\n\n',
  'event: token\ndata: {"text":"Hel"}\n\n',
  "event: token\r\ndata: {\"text\":\"lo\"}\r\n\r\n",
  "event: token\rdata: {\"text\":\"!\"}\r\r",
  "data: line one\ndata: line two\nid: 7\nretry: 1000\n\n",
  "data\n\n",
  "event: done\ndata:no-space\n\n",
  "event: dropped\ndata: never terminated",
].join("");

const expected: SseMessage[] = [
  { event: "meta", data: '{"conversationId":"c1","userMessageId":"m1"}' },
  { event: "token", data: '{"text":"Hel"}' },
  { event: "token", data: '{"text":"lo"}' },
  { event: "token", data: '{"text":"!"}' },
  { event: "message", data: "line one\nline two" },
  { event: "message", data: "" },
  { event: "done", data: "no-space" },
];

describe("createSseParser", () => {
  it("parses LF, CRLF and CR line ends, comments, multi-line data, and drops an unterminated event", () => {
    expect(parseInChunks([stream])).toEqual(expected);
  });

  it("gives the same events however the stream is split, including between CR and LF", () => {
    for (let size = 1; size <= 7; size++) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, "g"))!;
      expect(parseInChunks(chunks), `chunk size ${size}`).toEqual(expected);
    }
  });
});

describe("readSse", () => {
  it("decodes UTF-8 split across network chunks", async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"héllo ✓"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const messages: SseMessage[] = [];
    await readSse(body, (m) => messages.push(m));
    expect(messages).toEqual([{ event: "token", data: '{"text":"héllo ✓"}' }]);
  });
});
