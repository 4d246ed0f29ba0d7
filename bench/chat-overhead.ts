import { loadavg } from "node:os";
import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";
import { httpPoster } from "./http-poster";
import type { LatencySummary } from "./latency-summary";
import { timeEach } from "./time-each";
import { openBenchApi } from "./open-bench-api";
import { waitForIndexBuilds, warmTextIndex } from "./searched-database";
import { progress } from "./progress";
import { explainSearchSides, formatPlanSummary } from "./explain-search";
import { keptTenantFile, readKeptTenant, writeKeptTenant } from "./kept-bench-tenant";
import { seedSyntheticChunks, syntheticCorpusKind, syntheticQuestions, type SeedResult } from "./seed-synthetic-chunks";

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_CHAT_REQUESTS ?? 200);
const ANALYZED_REQUESTS = Math.ceil(REQUESTS / 2);
const WARMUP = 5;
const CORPUS = syntheticCorpusKind();
/** An existing database (postgres:// URL or PGlite directory) seeded once and reused by later runs. */
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE?.trim() || undefined;
/** BENCH_WAIT_FOR_INDEXES=1: a kept database's replication may still be building its indexes (see below). */
const WAIT_FOR_INDEXES = process.env.BENCH_WAIT_FOR_INDEXES === "1";

/**
 * What Frontdesk itself adds to a chat turn, measured without an LLM (answers are extractive): HTTP + API-key
 * auth + conversation writes + query embedding + hybrid search over 10k chunks, sequential requests over real
 * HTTP on 127.0.0.1. Knowledge search is measured the same way. PGlite unless DATABASE_URL is set.
 *
 * Measured twice: as ingested (what a fresh install gets: PGlite never runs autovacuum, so the planner has no
 * statistics for the chunk table), then after ANALYZE (PostgreSQL's autovacuum gets there on its own).
 */
