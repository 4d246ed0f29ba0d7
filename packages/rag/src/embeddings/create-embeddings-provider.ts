import type { AppConfig } from "@frontdesk/config";
import type { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsProvider } from "../runtime";
import { knownDimensions, resolveEmbeddingModel, type EmbeddingModelRef } from "./embedding-models";
import { LocalEmbeddings, loadLocalEmbeddingModel, setLocalEmbeddingThreads } from "./local-embeddings";

type EmbeddingsConfig = Pick<
  AppConfig,
  "EMBEDDING_PROVIDER" | "EMBEDDING_MODEL" | "LOCAL_EMBEDDING_THREADS" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OLLAMA_BASE_URL" | "GOOGLE_API_KEY"
>;

/**
 * Builds the embedding model named by EMBEDDING_PROVIDER / EMBEDDING_MODEL. The local model is loaded eagerly
 * so a broken install fails at start, not on the first upload. Remote models with unknown output size are
 * probed once with a single embedding.
 */
export async function createEmbeddingsProvider(config: EmbeddingsConfig): Promise<EmbeddingsProvider> {
  const ref = resolveEmbeddingModel(config.EMBEDDING_PROVIDER, config.EMBEDDING_MODEL);
  const embeddings = await buildEmbeddings(ref, config);
  const dimensions = knownDimensions(ref) ?? (await probeDimensions(ref, embeddings));
  return { embeddings, model: ref.id, dimensions };
}

async function buildEmbeddings(ref: EmbeddingModelRef, config: EmbeddingsConfig): Promise<Embeddings> {
  switch (ref.provider) {
    case "local": {
      if (ref.name !== "use-lite-512") {
        throw new Error(`Unknown local embedding model "${ref.name}" (available: use-lite-512)`);
      }
      if (config.LOCAL_EMBEDDING_THREADS !== undefined) setLocalEmbeddingThreads(config.LOCAL_EMBEDDING_THREADS);
      await loadLocalEmbeddingModel();
      return new LocalEmbeddings();
    }
    case "openai": {
      if (!config.OPENAI_API_KEY) throw new Error("EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY");
      const { OpenAIEmbeddings } = await import("@langchain/openai");
      return new OpenAIEmbeddings({
        model: ref.name,
        apiKey: config.OPENAI_API_KEY,
        // Only text-embedding-3-* accept `dimensions`; large is shortened to fit the 1536-dim index.
        ...(ref.name === "text-embedding-3-large" ? { dimensions: 1536 } : {}),
        ...(config.OPENAI_BASE_URL ? { configuration: { baseURL: config.OPENAI_BASE_URL } } : {}),
        maxRetries: 3,
      });
    }
    case "ollama": {
      const { OllamaEmbeddings } = await import("@langchain/ollama");
      return new OllamaEmbeddings({
        model: ref.name,
        baseUrl: config.OLLAMA_BASE_URL ?? "http://127.0.0.1:11434",
        maxRetries: 3,
      });
    }
    case "google": {
      if (!config.GOOGLE_API_KEY) throw new Error("EMBEDDING_PROVIDER=google needs GOOGLE_API_KEY");
      const { GoogleGenerativeAIEmbeddings } = await import("@langchain/google-genai");
      return new GoogleGenerativeAIEmbeddings({
        model: ref.name,
        apiKey: config.GOOGLE_API_KEY,
        ...(ref.name === "gemini-embedding-001" ? { outputDimensionality: 1536 } : {}),
        maxRetries: 3,
      });
    }
  }
}

async function probeDimensions(ref: EmbeddingModelRef, embeddings: Embeddings): Promise<number> {
  try {
    const vector = await embeddings.embedQuery("dimension probe");
    if (vector.length === 0) throw new Error("empty vector");
    return vector.length;
  } catch (error) {
    throw new Error(`Could not determine the output size of embedding model ${ref.id}: ${String(error)}`, {
      cause: error,
    });
  }
}
