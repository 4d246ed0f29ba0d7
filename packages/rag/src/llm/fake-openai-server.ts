import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeChatRequest {
  model: string;
  messages: Array<{ role: string; content: unknown }>;
  temperature?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface FakeOpenAIServer {
  /** Base URL to use as OPENAI_BASE_URL (ends in /v1). */
  baseUrl: string;
  /** Every chat completion request received, in order. */
  requests: FakeChatRequest[];
  /** The bearer token of every chat completion request, in order ("" when none was sent). */
  bearerTokens: string[];
  close(): Promise<void>;
}

/** A scripted assistant turn that calls tools instead of answering (finish_reason "tool_calls"). */
export interface FakeToolCallsReply {
  toolCalls: Array<{ name: string; arguments: unknown; id?: string }>;
}

export interface FakeOpenAIOptions {
  /** The assistant's reply (streamed word by word when the client asks for a stream), or tool calls to make. */
  reply: string | FakeToolCallsReply | ((request: FakeChatRequest) => string | FakeToolCallsReply);
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (401 invalid_api_key otherwise, as OpenAI answers). */
  apiKey?: string;
}

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI chat completions API (JSON and SSE streaming), for tests
 * that drive the real LangChain client through OPENAI_BASE_URL.
 */
export async function startFakeOpenAIServer(options: FakeOpenAIOptions): Promise<FakeOpenAIServer> {
  const requests: FakeChatRequest[] = [];
  const bearerTokens: string[] = [];
  const usage = options.usage ?? { prompt_tokens: 42, completion_tokens: 7 };
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    bearerTokens.push(token);
    if (options.apiKey !== undefined && token !== options.apiKey) {
      const shown = token ? `${token.slice(0, 3)}***${token.slice(-4)}` : "";
      return refuse(res, 401, `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_api_key");
    }
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeChatRequest;
    if (typeof request.model !== "string" || request.model === "") return refuse(res, 400, "you must provide a model parameter", null);
    if (!Array.isArray(request.messages) || request.messages.length === 0) return refuse(res, 400, "'messages' is a required property", null);
    requests.push(request);
    const reply = typeof options.reply === "function" ? options.reply(request) : options.reply;
    const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: request.model };
    const fullUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    const calls = typeof reply === "string" ? [] : toolCallsOf(reply, requests.length);
    if (!request.stream) {
      const message = calls.length > 0 ? { role: "assistant", content: null, tool_calls: calls } : { role: "assistant", content: reply };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message, finish_reason: calls.length > 0 ? "tool_calls" : "stop" }],
          usage: fullUsage,
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: unknown, finish: string | null = null) => ({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] });
    if (typeof reply === "string") {
      send(chunk({ role: "assistant", content: "" }));
      for (const piece of reply.match(/\s*\S+\s*/g) ?? []) send(chunk({ content: piece }));
      send(chunk({}, "stop"));
    } else {
      // Tool calls arrive as deltas: id and name first, the JSON arguments split over two chunks.
      send(chunk({ role: "assistant", content: null }));
      calls.forEach((call, index) => {
        const args = call.function.arguments;
        const half = Math.floor(args.length / 2);
        send(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: args.slice(0, half) } }] }));
        send(chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] }));
      });
      send(chunk({}, "tool_calls"));
    }
    if (request.stream_options?.include_usage) send({ ...base, object: "chat.completion.chunk", choices: [], usage: fullUsage });
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    bearerTokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** OpenAI's error body. */
function refuse(res: ServerResponse, status: number, message: string, code: string | null): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code } }));
}

/** Scripted tool calls in OpenAI's shape, with stable ids per request. */
function toolCallsOf(reply: FakeToolCallsReply, requestNumber: number) {
  return reply.toolCalls.map((call, index) => ({
    id: call.id ?? `call_${requestNumber}_${index}`,
    type: "function" as const,
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}
