import { request } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes the client had written when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * A POST whose body is never finished: `head` is written, then the request stays open until the server answers.
 * With a declared Content-Length the answer can only come from that header; chunked (no length) it shows the
 * server stopped at its limit instead of waiting for the rest.
 */
export function openEndedPost(url: string, options: { headers: Record<string, string>; head: Buffer | string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = Buffer.byteLength(options.head);
    const req = request(url, { method: "POST", headers: options.headers });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentWhenAnswered: sent });
      });
    });
    req.on("error", reject);
    req.write(options.head);
  });
}
