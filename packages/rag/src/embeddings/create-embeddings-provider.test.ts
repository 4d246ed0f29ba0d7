import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@frontdesk/config";
import { createEmbeddingsProvider } from "./create-embeddings-provider";

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return dot / Math.sqrt(na * nb);
};

describe("createEmbeddingsProvider: local", () => {
  it("loads Universal Sentence Encoder lite from node_modules and embeds meaningfully", async () => {
    const provider = await createEmbeddingsProvider(loadConfig({}));
    expect(provider.model).toBe("local/use-lite-512");
    expect(provider.dimensions).toBe(512);

    const [refund, money, weather] = await provider.embeddings.embedDocuments([
      "How do I get a refund for my order?",
      "I want my money back for this purchase.",
      "It will rain in Paris tomorrow afternoon.",
    ]);
    const query = await provider.embeddings.embedQuery("refund policy for orders");
    for (const vector of [refund, money, weather, query]) expect(vector).toHaveLength(512);
    expect(cosine(refund!, money!)).toBeGreaterThan(cosine(refund!, weather!));
    expect(cosine(query, refund!)).toBeGreaterThan(cosine(query, weather!));
  });

  it("embeds more texts than one batch, and empty strings, in order", async () => {
    const provider = await createEmbeddingsProvider(loadConfig({ EMBEDDING_MODEL: "local/use-lite-512" }));
    const texts = Array.from({ length: 37 }, (_, i) => (i === 5 ? "" : `sentence number ${i} about topic ${i % 3}`));
    const vectors = await provider.embeddings.embedDocuments(texts);
    expect(vectors).toHaveLength(37);
    const again = await provider.embeddings.embedQuery(texts[20]!);
    expect(cosine(again, vectors[20]!)).toBeGreaterThan(0.999);
  });

  it("embeds on its own thread, leaving the event loop free to serve requests", async () => {
    const provider = await createEmbeddingsProvider(loadConfig({}));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await provider.embeddings.embedDocuments(Array.from({ length: 16 }, (_, i) => `A longer passage number ${i}. `.repeat(40)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it("lets the process exit by itself once the model is loaded or used", { timeout: 120_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../../../..");
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const script = path.join(root, "packages/rag/test/load-local-model-and-exit.ts");
        execFile(path.join(root, "node_modules/.bin/tsx"), [script, ...args], { timeout: 100_000 }, (error, stdout) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout }),
        );
      });
    const [loaded, used] = await Promise.all([run([]), run(["--embed"])]);
    expect(loaded).toEqual({ code: 0, stdout: "loaded local/use-lite-512 512\n" });
    expect(used).toEqual({ code: 0, stdout: "loaded local/use-lite-512 512\n" });
  });

  it("rejects an unknown local model by name", async () => {
    await expect(createEmbeddingsProvider(loadConfig({ EMBEDDING_MODEL: "bert" }))).rejects.toThrow(/use-lite-512/);
  });
});

describe("createEmbeddingsProvider: remote providers against fakes on 127.0.0.1", () => {
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ path: string; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      req.on("end", () => {
        const body = JSON.parse(raw || "{}") as Record<string, unknown>;
        requests.push({ path: req.url ?? "", body });
        res.setHeader("content-type", "application/json");
        if (req.url === "/v1/embeddings") {
          const inputs = body.input as string[];
          const size = typeof body.dimensions === "number" ? body.dimensions : 1536;
          res.end(
            JSON.stringify({
              object: "list",
              model: body.model,
              data: inputs.map((_, index) => {
                const values = new Float32Array(size).fill(0.01);
                // The OpenAI SDK asks for base64 unless told otherwise.
                const embedding =
                  body.encoding_format === "base64" ? Buffer.from(values.buffer).toString("base64") : Array.from(values);
                return { object: "embedding", index, embedding };
              }),
              usage: { prompt_tokens: 1, total_tokens: 1 },
            }),
          );
        } else if (req.url === "/api/embed") {
          const inputs = body.input as string[];
          res.end(JSON.stringify({ model: body.model, embeddings: inputs.map(() => Array(384).fill(0.02)) }));
        } else {
          res.statusCode = 404;
          res.end("{}");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("openai honours OPENAI_BASE_URL and shortens text-embedding-3-large to 1536 dims", async () => {
    const provider = await createEmbeddingsProvider(
      loadConfig({
        EMBEDDING_PROVIDER: "openai",
        EMBEDDING_MODEL: "text-embedding-3-large",
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: `${baseUrl}/v1`,
      }),
    );
    expect(provider).toMatchObject({ model: "openai/text-embedding-3-large", dimensions: 1536 });
    const vectors = await provider.embeddings.embedDocuments(["a", "b"]);
    expect(vectors.map((v) => v.length)).toEqual([1536, 1536]);
    expect(requests.at(-1)).toMatchObject({
      path: "/v1/embeddings",
      body: { model: "text-embedding-3-large", dimensions: 1536 },
    });
  });

  it("openai without a key is a configuration error", async () => {
    await expect(createEmbeddingsProvider(loadConfig({ EMBEDDING_PROVIDER: "openai" }))).rejects.toThrow(
      /OPENAI_API_KEY/,
    );
  });

  it("ollama probes the size of a model it does not know", async () => {
    const provider = await createEmbeddingsProvider(
      loadConfig({ EMBEDDING_PROVIDER: "ollama", EMBEDDING_MODEL: "my-custom-embedder", OLLAMA_BASE_URL: baseUrl }),
    );
    expect(provider).toMatchObject({ model: "ollama/my-custom-embedder", dimensions: 384 });
    expect(requests.at(-1)).toMatchObject({ path: "/api/embed", body: { model: "my-custom-embedder" } });
  });

  it("ollama knows nomic-embed-text without a round trip", async () => {
    const before = requests.length;
    const provider = await createEmbeddingsProvider(
      loadConfig({ EMBEDDING_PROVIDER: "ollama", OLLAMA_BASE_URL: baseUrl }),
    );
    expect(provider).toMatchObject({ model: "ollama/nomic-embed-text", dimensions: 768 });
    expect(requests.length).toBe(before);
  });
});
