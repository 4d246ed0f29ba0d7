import { ORIGINAL_QUERY_WEIGHT } from "./feedback-terms";
import type { TextCandidate } from "./types";

/** Full-text candidates after the best whose scores make up the runner-up share (runnerUpShare). */
export const RUNNERS_UP = 4;

/**
 * A first full-text pass whose runner-up share (runnerUpShare) is below this has a clear leader, and feedback keeps
 * more of the question (LED_ORIGINAL_QUERY_WEIGHT); FusionOptions.feedbackMinRunnerUpShare.
 * A question that one chunk answers far better than any other (a known item: the page, the function, the section
 * that names it) is already found by its own words; RM3 then borrows the words of the fused top 3, two of which are
 * that chunk's neighbours, and drifts towards them. A question several chunks answer about equally well (a topic,
 * or an ambiguous known item) is where the relevance model has most to add. Skipping feedback on a clear leader
 * instead lost up to 0.003 nDCG@10 on Cranfield (whose ad-hoc questions gain from feedback even with a leader);
 * keeping it at λ 0.85 there gained on all three collections measured per query (bench/README.md, "A feedback
 * gate": Cranfield +0.0006, man pages +0.0012, docstrings +0.0046; a plateau from 0.68 to 0.76).
 */
export const FEEDBACK_MIN_RUNNER_UP_SHARE: number | null = 0.7;

/** RM3's original-query weight λ for a first pass with a clear leader (ORIGINAL_QUERY_WEIGHT otherwise). */
export const LED_ORIGINAL_QUERY_WEIGHT = 0.85;

/**
 * Mean full-text score of the RUNNERS_UP candidates after the best, divided by the best's (0..1; the candidates in
 * ranking order, as fullTextCandidates returns them). null when there is no runner-up to compare with.
 */
export function runnerUpShare(textHits: readonly TextCandidate[]): number | null {
  const best = textHits[0]?.score ?? 0;
  const runnersUp = textHits.slice(1, 1 + RUNNERS_UP);
  if (!(best > 0) || runnersUp.length === 0) return null;
  // Over the runners-up there are: a small knowledge base may hold only two chunks that match at all.
  return runnersUp.reduce((sum, hit) => sum + Math.max(0, hit.score), 0) / runnersUp.length / best;
}

/** Whether the first pass has a clear leader (runner-up share below `minShare`; never with null or no runner-up). */
export function hasClearLeader(textHits: readonly TextCandidate[], minShare: number | null = FEEDBACK_MIN_RUNNER_UP_SHARE): boolean {
  if (minShare === null) return false;
  const share = runnerUpShare(textHits);
  return share !== null && share < minShare;
}

/** RM3's original-query weight for this first pass: more of the question when it has a clear leader. */
export function feedbackOriginalWeight(textHits: readonly TextCandidate[], minShare: number | null = FEEDBACK_MIN_RUNNER_UP_SHARE): number {
  return hasClearLeader(textHits, minShare) ? LED_ORIGINAL_QUERY_WEIGHT : ORIGINAL_QUERY_WEIGHT;
}
