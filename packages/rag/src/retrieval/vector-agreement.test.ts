import { describe, expect, it } from "vitest";
import { decideFusion, FEEDBACK_MIN_AGREEMENT } from "./fusion-decision";
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

describe("decideFusion (fusion-decision.ts)", () => {
  const flat = cosines([0.74, 0.77, 0.72, 0.76, 0.75, 0.73, 0.77, 0.74, 0.76, 0.72, 0.75, 0.77]);
  const agreeing = cosines(hits.map((h) => 0.2 + 0.04 * h.score));
  // Cosines that follow BM25 only loosely: a slight upward trend under much larger noise.
  const loose = cosines([0.7, 0.62, 0.71, 0.76, 0.64, 0.7, 0.73, 0.63, 0.69, 0.72, 0.66, 0.66]);

  it("fuses with feedback when the vectors follow full text", () => {
    expect(decideFusion(0.5, hits, agreeing)).toEqual({ textWeight: 0.5, feedback: true });
  });

  it("fuses without feedback when the vectors follow full text only loosely", () => {
    const agreement = scoreAgreement(hits, loose) ?? Number.NaN;
    expect(agreement).toBeGreaterThanOrEqual(MIN_AGREEMENT);
    expect(agreement).toBeLessThan(FEEDBACK_MIN_AGREEMENT);
    expect(decideFusion(0.5, hits, loose)).toEqual({ textWeight: 0.5, feedback: false });
    // null turns the feedback gate off (the behaviour before it).
    expect(decideFusion(0.5, hits, loose, null)).toEqual({ textWeight: 0.5, feedback: true });
  });

  it("ranks by full text alone, without feedback, when the vectors do not follow it at all", () => {
    expect(decideFusion(0.5, hits, flat)).toEqual({ textWeight: 1, feedback: false });
  });

  it("keeps the configured weight and feedback when there is too little to measure or one side is chosen outright", () => {
    expect(decideFusion(0.5, hits.slice(0, 3), flat)).toEqual({ textWeight: 0.5, feedback: true });
    expect(decideFusion(1, hits, loose)).toEqual({ textWeight: 1, feedback: true });
    expect(decideFusion(0, hits, loose)).toEqual({ textWeight: 0, feedback: true });
  });
});
