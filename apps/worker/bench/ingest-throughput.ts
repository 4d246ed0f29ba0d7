/**
 * Measures local embedding throughput and a full in-process ingest of a ~10-page PDF.
 * Run: npx tsx apps/worker/bench/ingest-throughput.ts [path/to/cranfield/corpus.jsonl]
 * (TEST_DATABASE_URL picks PostgreSQL; otherwise in-memory PGlite.)
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { splitText } from "@frontdesk/rag";
import { buildPdf } from "@frontdesk/rag/testing";
import { createDocument, createHarness, loadDocument } from "../test/ingestion-harness";
import { createEventBus } from "../src/event-bus";

const corpusPath = process.argv[2] ?? path.resolve(import.meta.dirname, "../../../../shared/data/retrieval/cranfield/corpus.jsonl");

async function loadProse(): Promise<string[]> {
  try {
    const lines = (await readFile(corpusPath, "utf8")).split("\n").filter(Boolean);
    return lines.map((line) => (JSON.parse(line) as { text: string }).text);
  } catch {
    // Without the shared corpus, fall back to generated sentences.
    return Array.from({ length: 1400 }, (_, i) =>
      Array.from({ length: 12 }, (_, j) => `Visitors asking about topic ${i % 37} get answer ${j} from the front desk team.`).join(" "),
    );
  }
}

const seconds = (start: number) => (performance.now() - start) / 1000;
// CPU seconds of the whole process (model thread included): close to wall time on an idle machine, and far
// less distorted than wall time when other work competes for the cores.
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

const prose = await loadProse();
const h = await createHarness();
try {
  const embeddings = h.embeddings.embeddings;
  await embeddings.embedQuery("warm up");

  for (const chunkSize of [200, 500]) {
    const text = prose.slice(0, 400).join("\n\n");
    const chunks = (await splitText(text, { chunkSize, chunkOverlap: 0 })).slice(0, 128);
    const avgTokens = chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0) / chunks.length;
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < chunks.length; i += 64) await embeddings.embedDocuments(chunks.slice(i, i + 64).map((c) => c.content));
    const elapsed = seconds(start);
    const cpuUsed = cpuSeconds(cpu);
    console.log(
      `embed: ${chunks.length} chunks of ~${avgTokens.toFixed(0)} tokens in ${elapsed.toFixed(2)} s → ` +
        `${(chunks.length / elapsed).toFixed(1)} chunks/s (${(chunks.length / cpuUsed).toFixed(1)} per CPU-second)`,
    );
  }

  // ~10 pages of ~450 words each.
  const pages: string[] = [];
  let cursor = 0;
  for (let page = 0; page < 10; page += 1) {
    let text = "";
    while (text.split(/\s+/).length < 450) text += `${prose[cursor++ % prose.length]}\n`;
    pages.push(text);
  }
  const pdf = await buildPdf({ title: "Bench handbook", pages });
  const ref = await createDocument(h, { fileName: "handbook.pdf", mimeType: "application/pdf", bytes: pdf });
  const bus = createEventBus(h.deps);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await bus.send({ name: "knowledge/document.added", data: ref });
  await bus.drain();
  const elapsed = seconds(start);
  const cpuUsed = cpuSeconds(cpu);
  await bus.close();
  const { document } = await loadDocument(h, ref);
  console.log(
    `ingest: ${document.pageCount}-page PDF (${(pdf.byteLength / 1024).toFixed(0)} KB, ${document.tokenCount} tokens) → ` +
      `${document.chunkCount} chunks, status ${document.status}, in ${elapsed.toFixed(2)} s, ${cpuUsed.toFixed(2)} CPU-s (${h.db.kind})`,
  );
} finally {
  await h.close();
}
