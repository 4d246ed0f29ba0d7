import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { MAX_RESPONSE_BYTES } from "./read-capped";

/** A provider accepted the connection but went quiet for longer than the caller's deadline. */
export class ProviderTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.name = "ProviderTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** A provider answered with more bytes than we read from anyone (MAX_RESPONSE_BYTES). */
export class ProviderResponseTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`response larger than ${maxBytes} bytes`);
    this.name = "ProviderResponseTooLargeError";
    this.maxBytes = maxBytes;
  }
}

/**
 * An http(s) Agent for SDKs that take an agent but no AbortSignal or size limit (e.g. @hubspot/api-client): a
 * socket is destroyed after `timeoutMs` without traffic (the request rejects with ProviderTimeoutError instead of
 * hanging) or once more than `maxResponseBytes` arrived on it (ProviderResponseTooLargeError, the rest unread).
 * keepAlive stays off, so one socket carries one request and its byte count is that response's.
 */
export function createDeadlineAgent(origin: string, timeoutMs: number, maxResponseBytes: number = MAX_RESPONSE_BYTES): http.Agent {
  const agent = origin.startsWith("https:") ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback) as Socket;
    socket.setTimeout(timeoutMs, () => socket.destroy(new ProviderTimeoutError(timeoutMs)));
    let received = 0;
    socket.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > maxResponseBytes) socket.destroy(new ProviderResponseTooLargeError(maxResponseBytes));
    });
    return socket;
  };
  return agent;
}
