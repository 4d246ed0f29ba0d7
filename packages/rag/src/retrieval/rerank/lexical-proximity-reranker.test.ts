import { describe, expect, it } from "vitest";
import type { SearchHit } from "../types";
import { LexicalProximityReranker, proximity } from "./lexical-proximity-reranker";

const hit = (chunkId: string, documentTitle: string, content: string, score: number): SearchHit => ({
  chunkId,
  documentId: `doc-${chunkId}`,
  knowledgeBaseId: "kb",
  documentTitle,
  content,
  position: 0,
  metadata: {},
  score,
  vectorScore: null,
  textScore: null,
});

describe("LexicalProximityReranker", () => {
  const candidates = [
    hit("scattered", "Rooms", "Checkout is at noon. Late arrivals can call. Our breakfast room opens early.", 1.0),
    hit("adjacent", "Late checkout", "Late checkout until 2pm costs 20 euros.", 0.9),
    hit("unrelated", "Parking", "The garage is under the hotel.", 0.95),
  ];

  it("moves the chunk with the query's words side by side (and in its title) to the top, deterministically", async () => {
    const reranker = new LexicalProximityReranker();
    const first = await reranker.rerank("late checkout price", candidates);
    expect(first.map((h) => h.chunkId)).toEqual(["adjacent", "scattered", "unrelated"]);
    expect(await reranker.rerank("late checkout price", candidates)).toEqual(first);
    // Retrieval order alone would have put "adjacent" last but one.
    expect([...candidates].sort((a, b) => b.score - a.score).map((h) => h.chunkId)).toEqual(["scattered", "unrelated", "adjacent"]);
  });

  it("keeps retrieval order when the query has no content words", async () => {
    const reranked = await new LexicalProximityReranker().rerank("what is the", candidates);
    expect(reranked.map((h) => h.chunkId)).toEqual(candidates.map((h) => h.chunkId));
  });

  it("folds accents like full-text search", async () => {
    const spanish = [
      hit("a", "Piscina", "La piscina abre en junio.", 1),
      hit("b", "Facturación", "Información de facturación por correo.", 0.8),
    ];
    const reranked = await new LexicalProximityReranker().rerank("informacion facturacion", spanish);
    expect(reranked[0]?.chunkId).toBe("b");
  });
});

describe("proximity", () => {
  it("is matched words over the shortest window that holds them", () => {
    expect(proximity(["a", "x", "b", "a", "b"], ["a", "b"])).toBe(1);
    expect(proximity(["a", "x", "x", "b"], ["a", "b"])).toBe(0.5);
    expect(proximity(["a"], ["a"])).toBe(1);
    expect(proximity([], [])).toBe(0);
  });
});
