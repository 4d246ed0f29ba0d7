import { buildDocx, buildImageOnlyPdf, buildPdf, encodeUtf8 } from "@frontdesk/rag/testing";
import { client, createTenant, createTestApi } from "../apps/api/test/support/test-api";
import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";

const FILES = 500;
const REUPLOADS = 50;
const KINDS = ["txt", "md", "html", "csv", "jsonl", "pdf", "docx"] as const;
type Kind = (typeof KINDS)[number];

interface BenchFile {
  name: string;
  bytes: Uint8Array;
  /** What the file is meant to exercise: a normal document, or a broken one that must fail with a reason. */
  flavour: "ok" | "corrupt" | "empty" | "scanned";
}

const sentence = (i: number, j: number) => `Item ${i}.${j}: guests of room ${i % 97} may check out until ${10 + (j % 3)} am on day ${j}.`;

const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
};

async function makeFile(i: number): Promise<BenchFile> {
  const kind: Kind = KINDS[i % KINDS.length]!;
  const name = `file-${String(i).padStart(3, "0")}.${kind}`;
  // Every tenth file is broken in a way its type allows: damaged, empty or (PDF) scanned without text. Each is
  // unique (identical bytes would just be deduplicated into one document).
  if (i % 10 === 9) {
    const tag = encodeUtf8(`\n% ${i}\n`);
    if (kind === "pdf") {
      const scanned = i % 20 === 9;
      const base = scanned ? await buildImageOnlyPdf() : (await buildPdf({ pages: ["x"] })).slice(0, 200);
      return { name, bytes: concat(base, tag), flavour: scanned ? "scanned" : "corrupt" };
    }
    if (kind === "docx") return { name, bytes: concat(encodeUtf8("PK\x03\x04 not a zip"), tag), flavour: "corrupt" };
    if (kind === "jsonl") return { name, bytes: encodeUtf8(`not json ${i}\n{still not\n`), flavour: "corrupt" };
    if (kind === "csv") return { name, bytes: encodeUtf8(`only,a,header${i}\n`), flavour: "empty" };
    if (kind === "html") return { name, bytes: encodeUtf8(`<html><body><script>x(${i})</script></body></html>`), flavour: "empty" };
    return { name, bytes: encodeUtf8(" ".repeat(i)), flavour: "empty" };
  }
  const lines = Array.from({ length: 8 + (i % 12) }, (_, j) => sentence(i, j));
  switch (kind) {
    case "txt":
      return { name, bytes: encodeUtf8(lines.join("\n\n")), flavour: "ok" };
    case "md":
      return { name, bytes: encodeUtf8(`# Notes ${i}\n\n${lines.map((line, j) => `## Part ${j}\n\n${line}`).join("\n\n")}`), flavour: "ok" };
    case "html":
      return {
        name,
        bytes: encodeUtf8(`<html><head><title>Page ${i}</title></head><body><h1>Page ${i}</h1>${lines.map((l) => `<p>${l}</p>`).join("")}<table><tr><th>Room</th><th>Rate</th></tr><tr><td>${i}</td><td>${80 + i}</td></tr></table></body></html>`),
        flavour: "ok",
      };
    case "csv":
      return { name, bytes: encodeUtf8(`room,rate,note\n${lines.map((l, j) => `${j},${80 + j},"${l}"`).join("\n")}\n`), flavour: "ok" };
    case "jsonl":
      return { name, bytes: encodeUtf8(lines.map((l, j) => JSON.stringify({ id: j, text: l })).join("\n")), flavour: "ok" };
    case "pdf":
      return { name, bytes: await buildPdf({ title: `Handbook ${i}`, pages: [lines.slice(0, 4).join(" "), lines.slice(4).join(" ")] }), flavour: "ok" };
    case "docx":
      return { name, bytes: await buildDocx({ title: `Guide ${i}`, sections: [{ heading: "Rules", paragraphs: lines }] }), flavour: "ok" };
  }
}

/**
 * 500 generated files of every supported type (about 10% damaged, empty or scanned) uploaded through the real
 * REST API (multipart) into one knowledge base, ingested by the in-process worker with synthetic embeddings,
 * then 50 of them uploaded again. Every file must end ready or failed with a reason, with no duplicate
 * documents or chunks.
 */
export async function benchBulkIngestion(): Promise<SectionResult> {
  const t = await createTestApi({ env: { INGEST_CONCURRENCY: process.env.INGEST_CONCURRENCY ?? "2" } });
  try {
    const tenant = await createTenant(t.deps, "Bulk bench");
    const call = client(t.app, tenant.apiKey);
    const generated = performance.now();
    const files = await Promise.all(Array.from({ length: FILES }, (_, i) => makeFile(i)));
    const generateSeconds = (performance.now() - generated) / 1000;

    const started = performance.now();
    const rejected: string[] = [];
    const upload = async (file: BenchFile) => {
      const form = new FormData();
      form.append("file", new File([file.bytes], file.name));
      const response = await call("POST", `/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, form);
      if (response.status >= 400) rejected.push(`${file.name}: ${((await response.json()) as { title: string }).title}`);
      else await response.body?.cancel();
    };
    for (const file of files) await upload(file);
    const uploadSeconds = (performance.now() - started) / 1000;
    await t.deps.events.drain();
    const ingestSeconds = (performance.now() - started) / 1000;
    for (const file of files.slice(0, REUPLOADS)) await upload(file);
    await t.deps.events.drain();

    const prisma = t.deps.prisma;
    const documents = await prisma.document.findMany({ where: { knowledgeBaseId: tenant.knowledgeBaseId }, select: { sourceUri: true, status: true, error: true, chunkCount: true } });
    const [dupes] = await prisma.$queryRaw<Array<{ chunks: bigint; distinct_positions: bigint }>>`
      SELECT count(*) AS chunks, count(DISTINCT ("documentId", position)) AS distinct_positions FROM chunk WHERE "knowledgeBaseId" = ${tenant.knowledgeBaseId}`;
    const ready = documents.filter((doc) => doc.status === "ready").length;
    const failed = documents.filter((doc) => doc.status === "failed");
    const unsettled = documents.filter((doc) => doc.status !== "ready" && doc.status !== "failed").length;
    const failedWithoutReason = failed.filter((doc) => !doc.error).length;
    const duplicateDocuments = documents.length - new Set(documents.map((doc) => doc.sourceUri)).size;
    const chunks = Number(dupes!.chunks);
    const duplicateChunks = chunks - Number(dupes!.distinct_positions);
    const brokenFiles = files.filter((file) => file.flavour !== "ok").length;
    const reasons = [...new Set(failed.map((doc) => (doc.error ?? "").replace(/\d+/g, "N").slice(0, 60)))];
    const metrics = {
      files: FILES,
      brokenFiles,
      documents: documents.length,
      ready,
      failed: failed.length,
      rejectedAtUpload: rejected.length,
      unsettled,
      failedWithoutReason,
      duplicateDocuments,
      chunks,
      duplicateChunks,
      generateSeconds: Number(generateSeconds.toFixed(1)),
      uploadSeconds: Number(uploadSeconds.toFixed(1)),
      ingestSeconds: Number(ingestSeconds.toFixed(1)),
      filesPerSecond: Number((FILES / ingestSeconds).toFixed(1)),
    };
    const ok = unsettled === 0 && failedWithoutReason === 0 && duplicateDocuments === 0 && duplicateChunks === 0 && ready + failed.length + rejected.length === FILES;
    return {
      lines: [
        `embeddings ${t.deps.rag.embeddings.model} (synthetic), jobs ${t.deps.events.mode}, INGEST_CONCURRENCY ${t.deps.config.INGEST_CONCURRENCY}`,
        formatTable(
          ["files", "broken", "ready", "failed", "rejected", "unsettled", "dup docs", "dup chunks", "chunks", "upload s", "ingest s", "files/s"],
          [[FILES, brokenFiles, ready, failed.length, rejected.length, unsettled, duplicateDocuments, duplicateChunks, chunks, metrics.uploadSeconds, metrics.ingestSeconds, metrics.filesPerSecond]],
        ),
        `failure reasons: ${reasons.join(" | ")}`,
        ...(rejected.length > 0 ? [`rejected at upload: ${rejected.slice(0, 3).join(" | ")}`] : []),
        ok ? "every file ready or failed with a reason; no duplicate documents or chunks" : "CHECK FAILED: see the numbers above",
      ],
      metrics: { ...metrics, ok },
    };
  } finally {
    await t.close();
  }
}
