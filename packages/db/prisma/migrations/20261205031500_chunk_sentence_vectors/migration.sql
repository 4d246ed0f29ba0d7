-- Sentence vectors stored with each chunk at ingestion (issue 13 / 17): an extractive answer compares the question
-- with the sentences of its sources without embedding them at answer time. One packed blob per chunk (int8
-- vectors keyed by sentence, see packages/rag/src/answering/packed-sentence-vectors.ts), made by the chunk's
-- embedding model; NULL for chunks stored before (answering embeds their sentences then). nextSentenceVectors is
-- filled by a re-embedding next to nextEmbedding and swapped with it.
ALTER TABLE "chunk" ADD COLUMN "sentenceVectors" BYTEA;
ALTER TABLE "chunk" ADD COLUMN "nextSentenceVectors" BYTEA;
ALTER TABLE "staged_chunk" ADD COLUMN "sentenceVectors" BYTEA;

-- Quantized vectors do not compress: stored out of line without trying (no compression work on write or read).
ALTER TABLE "chunk" ALTER COLUMN "sentenceVectors" SET STORAGE EXTERNAL;
ALTER TABLE "chunk" ALTER COLUMN "nextSentenceVectors" SET STORAGE EXTERNAL;
ALTER TABLE "staged_chunk" ALTER COLUMN "sentenceVectors" SET STORAGE EXTERNAL;
