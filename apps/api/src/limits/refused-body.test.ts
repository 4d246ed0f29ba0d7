import { connect, type AddressInfo, type Socket } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRefusalsWhileDropping } from "./refused-body";

// Slow clients on loopback (a body promised by Content-Length, sent a few bytes at a time): a refusal is answered at
// once and its connection held while the rest is dropped, but only for maxHolds connections at a time. Beyond
// that the refusal says Connection: close and the server closes the socket, whatever the client still sends.

const LIMITS = { maxBytes: 1024 * 1024, maxMs: 60_000, maxHolds: 2 };
const DECLARED = 1_000;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  app.use("*", answerRefusalsWhileDropping(LIMITS));
  app.post("/refused", (c) => c.json({ error: "no" }, 401));
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface SlowClient {
  socket: Socket;
  /** The next whole answer on the connection: its status line and headers (lower-cased names). */
  answer: () => Promise<{ status: string; headers: Map<string, string> }>;
  /** Resolves when the server ends the connection. */
  closed: Promise<void>;
}

/** A connection that sent a request head and the first bytes of a DECLARED-byte body, and sends nothing more yet. */
function slowClient(): Promise<SlowClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    let waiting: (() => void) | undefined;
    socket.setEncoding("latin1");
    socket.on("data", (part: string) => {
      received += part;
      waiting?.();
    });
    socket.on("error", () => undefined);
    const closed = new Promise<void>((done) => socket.once("end", done).once("close", done));
    const answer = () =>
      new Promise<{ status: string; headers: Map<string, string> }>((done) => {
        const check = () => {
          const headEnd = received.indexOf("\r\n\r\n");
          if (headEnd < 0) return;
          const [status, ...lines] = received.slice(0, headEnd).split("\r\n");
          const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
          const length = Number(headers.get("content-length") ?? 0);
          if (received.length < headEnd + 4 + length) return;
          received = received.slice(headEnd + 4 + length);
          waiting = undefined;
          done({ status: status!, headers });
        };
        waiting = check;
        check();
      });
    socket.once("connect", () => {
      socket.write(`POST /refused HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${DECLARED}\r\n\r\n{"a`);
      resolve({ socket, answer, closed });
    });
    socket.once("error", reject);
  });
}

describe("refusals answered while the body is dropped", () => {
  it("holds at most maxHolds slow connections; beyond that it answers with Connection: close and closes the socket", async () => {
    const held: SlowClient[] = [];
    for (let i = 0; i < LIMITS.maxHolds; i += 1) {
      const client = await slowClient();
      const answer = await client.answer();
      expect(answer.status).toBe("HTTP/1.1 401 Unauthorized");
      expect(answer.headers.get("connection")).toBe("keep-alive");
      held.push(client);
    }

    const beyond = await slowClient();
    const refused = await beyond.answer();
    expect(refused.status).toBe("HTTP/1.1 401 Unauthorized");
    expect(refused.headers.get("connection")).toBe("close");
    beyond.socket.write("bc"); // still sending: the server closes the connection anyway
    await beyond.closed;

    // A held client that finishes its body frees its hold: its connection answers the next request (which the
    // server reads only once the first answer ended), and a new slow client is held again.
    const first = held[0]!;
    first.socket.write(`${"x".repeat(DECLARED - 3)}`);
    first.socket.write("POST /refused HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
    expect((await first.answer()).status).toBe("HTTP/1.1 401 Unauthorized");
    const next = await slowClient();
    expect((await next.answer()).headers.get("connection")).toBe("keep-alive");

    for (const client of [...held, next]) client.socket.destroy();
  });
});