export async function benchChatOverhead(): Promise<SectionResult> {
  const keptFile = KEEP_DATABASE ? keptTenantFile(KEEP_DATABASE, CORPUS, CHUNKS) : undefined;
  const kept = keptFile ? readKeptTenant(keptFile) : undefined;
  const api = await openBenchApi({ listen: true, keepDatabaseUrl: KEEP_DATABASE, tenant: kept });
  try {
    const { tenant } = api;
    const seeded: SeedResult = kept
      ? { chunks: kept.chunks, documents: 0, embeddedSentences: 0, embedSeconds: 0, insertSeconds: kept.seedSeconds ?? 0, finishSeconds: kept.seedSteps ?? {} }
      : await seedSyntheticChunks(
          api.deps.prisma,
          api.deps.rag.embeddings,
          { organizationId: tenant.organizationId, knowledgeBaseId: tenant.knowledgeBaseId },
          CHUNKS,
          progress("seeding chunks", CHUNKS),
          CORPUS,
        );
    const seedSeconds = Math.round((seeded.embedSeconds + seeded.insertSeconds) * 10) / 10;
    if (keptFile && !kept) writeKeptTenant(keptFile, tenant, { chunks: seeded.chunks, corpus: CORPUS, seedSeconds, seedSteps: seeded.finishSeconds });

    // The API builds its in-memory full-text index in the background after the first search; build it now so that
    // every row measures the same path (FRONTDESK_SEARCH_INDEX_MAX_POSTINGS=0: the SQL path).
    const textIndex = await warmTextIndex(api.deps.prisma, { organizationId: tenant.organizationId, knowledgeBaseIds: [tenant.knowledgeBaseId] });
    console.log(textIndex);
    // A kept database whose replication is still building its indexes (replicate-chunks.ts): wait for them, then
    // analyze chunk as the bulk load's last step does, so the in-memory index was built meanwhile.
    if (WAIT_FOR_INDEXES) {
      const waited = await waitForIndexBuilds(api.deps.prisma, "ANALYZE chunk");
      console.log(`waited ${waited.toFixed(0)} s for index builds, then ANALYZE chunk (load ${loadavg()[0]!.toFixed(1)})`);
    }
    const questions = syntheticQuestions(REQUESTS + WARMUP, CORPUS);
    const post = httpPoster(api.server!.url, tenant.apiKey);
    let cited = 0;
    const chat = (message: string) => async () => {
      const body = (await post("/api/v1/chat", { botId: tenant.botId, message })) as { citations: unknown[] };
      if (body.citations.length > 0) cited += 1;
    };
    const search = (query: string) => async () => {
      await post("/api/v1/knowledge/search", { query, knowledgeBaseId: tenant.knowledgeBaseId, limit: 8 });
    };

    const asIngested = {
      chat: await timeEach("chat", questions, chat, WARMUP),
      search: await timeEach("search", questions, search, WARMUP),
    };
    const chatRequests = questions.length;
    await api.deps.prisma.$executeRawUnsafe("ANALYZE");
    // On PGlite ANALYZE runs on this thread, so the server's and fetch's keep-alive timers (~5 s) could not fire
    // meanwhile: they fire on the next turn, and a request sent before would go out on a socket being closed
    // (ECONNRESET at 10k chunks). One timer turn later the idle sockets are gone and the next request opens a new one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // New questions: asked again, a chat would find its sentence vectors cached (the first row's answers embedded
    // them) and measure a warm cache. Each search row repeats its chat row's questions, so its query vectors are
    // cached: search rows are without the query embedding, chat rows with it.
    const subset = syntheticQuestions(ANALYZED_REQUESTS + WARMUP, CORPUS, 4242);
    const analyzed = {
      chat: await timeEach("chat after ANALYZE", subset, chat, WARMUP),
      search: await timeEach("search after ANALYZE", subset, search, WARMUP),
    };
    const embed = await timeEach("embedQuery", questions.slice(0, 50 + WARMUP), (text) => async () => {
      await api.deps.rag.embeddings.embeddings.embedQuery(text);
    }, WARMUP);
    const explained = questions[WARMUP]!;
    const plans = await explainSearchSides(
      api.deps.prisma,
      { organizationId: tenant.organizationId, knowledgeBaseIds: [tenant.knowledgeBaseId] },
      explained,
      await api.deps.rag.embeddings.embeddings.embedQuery(explained),
    );

    const row = (name: string, s: LatencySummary) => [name, s.count, s.mean.toFixed(1), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)];
    return {
      lines: [
        `database ${api.databaseLabel}, embeddings ${api.deps.rag.embeddings.model}, answers extractive (no LLM), corpus ${CORPUS}`,
        kept
          ? `setup: ${seeded.chunks} chunks seeded by an earlier run in the kept database (${keptFile})` +
            (kept.seedSeconds === undefined ? "" : ` in ${kept.seedSeconds.toFixed(1)} s`)
          : `setup: ${seeded.chunks} chunks in ${seeded.documents} documents; embedded ${seeded.embeddedSentences} sentences in ` +
            `${seeded.embedSeconds.toFixed(1)} s, bulk-inserted chunks + index builds + statistics in ${seeded.insertSeconds.toFixed(1)} s`,
        `after the chunks were written (s): ${formatSteps(seeded.finishSeconds)}`,
        "",
        formatTable(
          ["request (ms)", "n", "mean", "p50", "p95", "p99", "max"],
          [
            row("POST /api/v1/chat", asIngested.chat),
            row("POST /api/v1/knowledge/search", asIngested.search),
            row("POST /api/v1/chat (after ANALYZE)", analyzed.chat),
            row("POST /api/v1/knowledge/search (after ANALYZE)", analyzed.search),
            row("embedQuery alone (in-process)", embed),
          ],
        ),
        "",
        `chat answers citing a source: ${cited}/${chatRequests + subset.length} (extractive answers cite only sources they judge relevant)`,
        `EXPLAIN (ANALYZE, BUFFERS) of one search per side (100 candidates), query "${explained}":`,
        ...plans.map((plan) => `  ${formatPlanSummary(plan)}`),
      ],
      metrics: {
        database: api.deps.db.kind,
        corpus: CORPUS,
        chunks: seeded.chunks,
        chatMs: asIngested.chat,
        searchMs: asIngested.search,
        analyzedChatMs: analyzed.chat,
        analyzedSearchMs: analyzed.search,
        embedQueryMs: embed,
        citedAnswers: cited,
        chatRequests: chatRequests + subset.length,
        seedSeconds,
        seedSteps: seeded.finishSeconds,
        plans,
      },
    };
  } finally {
    await api.close();
  }
}

function formatSteps(steps: Record<string, number>): string {
  const entries = Object.entries(steps);
  return entries.length === 0 ? "not recorded" : entries.map(([name, seconds]) => `${name} ${seconds}`).join(", ");
}
