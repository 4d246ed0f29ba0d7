/**
 * A pure function's results kept for the last `limit` keys (oldest dropped first): answering reads the same
 * question, passages and sentences many times per answer (once per way of reading the question) and across answers.
 * `keyOf` names the arguments as one string; a value is shared between callers, so none may change it.
 */
export function remembered<Args extends unknown[], T>(
  limit: number,
  keyOf: (...args: Args) => string,
  compute: (...args: Args) => T,
): ((...args: Args) => T) & { readonly kept: Map<string, T> } {
  const kept = new Map<string, T>();
  const lookup = (...args: Args): T => {
    const key = keyOf(...args);
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(...args);
    kept.set(key, value);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return value;
  };
  return Object.assign(lookup, { kept });
}

/** remembered for a function of one string, keyed by it. */
export const rememberedByText = <T>(limit: number, compute: (text: string) => T) => remembered(limit, (text: string) => text, compute);
