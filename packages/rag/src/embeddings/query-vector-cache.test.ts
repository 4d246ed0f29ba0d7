import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { embedQueriesCached, embedQueryCached } from "./query-vector-cache";

describe("embedQueryCached", () => {
  it("embeds a repeated question once per model, and retries a question whose embedding failed", async () => {
    const embeddings = new SyntheticEmbeddings({ vectorSize: 8 });
    const asked: string[] = [];
    let fail = false;
    const original = embeddings.embedQuery.bind(embeddings);
    embeddings.embedQuery = async (text: string) => {
      asked.push(text);
      if (fail) throw new Error("model unavailable");
      return original(text);
    };
    const first = await embedQueryCached(embeddings, "What are your opening hours?");
    expect(await embedQueryCached(embeddings, "What are your opening hours?")).toEqual(first);
    expect(asked).toEqual(["What are your opening hours?"]);

    // Another model instance has its own cache.
    const other = new SyntheticEmbeddings({ vectorSize: 8 });
    expect(await embedQueryCached(other, "What are your opening hours?")).toHaveLength(8);
    expect(asked).toHaveLength(1);

    fail = true;
    await expect(embedQueryCached(embeddings, "Where do I park?")).rejects.toThrow("model unavailable");
    fail = false;
    expect(await embedQueryCached(embeddings, "Where do I park?")).toHaveLength(8);
    expect(asked).toEqual(["What are your opening hours?", "Where do I park?", "Where do I park?"]);
  });

  it("sends the queries not cached to a model's embedQueries in one call, and one embedQuery each to a model without it", async () => {
    const sent: string[][] = [];
    const embeddings = Object.assign(new SyntheticEmbeddings({ vectorSize: 8 }), {
      embedQueries: (texts: readonly string[]): Promise<number[][]> => (sent.push([...texts]), Promise.all(texts.map((text) => embeddings.embedQuery(text)))),
    });
    const asked: string[] = [];
    const original = embeddings.embedQuery.bind(embeddings);
    embeddings.embedQuery = async (text: string) => (asked.push(text), original(text));
    const cached = await embedQueryCached(embeddings, "Do you repair cars?");
    const vectors = await embedQueriesCached(embeddings, ["Do you repair cars?", "Do you cars?", "Do you repair ?", "Do you cars?"]);
    expect(sent).toEqual([["Do you cars?", "Do you repair ?"]]);
    expect(vectors[0]).toEqual(cached);
    expect(vectors[1]).toEqual(vectors[3]);
    expect(vectors[2]).toEqual(await original("Do you repair ?"));
    // Cached now: neither call embeds again; a single missing query needs no batch.
    await embedQueriesCached(embeddings, ["Do you cars?", "Do you repair ?", "Do you ?"]);
    expect(sent).toHaveLength(1);
    expect(asked.filter((text) => text === "Do you ?")).toHaveLength(1);

    // A failed batch is not kept: asked again, it is embedded again.
    let failBatch = true;
    const failing = Object.assign(new SyntheticEmbeddings({ vectorSize: 8 }), {
      embedQueries: async (texts: readonly string[]): Promise<number[][]> => {
        if (failBatch) throw new Error("model unavailable");
        return texts.map(() => [1, 2]);
      },
    });
    await expect(embedQueriesCached(failing, ["a b", "c d"])).rejects.toThrow("model unavailable");
    failBatch = false;
    expect(await embedQueriesCached(failing, ["a b", "c d"])).toEqual([[1, 2], [1, 2]]);

    const plain = new SyntheticEmbeddings({ vectorSize: 8 });
    const plainAsked: string[] = [];
    const plainOriginal = plain.embedQuery.bind(plain);
    plain.embedQuery = async (text: string) => (plainAsked.push(text), plainOriginal(text));
    expect(await embedQueriesCached(plain, ["x y", "z w"])).toHaveLength(2);
    expect(plainAsked).toEqual(["x y", "z w"]);
  });
});
