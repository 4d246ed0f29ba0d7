import { describe, expect, it } from "vitest";
import { meanMetrics, mrrAt, ndcgAt, rankingMetrics, recallAt, toDocumentRanking } from "./metrics";

const judgments = new Map([
  ["d1", 3],
  ["d2", 2],
  ["d3", 1],
  ["d9", 0],
]);

describe("ndcgAt", () => {
  it("matches a hand-computed example", () => {
    // Ranking d3, x, d1, d9: DCG = 1/log2(2) + 3/log2(4) = 1 + 1.5 = 2.5
    // Ideal d1, d2, d3: 3/1 + 2/log2(3) + 1/2 = 3.5 + 1.2618595 = 4.7618595
    expect(ndcgAt(["d3", "x", "d1", "d9"], judgments, 10)).toBeCloseTo(2.5 / 4.7618595, 6);
    expect(ndcgAt(["d1", "d2", "d3"], judgments, 10)).toBeCloseTo(1, 10);
  });

  it("only counts the top k, and the ideal is cut at k too", () => {
    // k = 1: DCG = 1 (d3), ideal = 3 (d1)
    expect(ndcgAt(["d3", "d1"], judgments, 1)).toBeCloseTo(1 / 3, 10);
    expect(ndcgAt(["x", "y"], judgments, 10)).toBe(0);
    expect(ndcgAt(["d1"], new Map(), 10)).toBe(0);
  });
});

describe("recallAt and mrrAt", () => {
  it("count relevant (grade > 0) documents only", () => {
    expect(recallAt(["d9", "d2", "x", "d3"], judgments, 10)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(["d9", "d2", "x", "d3"], judgments, 2)).toBeCloseTo(1 / 3, 10);
    expect(mrrAt(["d9", "x", "d2"], judgments, 10)).toBeCloseTo(1 / 3, 10);
    expect(mrrAt(["d9", "x", "d2"], judgments, 2)).toBe(0);
  });

  it("average over queries", () => {
    const perfect = rankingMetrics(["d1", "d2", "d3"], judgments);
    const none = rankingMetrics(["x"], judgments);
    expect(meanMetrics([perfect, none])).toEqual({ ndcg10: 0.5, recall10: 0.5, mrr10: 0.5 });
  });
});

describe("toDocumentRanking", () => {
  it("keeps each document at the rank of its best chunk", () => {
    expect(toDocumentRanking(["a", "b", "a", "c", "b"])).toEqual(["a", "b", "c"]);
  });
});
