import type { AppConfig } from "@frontdesk/config";
import type { EmbeddingsProvider } from "../runtime";
import { createEmbeddingsProvider } from "./create-embeddings-provider";
import { resolveEmbeddingModel, type EmbeddingProviderName } from "./embedding-models";

/**
 * The embedding models a deployment can build, by name: the configured one plus any other the configuration
 * has credentials for. Re-embedding a knowledge base to another model and searching knowledge bases embedded
 * with a model other than the default go through it.
 */
export interface EmbeddingModelCatalog {
  /** The canonical id ("provider/name") of a model this deployment can build, or null. */
  resolve(model: string): string | null;
  /** Builds the model once (later calls share it). Throws for a model resolve() rejects. */
  load(model: string): Promise<EmbeddingsProvider>;
}

type CatalogConfig = Parameters<typeof createEmbeddingsProvider>[0];

const PROVIDERS: readonly EmbeddingProviderName[] = ["local", "openai", "ollama", "google"];

/** Catalog from configuration: local always, OpenAI/Google with their API keys, Ollama when it is configured. */
export function createEmbeddingModelCatalog(config: CatalogConfig & Partial<Pick<AppConfig, "OLLAMA_BASE_URL">>, current: EmbeddingsProvider): EmbeddingModelCatalog {
  const loaded = new Map<string, Promise<EmbeddingsProvider>>([[current.model, Promise.resolve(current)]]);
  const resolve = (model: string): string | null => {
    const trimmed = model.trim();
    const prefix = trimmed.split("/", 1)[0] as EmbeddingProviderName;
    const provider = trimmed.includes("/") && PROVIDERS.includes(prefix) ? prefix : config.EMBEDDING_PROVIDER;
    const ref = resolveEmbeddingModel(provider, trimmed);
    if (ref.id === current.model) return ref.id;
    if (ref.name === "" || ref.name.includes("/")) return null;
    const buildable: Record<EmbeddingProviderName, boolean> = {
      local: ref.name === "use-lite-512",
      openai: Boolean(config.OPENAI_API_KEY),
      google: Boolean(config.GOOGLE_API_KEY),
      ollama: config.EMBEDDING_PROVIDER === "ollama" || Boolean(config.OLLAMA_BASE_URL),
    };
    return buildable[provider] ? ref.id : null;
  };
  return {
    resolve,
    load(model) {
      const id = resolve(model);
      if (!id) return Promise.reject(new Error(`embedding model "${model}" cannot be built by this deployment`));
      let provider = loaded.get(id);
      if (!provider) {
        const [providerName, ...rest] = id.split("/");
        provider = createEmbeddingsProvider({ ...config, EMBEDDING_PROVIDER: providerName as EmbeddingProviderName, EMBEDDING_MODEL: rest.join("/") });
        provider.catch(() => loaded.delete(id));
        loaded.set(id, provider);
      }
      return provider;
    },
  };
}

/** A fixed set of already-built models (tests, and runtimes built without a catalog: only their own model). */
export function staticEmbeddingModelCatalog(providers: readonly EmbeddingsProvider[]): EmbeddingModelCatalog {
  const byId = new Map(providers.map((provider) => [provider.model, provider]));
  return {
    resolve: (model) => (byId.has(model.trim()) ? model.trim() : null),
    load: async (model) => {
      const provider = byId.get(model.trim());
      if (!provider) throw new Error(`embedding model "${model}" is not available`);
      return provider;
    },
  };
}
