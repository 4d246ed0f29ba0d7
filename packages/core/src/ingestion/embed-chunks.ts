import { embeddingCatalog } from "../knowledge/embedding-catalog";
import type { IngestionDeps } from "./types";

/**
 * Step 3 (one call per batch): embeds chunk texts and packs the vectors as base64 float32, about a third of
 * the size of JSON numbers, since step results are stored in the run's state.
 */
export async function embedChunks(deps: Pick<IngestionDeps, "rag">, contents: string[], embeddingModel: string): Promise<string> {
  const { embeddings, dimensions } = await embeddingCatalog(deps.rag).load(embeddingModel);
  const vectors = await embeddings.embedDocuments(contents);
  if (vectors.length !== contents.length) {
    throw new Error(`embedding model returned ${vectors.length} vectors for ${contents.length} texts`);
  }
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) throw new Error(`embedding has ${vector.length} dimensions, expected ${dimensions}`);
    packed.set(vector, i * dimensions);
  });
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString("base64");
}

export function unpackEmbeddings(packed: string, dimensions: number): number[][] {
  const bytes = Buffer.from(packed, "base64");
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const vectors: number[][] = [];
  for (let start = 0; start < values.length; start += dimensions) {
    vectors.push(Array.from(values.subarray(start, start + dimensions)));
  }
  return vectors;
}
