import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";

/** A provider accepted the connection but went quiet for longer than the caller's deadline. */
export class ProviderTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.name = "ProviderTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/**
 * An http(s) Agent whose sockets are destroyed after `timeoutMs` without traffic, for SDKs that take an agent but no
 * AbortSignal (e.g. @hubspot/api-client). The request then rejects with ProviderTimeoutError instead of hanging.
 * keepAlive stays off so no idle pooled socket trips the timer between requests.
 */
export function createDeadlineAgent(origin: string, timeoutMs: number): http.Agent {
  const agent = origin.startsWith("https:") ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback) as Socket;
    socket.setTimeout(timeoutMs, () => socket.destroy(new ProviderTimeoutError(timeoutMs)));
    return socket;
  };
  return agent;
}
