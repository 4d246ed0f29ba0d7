import { hybridSearch } from "@frontdesk/rag";
import { openBenchApi } from "./open-bench-api";
import { seedSyntheticChunks, syntheticQuestions } from "./seed-synthetic-chunks";

// tsx bench/feedback-cost.ts: mean ms of a hybrid search over 10k synthetic chunks (BENCH_CHUNKS, BENCH_CORPUS), with and without
// pseudo-relevance feedback, after ANALYZE, on the bench database (PGlite, or DATABASE_URL's server).
const api = await openBenchApi();
const { prisma } = api.deps;
const scope = { organizationId: api.tenant.organizationId, knowledgeBaseIds: [api.tenant.knowledgeBaseId] };
await seedSyntheticChunks(prisma, api.deps.rag.embeddings, { organizationId: api.tenant.organizationId, knowledgeBaseId: api.tenant.knowledgeBaseId }, Number(process.env.BENCH_CHUNKS ?? 10000));
await prisma.$executeRawUnsafe("ANALYZE chunk");
const qs = syntheticQuestions(40, undefined, 7);
const vecs = await api.deps.rag.embeddings.embeddings.embedDocuments(qs);
const t = { hybrid: 0, hybridNoFeedback: 0 };
for (const [i, q] of qs.entries()) {
  let started = performance.now();
  await hybridSearch(prisma, { ...scope, query: q, queryVector: vecs[i] ?? [], limit: 8 });
  t.hybrid += performance.now() - started;
  started = performance.now();
  await hybridSearch(prisma, { ...scope, query: q, queryVector: vecs[i] ?? [], limit: 8, feedback: false });
  t.hybridNoFeedback += performance.now() - started;
}
console.log(`${api.databaseLabel}: hybrid ${(t.hybrid / qs.length).toFixed(1)} ms, without feedback ${(t.hybridNoFeedback / qs.length).toFixed(1)} ms`);
await api.close();
process.exit(0);
