import { request } from "node:http";

export interface StreamedUploadAnswer {
  status: number;
  /** The response body as text. */
  body: string;
  /** File bytes written when the response arrived. */
  sentWhenAnswered: number;
  /** Whether the client was still sending when the response arrived. */
  stillSending: boolean;
  /** File bytes written in all. */
  sentTotal: number;
}

/**
 * After `bytes` of the file, wait up to `ms` for the answer before sending the rest. A server that answers while
 * the body streams has answered by then; one that reads the whole body first answers only after the rest, so
 * `stillSending` still tells them apart, and how much was sent when the answer came stays small on a loaded machine.
 */
export interface UploadPause {
  bytes: number;
  ms: number;
}

/**
 * POSTs a multipart body whose `file` part holds `totalBytes` bytes, streamed chunked 16 KB at a time with
 * backpressure (and `pause`, when given), and reports how much had been written when the answer arrived: how size
 * limits that are checked while streaming are told apart from limits checked after buffering.
 */
export function streamMultipartUpload(url: string, totalBytes: number, headers: Record<string, string>, pause?: UploadPause): Promise<StreamedUploadAnswer> {
  const boundary = "----frontdesk-streamed-upload";
  return new Promise((resolve, reject) => {
    let sent = 0;
    let finished = false;
    const req = request(url, {
      method: "POST",
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      const sentWhenAnswered = sent;
      const stillSending = !finished;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered, stillSending, sentTotal: sent });
      });
    });
    req.on("error", (error) => (finished ? undefined : reject(error)));
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const piece = Buffer.alloc(16 * 1024, 120);
    let paused = false;
    const pump = () => {
      while (!req.destroyed) {
        if (sent >= totalBytes) {
          finished = true;
          req.end(`\r\n--${boundary}--\r\n`);
          return;
        }
        if (pause && !paused && sent >= pause.bytes) {
          paused = true;
          return void setTimeout(pump, pause.ms).unref();
        }
        sent += piece.byteLength;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}
