import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
// The real string tables the API sends with the config (plain data, no database behind it).
import { widgetStrings } from "../../../packages/core/src/widget/widget-strings";
import type { Citation } from "../src/types";

/**
 * A loopback stand-in for the API's public widget routes, speaking the exact wire format
 * (`GET /config`, `POST /chat` as SSE or JSON, `GET /conversations/:id[/messages?after=]`) plus `GET /widget.js`
 * and the `widget-panel.js` built next to it.
 */
export interface FakeWidgetApiOptions {
  botKey?: string;
  botName?: string;
  greeting?: string;
  /** Origins allowed to call the routes; empty allows any (as on a real bot). */
  allowedOrigins?: string[];
  /** File served at /widget.js. */
  widgetJsPath?: string;
  /** Canned answer for a question; defaults to `cannedAnswer`. */
  answer?: (message: string) => { text: string; citations: Citation[] };
  /** Pause between tokens so a browser can observe the text growing. */
  tokenDelayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  origin: string | undefined;
  botKey: string | undefined;
  /** The X-Frontdesk-Visitor header (the real API reads the visitor from it, never from the URL). */
  visitorId: string | undefined;
  body: unknown;
  status: number;
}

export type ChatFailureMode = "drop" | "error-event" | "http-500";

export interface FakeWidgetApi {
  url: string;
  requests: RecordedRequest[];
  setAllowedOrigins(origins: string[]): void;
  /** The next chat stream sends `tokens` tokens, then waits until `release()` is called. */
  pauseNextChat(tokens: number): { release(): void; reached: Promise<void> };
  /** The next chat fails: `drop` kills the socket mid-stream, `error-event` sends `event: error`. */
  failNextChat(mode: ChatFailureMode): void;
  close(): Promise<void>;
}

interface StoredMessage {
  id: string;
  role: "user" | "assistant";
  content: string;
  citations: Citation[];
  createdAt: string;
  rating?: "up" | "down";
}

export const cannedAnswer = {
  text: "Our office is open Monday to Friday from 9am to 5pm, and you can park in the visitor lot behind the building.",
  citations: [
    {
      index: 1,
      chunkId: "chunk_hours",
      documentId: "doc_handbook",
      title: "Visitor handbook",
      snippet: "Opening hours: Monday to Friday, 9am to 5pm.",
      score: 0.91,
    },
    {
      index: 2,
      chunkId: "chunk_parking",
      documentId: "doc_faq",
      title: "Parking FAQ",
      snippet: "Visitors may use the lot behind the main building.",
      score: 0.77,
    },
  ] satisfies Citation[],
};

/** Splits an answer into word-sized tokens, keeping the whitespace so they concatenate back exactly. */
export const tokenize = (text: string): string[] => text.match(/\S+\s*/g) ?? [];

