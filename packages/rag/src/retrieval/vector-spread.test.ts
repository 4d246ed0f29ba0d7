import { describe, expect, it } from "vitest";
import { decideFusion } from "./fusion-decision";
import type { TextCandidate, VectorCandidate } from "./types";
import { scoreAgreement } from "./vector-agreement";
import { cosineSpread, decideQueryFusion, MIN_READABLE_SPREAD, READABLE_TEXT_WEIGHT_SCALE } from "./vector-spread";

const on = { minSpread: MIN_READABLE_SPREAD };

// Twelve full-text candidates with falling BM25 scores, and cosines for them in three shapes.
const textHits: TextCandidate[] = Array.from({ length: 12 }, (_, index) => ({ chunkId: `c${index}`, score: 12 - index, coverage: 0.5 }));
const cosines = (values: readonly number[]) => new Map(values.map((value, index) => [`c${index}`, value]));
const vectorList = (values: ReadonlyMap<string, number>): VectorCandidate[] =>
  [...values].map(([chunkId, score]) => ({ chunkId, score })).sort((a, b) => b.score - a.score);
// High and flat whatever the words: a language the model cannot read (spread ~0.006).
const flat = cosines([0.744, 0.757, 0.742, 0.756, 0.745, 0.743, 0.757, 0.744, 0.756, 0.742, 0.745, 0.757]);
// Spread, but not following BM25: the model reads the question and ranks other chunks first than full text does.
const disagreeing = cosines([0.31, 0.35, 0.28, 0.52, 0.3, 0.61, 0.27, 0.33, 0.58, 0.29, 0.36, 0.3]);
// Spread and following BM25.
const agreeing = cosines(textHits.map((hit) => 0.2 + 0.04 * hit.score));

describe("cosineSpread", () => {
  it("is the standard deviation of the vector candidates' cosines, or null with fewer than 10", () => {
    expect(cosineSpread(vectorList(cosines([0.5, 0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 0.7, 0.7, 0.7])))).toBeCloseTo(0.1, 10);
    expect(cosineSpread(vectorList(cosines([0.5, 0.6, 0.7])))).toBeNull();
    expect(cosineSpread(vectorList(flat)) ?? 1).toBeLessThan(MIN_READABLE_SPREAD);
    expect(cosineSpread(vectorList(disagreeing)) ?? 0).toBeGreaterThan(MIN_READABLE_SPREAD);
  });
});

describe("decideQueryFusion", () => {
  it("keeps decideFusion's full-text-alone rule when the cosines are flat (the model cannot read the question)", () => {
    expect(decideFusion(0.5, textHits, flat)).toEqual({ textWeight: 1, feedback: false });
    expect(decideQueryFusion(0.5, textHits, flat, vectorList(flat), on)).toEqual({ textWeight: 1, feedback: false });
  });

  it("fuses with the vectors' larger share, and no feedback, when spread cosines disagree with full text", () => {
    expect(scoreAgreement(textHits, disagreeing) ?? 1).toBeLessThan(0.1);
    expect(decideFusion(0.5, textHits, disagreeing).textWeight).toBe(1);
    const decision = decideQueryFusion(0.5, textHits, disagreeing, vectorList(disagreeing), on);
    expect(decision.textWeight).toBeCloseTo(0.5 * READABLE_TEXT_WEIGHT_SCALE, 12);
    expect(decision.feedback).toBe(false);
    // Without the feedback gate a fused question may have feedback.
    expect(decideQueryFusion(0.5, textHits, disagreeing, vectorList(disagreeing), { ...on, feedbackMinAgreement: null }).feedback).toBe(true);
  });

  it("scales the configured weight and keeps feedback when spread cosines follow full text", () => {
    expect(decideQueryFusion(0.5, textHits, agreeing, vectorList(agreeing), on)).toEqual({ textWeight: 0.4, feedback: true });
    expect(decideQueryFusion(0.7, textHits, agreeing, vectorList(agreeing), on).textWeight).toBeCloseTo(0.56, 12);
  });

  it("is decideFusion alone by default, when turned off, with too few vector candidates, or with one side chosen outright", () => {
    const few = vectorList(disagreeing).slice(0, 9);
    expect(decideQueryFusion(0.5, textHits, disagreeing, vectorList(disagreeing))).toEqual(decideFusion(0.5, textHits, disagreeing));
    expect(decideQueryFusion(0.5, textHits, disagreeing, vectorList(disagreeing), { minSpread: null })).toEqual(decideFusion(0.5, textHits, disagreeing));
    expect(decideQueryFusion(0.5, textHits, disagreeing, few, on)).toEqual(decideFusion(0.5, textHits, disagreeing));
    expect(decideQueryFusion(1, textHits, agreeing, vectorList(agreeing), on)).toEqual({ textWeight: 1, feedback: true });
    expect(decideQueryFusion(0, textHits, agreeing, vectorList(agreeing), on)).toEqual({ textWeight: 0, feedback: true });
  });
});
