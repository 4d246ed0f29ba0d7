import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "@frontdesk/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrlSource } from "./fetch-url-source";
import { IngestionFailure } from "./ingestion-failure";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/page.html":
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end("<html><head><title>Opening hours</title></head><body><nav><a href='/'>Home</a> | <a href='/shop'>Shop</a></nav><main><h1>Opening hours</h1><p>We are open from nine to five on weekdays, and from ten to two on Saturdays.</p><ul><li>Closed on Sundays</li></ul></main><footer>Cookie settings</footer></body></html>");
        break;
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

const limit = (UPLOAD_MAX_BYTES: number) => ({ ...loadConfig({}), UPLOAD_MAX_BYTES, ALLOW_PRIVATE_NETWORK_FETCH: true });

describe("fetchUrlSource", () => {
  it("turns HTML into its readable text: Markdown headings and lists, no navigation or footer", async () => {
    const source = await fetchUrlSource(`${base}/page.html`, limit(100_000));
    const text = new TextDecoder().decode(source.bytes);
    expect(source.mimeType).toBe("text/markdown");
    expect(text).toMatch(/^# Opening hours/);
    expect(text).toContain("from nine to five");
    expect(text).toContain("- Closed on Sundays");
    expect(text).not.toContain("Shop");
    expect(text).not.toContain("Cookie settings");
  });

  it("refuses private addresses unless ALLOW_PRIVATE_NETWORK_FETCH is set", async () => {
    const guarded = fetchUrlSource(`${base}/page.html`, { ...loadConfig({}), UPLOAD_MAX_BYTES: 1000, ALLOW_PRIVATE_NETWORK_FETCH: false });
    await expect(guarded).rejects.toBeInstanceOf(IngestionFailure);
    await expect(guarded).rejects.toThrow(/private or reserved address.*ALLOW_PRIVATE_NETWORK_FETCH=true/);
  });

  it("returns the bytes, content type and file name, following redirects", async () => {
    const source = await fetchUrlSource(`${base}/redirect`, limit(1000));
    expect(new TextDecoder().decode(source.bytes)).toBe("%PDF-1.4 tiny");
    expect(source).toMatchObject({ mimeType: "application/pdf", fileName: "doc.pdf" });
  });

  it("refuses bodies over the limit, declared or streamed", async () => {
    await expect(fetchUrlSource(`${base}/big`, limit(1000))).rejects.toThrow(`${base}/big is 5000 bytes, the limit is 1000`);
    const streamed = fetchUrlSource(`${base}/streamed`, limit(1000));
    await expect(streamed).rejects.toBeInstanceOf(IngestionFailure);
    await expect(streamed).rejects.toThrow(/larger than the limit of 1000 bytes/);
  });

  it("treats 4xx and bad URLs as permanent, 5xx as retriable", async () => {
    await expect(fetchUrlSource(`${base}/missing`, limit(1000))).rejects.toBeInstanceOf(IngestionFailure);
    await expect(fetchUrlSource("ftp://example.com/a", limit(1000))).rejects.toThrow(/only http and https/);
    await expect(fetchUrlSource("not a url", limit(1000))).rejects.toBeInstanceOf(IngestionFailure);
    const busy = await fetchUrlSource(`${base}/busy`, limit(1000)).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(IngestionFailure);
    expect((busy as Error).message).toBe(`could not fetch ${base}/busy: HTTP 503`);
  });
});
