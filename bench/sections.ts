import type { BenchSection } from "./bench-section";

/** In the order `npm run bench` runs them: fast and independent first. */
export const SECTIONS: BenchSection[] = [
  {
    name: "widget-size",
    title: "Widget bundle size",
    load: async () => (await import("./widget-size")).benchWidgetSize,
  },
  {
    name: "ingestion",
    title: "Ingestion throughput (in-process worker, local embeddings)",
    load: async () => (await import("./ingestion")).benchIngestion,
  },
  {
    name: "bulk-ingestion",
    title: "Bulk ingestion: 500 mixed files (10% broken) through the REST API, synthetic embeddings",
    load: async () => (await import("./bulk-ingestion")).benchBulkIngestion,
  },
  {
    name: "chat-overhead",
    title: `Chat and search request overhead (${Number(process.env.BENCH_CHUNKS ?? 10_000).toLocaleString("en")} chunks, ${process.env.BENCH_CORPUS ?? "zipf"} corpus, no LLM, real HTTP)`,
    load: async () => (await import("./chat-overhead")).benchChatOverhead,
  },
  {
    name: "voice",
    title: `Voice: Vapi server URL answers (${Number(process.env.BENCH_VOICE_CHUNKS ?? 2_000).toLocaleString("en")} chunks, local embeddings, real HTTP)`,
    load: async () => (await import("./voice-latency")).benchVoiceLatency,
  },
  {
    name: "load",
    title: "Load: concurrent widget conversations (errors, lost messages, latency)",
    load: async () => (await import("./load")).benchLoad,
  },
  {
    name: "retrieval",
    title: "Retrieval quality (Cranfield, document-level @10)",
    load: async () => (await import("./retrieval-quality")).benchRetrievalQuality,
  },
];
