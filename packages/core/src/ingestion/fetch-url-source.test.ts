import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrlSource } from "./fetch-url-source";
import { IngestionFailure } from "./ingestion-failure";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/doc.pdf":
        res.setHeader("content-type", "application/pdf");
        res.end("%PDF-1.4 tiny");
        break;
      case "/big":
        res.setHeader("content-length", "5000");
        res.end("x".repeat(5000));
        break;
      case "/streamed": // no content-length: the limit is enforced while reading
        res.write("y".repeat(600));
        res.end("y".repeat(600));
        break;
      case "/redirect":
        res.statusCode = 302;
        res.setHeader("location", "/doc.pdf");
        res.end();
        break;
      case "/busy":
        res.statusCode = 503;
        res.end();
        break;
      default:
        res.statusCode = 404;
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchUrlSource", () => {
  it("returns the bytes, content type and file name, following redirects", async () => {
    const source = await fetchUrlSource(`${base}/redirect`, 1000);
    expect(new TextDecoder().decode(source.bytes)).toBe("%PDF-1.4 tiny");
    expect(source).toMatchObject({ mimeType: "application/pdf", fileName: "doc.pdf" });
  });

  it("refuses bodies over the limit, declared or streamed", async () => {
    await expect(fetchUrlSource(`${base}/big`, 1000)).rejects.toThrow(`${base}/big is 4.9 KB, limit is 1000 bytes`);
    const streamed = fetchUrlSource(`${base}/streamed`, 1000);
    await expect(streamed).rejects.toBeInstanceOf(IngestionFailure);
    await expect(streamed).rejects.toThrow(/larger than the limit of 1000 bytes/);
  });

  it("treats 4xx and bad URLs as permanent, 5xx as retriable", async () => {
    await expect(fetchUrlSource(`${base}/missing`, 1000)).rejects.toBeInstanceOf(IngestionFailure);
    await expect(fetchUrlSource("ftp://example.com/a", 1000)).rejects.toThrow(/only http and https/);
    await expect(fetchUrlSource("not a url", 1000)).rejects.toBeInstanceOf(IngestionFailure);
    const busy = await fetchUrlSource(`${base}/busy`, 1000).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(IngestionFailure);
    expect((busy as Error).message).toBe(`could not fetch ${base}/busy: HTTP 503`);
  });
});
