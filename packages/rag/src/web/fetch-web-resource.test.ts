import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSite, type TestSite } from "../testing/test-site";
import { fetchWebResource } from "./fetch-web-resource";
import { WebFetchError } from "./web-fetch-error";

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite({
    "/page": "<html><body>hello</body></html>",
    "/go": { body: "", location: "/secret", status: 302 },
    "/secret": "internal",
    "/big": "x".repeat(5000),
  });
});
afterAll(() => site?.close());

describe("fetchWebResource", () => {
  it("checks the destination guard on every redirect hop", async () => {
    const guard = async (url: URL) => {
      if (url.pathname === "/secret") throw new Error("internal address");
    };
    const error = await fetchWebResource(`${site.url}/go`, { maxBytes: 1000, assertDestination: guard }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebFetchError);
    expect(error).toMatchObject({ code: "blocked", permanent: true });
    expect((error as Error).message).toBe(`${site.url}/secret is not allowed: internal address`);
    expect(site.requests).toContain("GET /go");
    expect(site.requests).not.toContain("GET /secret");
  });

  it("returns not_modified for a matching ETag and the body otherwise", async () => {
    const first = await fetchWebResource(`${site.url}/page`, { maxBytes: 1000 });
    expect(first).toMatchObject({ status: "ok", contentType: "text/html; charset=utf-8" });
    const again = await fetchWebResource(`${site.url}/page`, { maxBytes: 1000, etag: first.etag });
    expect(again.status).toBe("not_modified");
    site.pages.set("/page", { body: "<html><body>changed</body></html>" });
    const changed = await fetchWebResource(`${site.url}/page`, { maxBytes: 1000, etag: first.etag });
    expect(changed.status).toBe("ok");
  });

  it("caps the response size and classifies failures", async () => {
    await expect(fetchWebResource(`${site.url}/big`, { maxBytes: 1000 })).rejects.toMatchObject({ code: "too_large" });
    await expect(fetchWebResource(`${site.url}/missing`, { maxBytes: 1000 })).rejects.toMatchObject({ code: "http", status: 404, permanent: true });
    await expect(fetchWebResource("file:///etc/passwd", { maxBytes: 1000 })).rejects.toMatchObject({ code: "invalid_url" });
  });
});
