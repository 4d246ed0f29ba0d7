import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionError } from "../loaders/extraction-error";
import { buildDeeplyNestedHtml, buildDocx, buildDocxBomb, buildGzipSitemapBomb, encodeUtf8 } from "../testing";
import { ExtractionSandbox, type SandboxLimits } from "./extraction-sandbox";

const MB = 1024 * 1024;
const defaults: SandboxLimits = { maxHeapMb: 256, timeoutMs: 60_000, maxExpandedBytes: 100 * MB, workers: 2 };
const sandboxes: ExtractionSandbox[] = [];
const sandbox = (limits: Partial<SandboxLimits> = {}) => {
  const created = new ExtractionSandbox({ ...defaults, ...limits });
  sandboxes.push(created);
  return created;
};
afterAll(() => sandboxes.forEach((created) => created.close()));

async function extractionError(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

const handbook = () => buildDocx({ title: "Handbook", sections: [{ heading: "Parking", paragraphs: ["Parking is free in lot B."] }] });

describe("ExtractionSandbox", () => {
  it("refuses a DOCX zip bomb from its zip directory and reads a normal DOCX next", async () => {
    const reader = sandbox();
    const bomb = await buildDocxBomb({ expandedBytes: 110 * MB });
    // A few hundred KB on the wire: under any upload limit.
    expect(bomb.byteLength).toBeLessThan(1 * MB);
    const error = await extractionError(reader.extractText({ bytes: bomb, fileName: "bomb.docx" }));
    expect(error).toMatchObject({ code: "too_large", message: "the file expands to more than 100 MB" });

    const normal = await reader.extractText({ bytes: await handbook(), fileName: "handbook.docx" });
    expect(normal.text).toContain("Parking is free in lot B.");
  });

  it("catches a zip header that lies about the size while inflating, before the parser sees it", async () => {
    const liar = await buildDocxBomb({ expandedBytes: 110 * MB, declaredBytes: 2000 });
    const error = await extractionError(sandbox().extractText({ bytes: liar, fileName: "liar.docx" }));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("the file is damaged or hostile: a part expands past the size its zip header declares");
  });

  it("caps what a gzipped sitemap may inflate to, and still reads a normal one", async () => {
    const reader = sandbox({ maxExpandedBytes: 20 * MB });
    const error = await extractionError(reader.parseSitemap(await buildGzipSitemapBomb(110 * MB)));
    expect(error).toMatchObject({ code: "too_large", message: "the sitemap expands to more than 20 MB" });

    const small = gzipSync(`<urlset><url><loc>http://example.com/a</loc></url></urlset>`);
    expect(await reader.parseSitemap(new Uint8Array(small))).toEqual({ kind: "urlset", urls: ["http://example.com/a"] });
  });

  it("a page that needs more heap than allowed ends its worker, not the process; the next page is read", async () => {
    const reader = sandbox({ maxHeapMb: 32, workers: 1 });
    const error = await extractionError(reader.readWebPage(buildDeeplyNestedHtml(200_000), "http://example.com/deep"));
    expect(error).toMatchObject({ code: "too_large", message: "reading the file needs more than 32 MB of memory (the limit)" });

    const page = await reader.readWebPage(encodeUtf8("<html><head><title>Hours</title></head><body><p>Open 9 to 5.</p></body></html>"), "http://example.com/");
    expect(page.text).toContain("Open 9 to 5.");
  });

  it("stops a parser that runs past the timeout", async () => {
    const reader = sandbox({ maxHeapMb: 1024, timeoutMs: 100 });
    const error = await extractionError(reader.extractText({ bytes: buildDeeplyNestedHtml(200_000), fileName: "deep.html" }));
    expect(error).toMatchObject({ code: "timeout", message: "extraction took longer than 0.1 s" });
  });
});
