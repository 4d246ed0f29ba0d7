/** Embedding providers Frontdesk can build; "local" ships inside npm and needs no network. */
export type EmbeddingProviderName = "local" | "openai" | "ollama" | "google";

export const defaultEmbeddingModels: Record<EmbeddingProviderName, string> = {
  local: "use-lite-512",
  openai: "text-embedding-3-small",
  ollama: "nomic-embed-text",
  google: "text-embedding-004",
};

/**
 * Output size per model. Models whose native size exceeds the largest HNSW index (1536) are asked for 1536
 * dimensions where the API allows it (OpenAI `dimensions`, Google `outputDimensionality`).
 */
export const knownEmbeddingDimensions: Record<EmbeddingProviderName, Record<string, number>> = {
  local: { "use-lite-512": 512 },
  openai: {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 1536,
    "text-embedding-ada-002": 1536,
  },
  ollama: {
    "nomic-embed-text": 768,
    "mxbai-embed-large": 1024,
    "all-minilm": 384,
    "bge-m3": 1024,
    "snowflake-arctic-embed": 1024,
  },
  google: {
    "text-embedding-004": 768,
    "gemini-embedding-001": 1536,
  },
};

export interface EmbeddingModelRef {
  provider: EmbeddingProviderName;
  /** Model name without the provider prefix, e.g. "text-embedding-3-small". */
  name: string;
  /** Canonical id stored on knowledge bases and chunks, e.g. "openai/text-embedding-3-small". */
  id: string;
}

/** Accepts "name" or "provider/name" (the prefix must match the provider). */
export function resolveEmbeddingModel(provider: EmbeddingProviderName, model?: string): EmbeddingModelRef {
  let name = model?.trim() || defaultEmbeddingModels[provider];
  const prefix = `${provider}/`;
  if (name.startsWith(prefix)) name = name.slice(prefix.length);
  // Ollama tags like "nomic-embed-text:latest" keep their size.
  return { provider, name, id: `${provider}/${name}` };
}

export function knownDimensions(ref: EmbeddingModelRef): number | undefined {
  const table = knownEmbeddingDimensions[ref.provider];
  return table[ref.name] ?? table[ref.name.replace(/:latest$/, "")];
}
