import { describe, expect, it } from "vitest";
import type { FullTextSearchHit } from "./types";
import { adaptiveTextWeight, MIN_AGREEMENT, MIN_CANDIDATES, scoreAgreement } from "./vector-agreement";

const hit = (index: number, score: number): FullTextSearchHit => ({
  chunkId: `c${index}`,
  documentId: `d${index}`,
  knowledgeBaseId: "kb",
  documentTitle: `Doc ${index}`,
  content: "",
  position: 0,
  metadata: {},
  score,
  coverage: 0.5,
});

// Twelve full-text candidates with falling BM25 scores.
const hits = Array.from({ length: 12 }, (_, index) => hit(index, 12 - index));
const cosines = (values: readonly number[]) => new Map(values.map((value, index) => [`c${index}`, value]));

describe("scoreAgreement", () => {
  it("is high when the closest chunks in meaning are also the best word matches", () => {
    const agreeing = cosines(hits.map((h) => 0.2 + 0.04 * h.score + (h.score % 3) * 0.01));
    expect(scoreAgreement(hits, agreeing)).toBeGreaterThan(0.9);
  });

  it("is near zero or below when cosines are high and flat whatever the words (a language the model cannot read)", () => {
    const flat = cosines([0.74, 0.77, 0.72, 0.76, 0.75, 0.73, 0.77, 0.74, 0.76, 0.72, 0.75, 0.77]);
    const agreement = scoreAgreement(hits, flat);
    expect(agreement).not.toBeNull();
    expect(agreement ?? 1).toBeLessThan(MIN_AGREEMENT);
  });

  it("says nothing with fewer candidates than MIN_CANDIDATES, or with no spread on one side", () => {
    expect(scoreAgreement(hits.slice(0, MIN_CANDIDATES - 1), cosines(hits.map((h) => h.score / 20)))).toBeNull();
    // Cosines of chunks missing from the map do not count as candidates.
    expect(scoreAgreement(hits, cosines([0.5, 0.4, 0.3]))).toBeNull();
    expect(scoreAgreement(hits.map((h) => ({ ...h, score: 3 })), cosines(hits.map((h) => h.score / 20)))).toBeNull();
    expect(scoreAgreement(hits, cosines(hits.map(() => 0.6)))).toBeNull();
  });
});

describe("adaptiveTextWeight", () => {
  const flat = cosines([0.74, 0.77, 0.72, 0.76, 0.75, 0.73, 0.77, 0.74, 0.76, 0.72, 0.75, 0.77]);
  const agreeing = cosines(hits.map((h) => 0.2 + 0.04 * h.score));

  it("gives full text the whole weight when the vectors disagree, and keeps the configured weight otherwise", () => {
    expect(adaptiveTextWeight(0.5, hits, flat)).toBe(1);
    expect(adaptiveTextWeight(0.5, hits, agreeing)).toBe(0.5);
    expect(adaptiveTextWeight(0.3, hits, agreeing)).toBe(0.3);
  });

  it("keeps the configured weight when there is too little to measure, and never overrides one side alone", () => {
    expect(adaptiveTextWeight(0.5, hits.slice(0, 3), flat)).toBe(0.5);
    expect(adaptiveTextWeight(0, hits, flat)).toBe(0);
    expect(adaptiveTextWeight(1, hits, agreeing)).toBe(1);
  });
});