const problem = (status: number, code: string, title: string, errors?: { field: string; message: string }[]) => ({
  type: `https://frontdesk.dev/problems/${code}`,
  title,
  status,
  code,
  ...(errors ? { errors } : {}),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeWidgetApi(options: FakeWidgetApiOptions = {}): Promise<FakeWidgetApi> {
  const botKey = options.botKey ?? "pk_test_fake";
  const answer = options.answer ?? (() => cannedAnswer);
  const tokenDelayMs = options.tokenDelayMs ?? 15;
  let allowedOrigins = options.allowedOrigins ?? [];
  const requests: RecordedRequest[] = [];
  const conversations = new Map<string, { visitorId: string; messages: StoredMessage[] }>();
  let nextFailure: ChatFailureMode | null = null;
  let nextPause: { tokens: number; gate: Promise<void>; reached: () => void } | null = null;
  let ids = 0;
  const id = (prefix: string) => `${prefix}_${++ids}`;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, problem(500, "internal", String(error)));
      else res.destroy();
    });
  });

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    let text = "";
    for await (const chunk of req) text += chunk;
    return text;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const origin = req.headers.origin;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      origin,
      botKey: (req.headers["x-frontdesk-bot-key"] as string | undefined) ?? url.searchParams.get("key") ?? undefined,
      visitorId: (req.headers["x-frontdesk-visitor"] as string | undefined) || undefined,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    res.on("finish", () => (record.status = res.statusCode));
    res.on("close", () => (record.status ||= res.statusCode));

    if ((url.pathname === "/widget.js" || url.pathname === "/widget-panel.js") && req.method === "GET") {
      if (!options.widgetJsPath) return send(res, 404, problem(404, "not_found", "widget.js not found"));
      const file = url.pathname === "/widget.js" ? options.widgetJsPath : join(dirname(options.widgetJsPath), "widget-panel.js");
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" });
      return res.end(await readFile(file));
    }
    if (!url.pathname.startsWith("/api/widget/v1/")) return send(res, 404, problem(404, "not_found", "Not found"));

    // CORS: reflect the caller so the widget can read even a 403 and say why it is disabled.
    if (origin) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Accept, X-Frontdesk-Bot-Key, X-Frontdesk-Visitor",
        "Access-Control-Max-Age": "600",
      });
      return res.end();
    }
    // Statuses and titles mirror @frontdesk/core resolveWidgetContext.
    if (!record.botKey) {
      const title = "Missing bot key: send the X-Frontdesk-Bot-Key header or ?key=";
      const fields = [{ field: "key", message: "bot public key (pk_…) is required" }];
      return send(res, 401, problem(401, "unauthorized", title, fields));
    }
    if (record.botKey !== botKey) return send(res, 404, problem(404, "not_found", "Bot not found for this key"));
    if (allowedOrigins.length > 0 && !(origin && allowedOrigins.includes(origin))) {
      const shown = origin ? `origin ${origin} is` : "requests without an Origin header are";
      return send(res, 403, problem(403, "forbidden", `${shown} not allowed for this bot`));
    }

    if (url.pathname === "/api/widget/v1/config" && req.method === "GET") {
      return send(res, 200, {
        botName: options.botName ?? "Acme Front Desk",
        greeting: options.greeting ?? "Hi! How can I help you today?",
        appearance: {},
        strings: widgetStrings(url.searchParams.get("locale") ?? undefined),
      });
    }

    const conversationMatch = /^\/api\/widget\/v1\/conversations\/([^/]+)(\/messages|\/events)?$/.exec(url.pathname);
    if (conversationMatch && req.method === "GET") {
      const visitorId = record.visitorId;
      const conversation = conversations.get(decodeURIComponent(conversationMatch[1] ?? ""));
      if (!conversation || !visitorId || conversation.visitorId !== visitorId) {
        return send(res, 404, problem(404, "not_found", "Conversation not found"));
      }
      const after = conversation.messages.findIndex((m) => m.id === url.searchParams.get("after"));
      const messages = conversation.messages.slice(after + 1);
      if (conversationMatch[2] === "/events") {
        // The real stream stays open for pushes; this one ends after the backlog (the widget re-follows after 2 s).
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write(`event: status\ndata: ${JSON.stringify({ status: "open" })}\n\n`);
        for (const message of messages) res.write(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(message)}\n\n`);
        return res.end();
      }
      return send(res, 200, { id: conversationMatch[1], status: "open", messages });
    }

    if (url.pathname === "/api/widget/v1/chat" && req.method === "POST") return chat(req, res, record);
    const ratingMatch = /^\/api\/widget\/v1\/conversations\/([^/]+)\/messages\/([^/]+)\/rating$/.exec(url.pathname);
    if (ratingMatch && req.method === "POST") return rate(req, res, record, decodeURIComponent(ratingMatch[1]!), decodeURIComponent(ratingMatch[2]!));
    return send(res, 404, problem(404, "not_found", "Not found"));
  }

  // Mirrors @frontdesk/core rateAnswer: the visitor's own conversation, an assistant message, up/down/null.
  async function rate(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, conversationId: string, messageId: string) {
    const body = JSON.parse(await readBody(req)) as { rating?: unknown };
    record.body = body;
    const conversation = conversations.get(conversationId);
    const message = conversation?.visitorId === record.visitorId ? conversation?.messages.find((m) => m.id === messageId && m.role === "assistant") : undefined;
    if (!message) return send(res, 404, problem(404, "not_found", "Message not found"));
    if (body.rating !== "up" && body.rating !== "down" && body.rating !== null) {
      return send(res, 422, problem(422, "validation_failed", "Invalid input", [{ field: "rating", message: "Invalid option" }]));
    }
    if (body.rating) message.rating = body.rating;
    else delete message.rating;
    return send(res, 200, { messageId, rating: body.rating });
  }

  async function chat(req: IncomingMessage, res: ServerResponse, record: RecordedRequest) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      return send(res, 400, problem(400, "bad_request", "Body must be JSON"));
    }
    record.body = body;
    const fields: { field: string; message: string }[] = [];
    if (typeof body.message !== "string" || !body.message.trim()) fields.push({ field: "message", message: "Required" });
    const visitorId = record.visitorId ?? body.visitorId;
    if (typeof visitorId !== "string" || !visitorId) fields.push({ field: "visitorId", message: "Required" });
    if (body.conversationId !== undefined && typeof body.conversationId !== "string") {
      fields.push({ field: "conversationId", message: "Expected string" });
    }
    if (fields.length) return send(res, 422, problem(422, "validation_failed", "Invalid chat request", fields));

    const message = body.message as string;
    let conversationId = body.conversationId as string | undefined;
    if (conversationId) {
      const existing = conversations.get(conversationId);
      if (!existing || existing.visitorId !== visitorId) {
        return send(res, 404, problem(404, "not_found", "Conversation not found"));
      }
    } else {
      conversationId = id("conv");
      conversations.set(conversationId, { visitorId: visitorId as string, messages: [] });
    }
    const conversation = conversations.get(conversationId)!;
    const failure = nextFailure;
    nextFailure = null;
    const pause = nextPause;
    nextPause = null;
    if (failure === "http-500") return send(res, 500, problem(500, "internal", "The assistant is unavailable"));

    const userMessage: StoredMessage = {
      id: id("msg"),
      role: "user",
      content: message,
      citations: [],
      createdAt: new Date().toISOString(),
    };
    conversation.messages.push(userMessage);
    const reply = answer(message);

    if (!String(req.headers.accept ?? "").includes("text/event-stream")) {
      const messageId = id("msg");
      conversation.messages.push({ ...userMessage, id: messageId, role: "assistant", content: reply.text, citations: reply.citations });
      return send(res, 200, { conversationId, messageId, message: reply.text, citations: reply.citations });
    }

    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
    res.flushHeaders();
    const event = (name: string, data: unknown) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    event("meta", { conversationId, userMessageId: userMessage.id });
    const tokens = tokenize(reply.text);
    for (const [i, text] of tokens.entries()) {
      if (pause && i === pause.tokens) {
        pause.reached();
        await pause.gate;
      }
      if (failure && i === 2) {
        if (failure === "drop") return res.destroy();
        event("error", { code: "internal", title: "The assistant could not finish its answer." });
        return res.end();
      }
      event("token", { text });
      await sleep(tokenDelayMs);
    }
    const messageId = id("msg");
    conversation.messages.push({
      id: messageId,
      role: "assistant",
      content: reply.text,
      citations: reply.citations,
      createdAt: new Date().toISOString(),
    });
    event("done", { conversationId, messageId, message: reply.text, citations: reply.citations });
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setAllowedOrigins: (origins) => {
      allowedOrigins = origins;
    },
    pauseNextChat(tokens) {
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      nextPause = { tokens, gate, reached };
      return { release, reached: reachedPromise };
    },
    failNextChat(mode) {
      nextFailure = mode;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
