import { embedChunksWithSentences } from "@frontdesk/rag";
import { embeddingCatalog } from "../knowledge/embedding-catalog";
import type { IngestionDeps } from "./types";

/**
 * Step 3 (one provider call per batch): embeds chunk texts, and their sentences for extractive answers (packed per
 * chunk, see embedChunksWithSentences), and packs it all as text, since step results are stored in the run's state: the
 * chunk vectors as base64 float32 (about a third of the size of JSON numbers), then each chunk's sentence vectors
 * in base64, after a "s1;" marker. A batch packed before sentence vectors existed is the bare base64 vectors.
 */
export async function embedChunks(deps: Pick<IngestionDeps, "rag">, contents: string[], embeddingModel: string): Promise<string> {
  const { embeddings, dimensions } = await embeddingCatalog(deps.rag).load(embeddingModel);
  const withSentences = deps.rag.sentenceVectorsAtIngestion !== false;
  const { vectors, sentenceVectors: sentences } = withSentences
    ? await embedChunksWithSentences(embeddings, contents)
    : { vectors: await embeddings.embedDocuments(contents), sentenceVectors: [] };
  if (vectors.length !== contents.length) {
    throw new Error(`embedding model returned ${vectors.length} vectors for ${contents.length} texts`);
  }
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) throw new Error(`embedding has ${vector.length} dimensions, expected ${dimensions}`);
    packed.set(vector, i * dimensions);
  });
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const chunkPart = base64(new Uint8Array(packed.buffer));
  // Without sentence vectors the batch is packed as before they existed, so its chunks store none (null).
  return withSentences ? `${SENTENCES_MARKER}${chunkPart};${sentences.map(base64).join(",")}` : chunkPart;
}

const SENTENCES_MARKER = "s1;";

export interface UnpackedEmbeddings {
  vectors: number[][];
  /** Per chunk, its packed sentence vectors; null for batches packed before they existed. */
  sentenceVectors: Array<Uint8Array | null>;
}

export function unpackEmbeddings(packed: string, dimensions: number): UnpackedEmbeddings {
  const withSentences = packed.startsWith(SENTENCES_MARKER);
  const [chunkPart = "", sentencePart = ""] = withSentences ? packed.slice(SENTENCES_MARKER.length).split(";") : [packed];
  const bytes = Buffer.from(chunkPart, "base64");
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const vectors: number[][] = [];
  for (let start = 0; start < values.length; start += dimensions) {
    vectors.push(Array.from(values.subarray(start, start + dimensions)));
  }
  const sentenceVectors = withSentences
    ? (sentencePart === "" ? [] : sentencePart.split(",")).map((part) => new Uint8Array(Buffer.from(part, "base64")))
    : vectors.map(() => null);
  if (sentenceVectors.length !== vectors.length) throw new Error(`have sentence vectors for ${sentenceVectors.length} of ${vectors.length} chunks`);
  return { vectors, sentenceVectors };
}

/** The chunk vectors and sentence vectors of all of a run's batches, in order. */
export function unpackEmbeddingBatches(batches: readonly string[], dimensions: number): UnpackedEmbeddings {
  const unpacked = batches.map((batch) => unpackEmbeddings(batch, dimensions));
  return { vectors: unpacked.flatMap((batch) => batch.vectors), sentenceVectors: unpacked.flatMap((batch) => batch.sentenceVectors) };
}
