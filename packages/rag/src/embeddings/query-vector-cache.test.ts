import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { embedQueryCached } from "./query-vector-cache";

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
});
