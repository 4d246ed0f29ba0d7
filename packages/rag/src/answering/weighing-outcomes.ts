import type { SentenceMeaning } from "./extractive-answer";

/** A question's answer as composed (composeExtractiveAnswer's result). */
interface Composed {
  content: string;
  citations: readonly unknown[];
}

/**
 * Words no source mentions, up to this many, are tried every way they can weigh (2^n + 1 compositions of ~1–3 ms);
 * weighing them costs the local model a run per token count (~15–25 ms of CPU each).
 */
export const WEIGHINGS_TRIED = 3;

/**
 * For a yes/no question whose words no source mentions (`unknown`) would be weighed (see weighWords): the meaning
 * to answer with when the answer is the same however they weigh, so the model need not weigh them; undefined when
 * weights could change it. A yes/no question's composition reads the weights only as "carries or not": each word's
 * shift against CARRYING_WORD_SHIFT (`carrying`, `carries`) and all of them at once (`unknownShift`, only when no
 * word carries alone); `similarityWithout` is read for other questions only. So every way they can weigh is a set
 * of carrying words, plus, for two words or more, none carrying alone but all together: when each of these composes
 * the same answer, so does the one the model would measure. The meaning returned is the first of them (nothing
 * carries), whose composition `compose` keeps.
 */
export function answerHoweverWeighed(
  meaning: SentenceMeaning,
  unknown: readonly string[],
  compose: (meaning: SentenceMeaning) => Composed,
): SentenceMeaning | undefined {
  if (unknown.length === 0 || unknown.length > WEIGHINGS_TRIED) return undefined;
  const weighedAs = (carrying: ReadonlySet<string>, together: boolean): SentenceMeaning => ({
    ...meaning,
    shift: (word) => (carrying.has(word) ? 1 : 0),
    unknownShift: () => (together || carrying.size > 0 ? 1 : 0),
    similarityWithout: () => undefined,
  });
  const ways: Array<() => SentenceMeaning> = [];
  // Nothing carrying and everything carrying first: where weights matter, those two differ most often.
  const subsets = Array.from({ length: 2 ** unknown.length }, (_, bits) => new Set(unknown.filter((_, index) => (bits >> index) & 1)));
  for (const carrying of [subsets[0]!, subsets[subsets.length - 1]!, ...subsets.slice(1, -1)]) ways.push(() => weighedAs(carrying, false));
  if (unknown.length > 1) ways.push(() => weighedAs(new Set(), true));
  const first = ways[0]!();
  const answer = key(compose(first));
  for (const way of ways.slice(1)) if (key(compose(way())) !== answer) return undefined;
  return first;
}

function key(composed: Composed): string {
  return JSON.stringify([composed.content, composed.citations]);
}
