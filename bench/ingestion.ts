import { addDocument, type AddDocumentResult } from "@frontdesk/core";
import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";
import { makeHandbookPdf } from "./make-handbook-pdf";
import { makeMarkdownDocs } from "./make-markdown-docs";
import { openBenchApi, type BenchApi } from "./open-bench-api";

const PDF_PAGES = 40;
const MARKDOWN_DOCS = 12;

interface Phase {
  name: string;
  documents: number;
  pages: number;
  chunks: number;
  tokens: number;
  seconds: number;
  /** CPU time of the whole process (all threads: model, database, worker): on a loaded machine it swings far
   * less than wall time, so before/after comparisons hold. */
  cpuSeconds: number;
}

/**
 * Ingestion on the embedded default: documents go through the core addDocument service, the in-process worker
 * (extract → split → embed with the local model → store) runs them, and drain() says when every job settled.
 * Runs in its own process (see run.ts), so maxRSS is this benchmark's peak.
 */
export async function benchIngestion(): Promise<SectionResult> {
  const pdf = await makeHandbookPdf(PDF_PAGES);
  const markdown = makeMarkdownDocs(MARKDOWN_DOCS, 6);
  const api = await openBenchApi();
  try {
    const phases = [
      await ingest(api, "pdf", [{ kind: "file", fileName: "front-desk-handbook.pdf", mimeType: "application/pdf", bytes: pdf }]),
      await ingest(
        api,
        "markdown",
        markdown.map((doc) => ({ kind: "file" as const, fileName: doc.fileName, mimeType: "text/markdown", bytes: new TextEncoder().encode(doc.text) })),
      ),
    ];
    const total: Phase = phases.reduce((sum, phase) => ({
      name: "total",
      documents: sum.documents + phase.documents,
      pages: sum.pages + phase.pages,
      chunks: sum.chunks + phase.chunks,
      tokens: sum.tokens + phase.tokens,
      seconds: sum.seconds + phase.seconds,
      cpuSeconds: sum.cpuSeconds + phase.cpuSeconds,
    }));
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const rows = [...phases, total].map((p) => [
      p.name,
      p.documents,
      p.pages || "–",
      p.chunks,
      p.tokens,
      p.seconds.toFixed(1),
      p.pages > 0 ? (p.pages / p.seconds).toFixed(2) : "–",
      (p.chunks / p.seconds).toFixed(2),
      p.cpuSeconds.toFixed(1),
      (p.chunks / p.cpuSeconds).toFixed(2),
    ]);
    return {
      lines: [
        `database ${api.databaseLabel}, embeddings ${api.deps.rag.embeddings.model}, jobs ${api.deps.events.mode}`,
        `setup ${api.setupSeconds.toFixed(1)} s (database, migrations, tenant; model load ${api.modelLoadSeconds.toFixed(1)} s), ` +
          `not timed below; PDF ${(pdf.byteLength / 1024).toFixed(0)} KiB`,
        "",
        formatTable(["phase", "docs", "pages", "chunks", "tokens", "seconds", "pages/s", "chunks/s", "cpu s", "chunks/cpu s"], rows),
        "",
        `peak RSS ${peakRssMiB.toFixed(0)} MiB (whole benchmark process, model included)`,
      ],
      metrics: {
        database: api.deps.db.kind,
        pdfPages: phases[0]!.pages,
        markdownDocs: phases[1]!.documents,
        chunks: total.chunks,
        tokens: total.tokens,
        seconds: round(total.seconds),
        pdfPagesPerSecond: round(phases[0]!.pages / phases[0]!.seconds),
        chunksPerSecond: round(total.chunks / total.seconds),
        cpuSeconds: round(total.cpuSeconds),
        chunksPerCpuSecond: round(total.chunks / total.cpuSeconds),
        markdownChunksPerSecond: round(phases[1]!.chunks / phases[1]!.seconds),
        modelLoadSeconds: round(api.modelLoadSeconds),
        setupSeconds: round(api.setupSeconds),
        peakRssMiB: Math.round(peakRssMiB),
      },
    };
  } finally {
    await api.close();
  }
}

type FileInput = Extract<Parameters<typeof addDocument>[2], { kind: "file" }>;

async function ingest(api: BenchApi, name: string, files: FileInput[]): Promise<Phase> {
  const { ctx, knowledgeBaseId } = api.tenant;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const added: AddDocumentResult[] = [];
  for (const file of files) added.push(await addDocument(ctx, knowledgeBaseId, file));
  await api.deps.events.drain();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const documents = await api.deps.prisma.document.findMany({ where: { id: { in: added.flatMap((doc) => (doc.kind === "document" ? [doc.id] : [])) } } });
  const notReady = documents.filter((doc) => doc.status !== "ready");
  if (notReady.length > 0 || documents.length !== files.length) {
    throw new Error(`ingestion did not finish: ${notReady.map((doc) => `${doc.title}: ${doc.status} ${doc.error ?? ""}`).join("; ")}`);
  }
  return {
    name,
    documents: documents.length,
    pages: documents.reduce((sum, doc) => sum + (doc.pageCount ?? 0), 0),
    chunks: documents.reduce((sum, doc) => sum + doc.chunkCount, 0),
    tokens: documents.reduce((sum, doc) => sum + doc.tokenCount, 0),
    seconds,
    cpuSeconds,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
