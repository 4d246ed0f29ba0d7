import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestSiteResource {
  body: string | Uint8Array;
  /** Default text/html; charset=utf-8. */
  contentType?: string;
  status?: number;
  /** Redirect target (sets status 301 unless given). */
  location?: string;
  /** Answer If-None-Match with an ETag derived from the body (default true) or not at all. */
  etag?: boolean;
  /** Answer only after this many milliseconds (a slow site). */
  delayMs?: number;
}

export interface TestSite {
  url: string;
  /** Path (with query) → resource; edit it to change the site between crawls. */
  pages: Map<string, TestSiteResource>;
  /** Every request as "METHOD path" with a trailing " (conditional)" when it carried validators. */
  requests: string[];
  /** The same requests with when they arrived (Date.now()), for politeness tests. */
  log: Array<{ request: string; at: number }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 serving a small site: HTML pages, robots.txt, sitemaps, redirects and
 * ETag-based 304 answers, for crawler tests. Unknown paths answer 404.
 */
export async function startTestSite(pages: Record<string, TestSiteResource | string> = {}): Promise<TestSite> {
  const map = new Map<string, TestSiteResource>(
    Object.entries(pages).map(([path, resource]) => [path, typeof resource === "string" ? { body: resource } : resource]),
  );
  const requests: string[] = [];
  const log: Array<{ request: string; at: number }> = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    const conditional = req.headers["if-none-match"] !== undefined || req.headers["if-modified-since"] !== undefined;
    const request = `${req.method} ${path}${conditional ? " (conditional)" : ""}`;
    requests.push(request);
    log.push({ request, at: Date.now() });
    const resource = map.get(path);
    if (resource?.delayMs) await new Promise((resolve) => setTimeout(resolve, resource.delayMs));
    if (!resource) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (resource.location) {
      res.writeHead(resource.status ?? 301, { location: resource.location }).end();
      return;
    }
    const body = typeof resource.body === "string" ? Buffer.from(resource.body) : Buffer.from(resource.body);
    const headers: Record<string, string> = { "content-type": resource.contentType ?? "text/html; charset=utf-8" };
    if (resource.etag !== false) {
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      headers.etag = etag;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    res.writeHead(resource.status ?? 200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pages: map,
    requests,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small HTML page with navigation chrome around an article, like real sites have. */
export function htmlPage(title: string, body: string, head = ""): string {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a></nav>
<main><article><h1>${title}</h1>${body}</article></main>
<footer>© Example Ltd — cookie settings — imprint</footer></body></html>`;
}
