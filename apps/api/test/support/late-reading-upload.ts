import { connect } from "node:net";

export interface LateReadAnswer {
  /** Status line code, or 0 when the connection ended before a whole answer arrived. */
  status: number;
  body: string;
  /** How the connection ended for the client, when it did not read a whole answer: "reset", "closed". */
  cut?: string;
  /** File bytes written when the answer was read. */
  sentWhenRead: number;
}

/**
 * A client on a busy machine: it streams a chunked multipart upload `chunkBytes` every `everyMs` and does not read
 * the socket for `readAfterMs` (as a relay whose event loop is busy), then reads the answer and stops sending. A
 * server that answers early and then closes the connection while bytes still arrive sends a TCP reset, which
 * throws away the answer still waiting unread in the client's socket.
 */
export function lateReadingUpload(
  url: string,
  headers: Record<string, string>,
  options: { readAfterMs: number; chunkBytes: number; everyMs: number; maxBytes: number },
): Promise<LateReadAnswer> {
  const target = new URL(url);
  const boundary = "----frontdesk-late-reader";
  return new Promise((resolve) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    socket.pause();
    let sent = 0;
    let received = "";
    let settled = false;
    const head = Object.entries({ host: target.host, ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const chunk = (data: Buffer | string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
    const piece = Buffer.alloc(options.chunkBytes, 120).toString("latin1");
    const finish = (cut?: string) => {
      if (settled) return;
      settled = true;
      clearInterval(pump);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(received);
      resolve({ status: match ? Number(match[1]) : 0, body: match?.[2] ?? "", sentWhenRead: sent, ...(match ? {} : { cut: cut ?? "closed" }) });
    };
    socket.on("connect", () => {
      socket.write(`POST ${target.pathname} HTTP/1.1\r\n${head}\r\n`);
      socket.write(chunk(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`));
    });
    const pump = setInterval(() => {
      if (settled || socket.destroyed || !socket.writable || sent >= options.maxBytes) return;
      socket.write(chunk(piece));
      sent += options.chunkBytes;
    }, options.everyMs);
    setTimeout(() => socket.resume(), options.readAfterMs);
    socket.setEncoding("latin1");
    socket.on("data", (data: string) => {
      received += data;
      const match = /\r\ncontent-length: (\d+)\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/i.exec(received);
      if (match && Buffer.byteLength(match[2]!, "latin1") >= Number(match[1])) finish();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNRESET" ? "reset" : error.code));
    socket.on("close", () => finish());
    socket.on("end", () => finish());
  });
}
