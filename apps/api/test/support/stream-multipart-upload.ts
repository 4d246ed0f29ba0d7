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
 * POSTs a multipart body whose `file` part holds `totalBytes` bytes, streamed chunked 16 KB at a time with
 * backpressure, and reports how much had been written when the answer arrived: how size limits that are checked
 * while streaming are told apart from limits checked after buffering.
 */
export function streamMultipartUpload(url: string, totalBytes: number, headers: Record<string, string>): Promise<StreamedUploadAnswer> {
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
    const pump = () => {
      while (!req.destroyed) {
        if (sent >= totalBytes) {
          finished = true;
          req.end(`\r\n--${boundary}--\r\n`);
          return;
        }
        sent += piece.byteLength;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}
