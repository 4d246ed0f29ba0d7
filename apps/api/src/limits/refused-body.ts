import type { Readable } from "node:stream";
import type { Context, MiddlewareHandler } from "hono";

/**
 * How much of a refused body is still read (and dropped) after the refusal is sent, and for how long. Enough for
 * a client that is still sending to read the answer on an open connection; a client that sends on past this is
 * cut off (the connection is then closed as @hono/node-server does: 500 ms more, then the socket is closed).
 * At most `maxHolds` connections are held so at once: slow clients (one byte a second) cannot each keep a socket
 * for `maxMs` without bound. Beyond that a refusal is answered with `Connection: close` and not waited for.
 */
export const REFUSED_BODY_DROP = { maxBytes: 64 * 1024 * 1024, maxMs: 15_000, maxHolds: 32 };

export type DropLimits = typeof REFUSED_BODY_DROP;

/** Reads and drops the rest of a body within the limits; resolves when it ended, failed or met a limit. */
export type DropRest = (limits: DropLimits) => Promise<void>;

const refusedPartWay = new WeakMap<Context, DropRest>();

/** A body refused after part of it was read (an upload past its limit): its rest is dropped while the refusal is answered. */
export function refuseRest(c: Context, drop: DropRest): void {
  refusedPartWay.set(c, drop);
}

/** Drops what is left in a web stream reader. */
export const dropWebRest =
  (reader: ReadableStreamDefaultReader<Uint8Array>): DropRest =>
  async ({ maxBytes, maxMs }) => {
    const deadline = setTimeout(() => void reader.cancel().catch(() => undefined), maxMs);
    let dropped = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        dropped += value.byteLength;
        if (dropped > maxBytes) return await reader.cancel();
      }
    } catch {
      // The client went away: nothing left to drop.
    } finally {
      clearTimeout(deadline);
    }
  };

/** Drops what is left in a Node stream (one a parser was reading from, unpiped). */
export const dropNodeRest =
  (source: Readable): DropRest =>
  ({ maxBytes, maxMs }) =>
    new Promise<void>((resolve) => {
      let dropped = 0;
      const stop = () => {
        clearTimeout(deadline);
        source.off("data", count);
        source.destroy();
        resolve();
      };
      const count = (chunk: Buffer) => {
        dropped += chunk.byteLength;
        if (dropped > maxBytes) stop();
      };
      const deadline = setTimeout(stop, maxMs);
      source.on("data", count);
      source.once("end", stop);
      source.once("error", stop);
      source.once("close", stop);
      source.resume();
    });

/** The rest of a request body nobody read (a refusal before the body, e.g. 401 or a declared size over the limit). */
function unreadBody(request: Request): DropRest | undefined {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const body = request.body;
  if (!body || request.bodyUsed || body.locked) return undefined;
  return dropWebRest(body.getReader());
}

/** A problem (JSON) or empty answer, read whole here; a streamed answer is left alone. */
const isSmallAnswer = (answer: Response) => answer.body === null || /json/i.test(answer.headers.get("content-type") ?? "");

/** The same answer, whose end waits for `dropping`: the client has all of it, the connection stays open meanwhile. */
async function answerWhile(answer: Response, dropping: Promise<void>): Promise<Response> {
  const bytes = new Uint8Array(await answer.arrayBuffer());
  const headers = new Headers(answer.headers);
  headers.set("content-length", String(bytes.byteLength));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        return controller.enqueue(bytes);
      }
      await dropping;
      controller.close();
    },
  });
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
}

/**
 * The app's outermost middleware. A request refused (4xx/5xx) while its body is still arriving gets its answer at
 * once, and the rest of the body is read and dropped (up to REFUSED_BODY_DROP) before the answer ends, so the
 * connection stays open until the client has stopped sending. @hono/node-server would otherwise read on for 500 ms
 * only, then close the socket under the arriving bytes: a TCP reset, which loses an answer the client (a relay on a
 * busy machine, like the admin's Next) has not read yet.
 */
export function answerRefusalsWhileDropping(limits: DropLimits = REFUSED_BODY_DROP): MiddlewareHandler {
  let holding = 0;
  return async function answerRefusalsWhileDroppingMiddleware(c, next) {
    await next();
    if (c.res.status < 400 || !isSmallAnswer(c.res)) return;
    const drop = refusedPartWay.get(c) ?? unreadBody(c.req.raw);
    if (!drop) return;
    if (holding >= limits.maxHolds) {
      // Answered, then the connection closes: @hono/node-server drops what arrives for 500 ms more, then closes it.
      c.header("connection", "close");
      return;
    }
    holding += 1;
    const dropping = drop(limits).finally(() => {
      holding -= 1;
    });
    c.res = await answerWhile(c.res, dropping);
  };
}
