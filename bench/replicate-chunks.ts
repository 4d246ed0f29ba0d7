// Seeded documents have cuid ids and copies "<id>-<k>", so only the originals (no "-") are copied.
// tsx bench/replicate-chunks.ts <kept database url> --from 100000 --times 10
import { parseArgs } from "node:util";
import { createDatabase } from "@frontdesk/db";
import { keptTenantFile, readKeptTenant, writeKeptTenantRecord } from "./kept-bench-tenant";
import { copyChunks, copyDocuments, scaleTextStats } from "./replicate-knowledge-base";
import { startBulkLoad } from "./seed-synthetic-chunks";

/**
 * Makes a kept bench database `times` as large without generating text again: every document and chunk of the
 * seeded knowledge base is copied `times − 1` times in SQL (the chunk text as it is, the vector moved by a little
 * random noise and normalized again, so the HNSW graph holds no exact duplicates). Run it on a copy of a seeded
 * database (`createdb -T speed_bench speed_1m`): seeding 1M chunks from Node took hours on a loaded 2-core machine,
 * while this runs in PostgreSQL. With a vocabulary of fixed size, each word's document frequency grows with the
 * corpus as it would in a larger Zipf corpus, so the full-text side does the work a 1M corpus asks; what is not
 * like a fresh corpus is that every text occurs `times` times. Then the indexes are rebuilt, the statistics scaled
 * from the originals' (scaleTextStats: counting them again took hours at 1M) and the kept-tenant record is written for the new size, so `BENCH_KEEP_DATABASE=… BENCH_CHUNKS=<from × times>` reuses it.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: "string", default: "100000" },
    times: { type: "string", default: "10" },
    corpus: { type: "string", default: "zipf" },
    // Copies written at once, each on its own connection (a copy is one backend's work).
    parallel: { type: "string", default: "2" },
  },
});
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/replicate-chunks.ts <kept database url> --from 100000 --times 10");
const times = Number(values.times);
const from = Number(values.from);
const kept = readKeptTenant(keptTenantFile(url, values.corpus!, from));
if (!kept) throw new Error(`no kept tenant of ${from} chunks recorded for ${url} (copy the record of the database this one was copied from)`);
const db = await createDatabase({ databaseUrl: url, env: {} });
const { prisma } = db;
const kb = kept.knowledgeBaseId;
const step = (label: string) => {
  const started = performance.now();
  return () => console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
const [{ dimensions } = { dimensions: 512 }] = await prisma.$queryRaw<Array<{ dimensions: number }>>`SELECT max("embeddingDimensions")::int AS dimensions FROM chunk WHERE "knowledgeBaseId" = ${kb}`;
const started = performance.now();
const bulkLoad = await startBulkLoad(prisma, dimensions);
const done = step("documents copied");
await copyDocuments(prisma, kb, times);
done();
const copies = Array.from({ length: times - 1 }, (_, index) => index + 2);
await Promise.all(
  Array.from({ length: Math.max(1, Number(values.parallel)) }, async () => {
    for (let k = copies.shift(); k !== undefined; k = copies.shift()) {
      const copied = step(`chunks copy ${k}/${times}`);
      await copyChunks(prisma, kb, k, dimensions);
      copied();
    }
  }),
);
const steps = await bulkLoad.finish(kb, (line) => console.log(line), () => scaleTextStats(prisma, kb, times));
const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
console.log(`replicated in ${seedSeconds} s`);
const [{ chunks } = { chunks: 0 }] = await prisma.$queryRaw<Array<{ chunks: number }>>`SELECT count(*)::int AS chunks FROM chunk WHERE "knowledgeBaseId" = ${kb}`;
// The seed time recorded is the replication's, plus the seeding of the database it was copied from.
writeKeptTenantRecord(keptTenantFile(url, values.corpus!, chunks), {
  ...kept,
  chunks,
  seedSeconds: Math.round(((kept.seedSeconds ?? 0) + seedSeconds) * 10) / 10,
  seedSteps: { ...steps, replicate: seedSeconds },
});
console.log(`${chunks} chunks in ${url}`);
await db.close();
process.exit(0);
