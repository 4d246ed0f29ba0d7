import { describe, expect, it } from "vitest";
import { FEEDBACK_MIN_RUNNER_UP_SHARE, feedbackOriginalWeight, hasClearLeader, LED_ORIGINAL_QUERY_WEIGHT, RUNNERS_UP, runnerUpShare } from "./feedback-gate";
import { ORIGINAL_QUERY_WEIGHT } from "./feedback-terms";
import type { TextCandidate } from "./types";

const hits = (scores: readonly number[]): TextCandidate[] => scores.map((score, index) => ({ chunkId: `c${index}`, score, coverage: 0.5 }));

describe("runnerUpShare", () => {
  it("is the mean score of the candidates after the best, up to RUNNERS_UP of them, as a share of the best's", () => {
    expect(RUNNERS_UP).toBe(4);
    expect(runnerUpShare(hits([10, 8, 6, 4, 2, 1]))).toBeCloseTo(0.5, 12);
    // Candidates past the RUNNERS_UP after the best do not count.
    expect(runnerUpShare(hits([10, 8, 6, 4, 2, 100]))).toBeCloseTo(0.5, 12);
    // With fewer candidates, the mean of those there are.
    expect(runnerUpShare(hits([10, 9]))).toBeCloseTo(0.9, 12);
  });

  it("is null with no runner-up or no positive best score", () => {
    expect(runnerUpShare(hits([]))).toBeNull();
    expect(runnerUpShare(hits([3]))).toBeNull();
    expect(runnerUpShare(hits([0, 0, 0]))).toBeNull();
  });
});

describe("feedbackOriginalWeight", () => {
  // A known item: one chunk holds the question's words, its neighbours share a few of them.
  const clearLeader = hits([12.4, 5.1, 4.8, 4.0, 3.9, 3.5]);
  // A topic: several chunks answer about equally well.
  const flat = hits([9.1, 8.9, 8.2, 7.9, 7.7, 7.5]);

  it("keeps more of the question (λ LED_ORIGINAL_QUERY_WEIGHT) for a first pass with a clear leader, RM3's λ otherwise", () => {
    expect(FEEDBACK_MIN_RUNNER_UP_SHARE).not.toBeNull();
    expect(LED_ORIGINAL_QUERY_WEIGHT).toBeGreaterThan(ORIGINAL_QUERY_WEIGHT);
    expect(hasClearLeader(clearLeader)).toBe(true);
    expect(feedbackOriginalWeight(clearLeader)).toBe(LED_ORIGINAL_QUERY_WEIGHT);
    expect(hasClearLeader(flat)).toBe(false);
    expect(feedbackOriginalWeight(flat)).toBe(ORIGINAL_QUERY_WEIGHT);
  });

  it("counts a share at the threshold as no clear leader, nor a pass with no runner-up, nor any pass with the gate off (null)", () => {
    expect(hasClearLeader(hits([10, 7, 7, 7, 7]), 0.7)).toBe(false);
    expect(hasClearLeader(hits([10, 6.9, 7, 7, 7]), 0.7)).toBe(true);
    expect(hasClearLeader(hits([10]))).toBe(false);
    expect(hasClearLeader(clearLeader, null)).toBe(false);
    expect(feedbackOriginalWeight(clearLeader, null)).toBe(ORIGINAL_QUERY_WEIGHT);
  });
});
