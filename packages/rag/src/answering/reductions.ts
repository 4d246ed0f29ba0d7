/**
 * "Is there a discount for students?", "is it cheaper if I pay for the whole year", "do over 65s get money off": an
 * English question about a reduction in price. Its answer states one — a share ("20% off", "10% cheaper"), something
 * given free ("one month free"), or the words of a reduction ("discounted", "half price", "save £25") — and a
 * sentence stating only a price ("Sports massage — £40", "A late return costs £10") says nothing of any reduction.
 */
const asksReduction = /\b(?:discounts?|discounted|reductions?|concessions?|concessionary|money off|cheaper)\b/iu;

/**
 * A reduction stated: a share ("15% off", "10% cheaper"), an amount off ("£5 off", "money off"), a period or a visit
 * given free ("one month free", "the 7th night free"), or a word of reducing. A bare "free" ("free access to our app",
 * "children under 5 stay free") is something else given, "off" without an amount a particle ("cut the lock off",
 * "drop-off"), "waived if you go ahead" a condition and "offer" a name: none says the price asked about is reduced.
 */
const statesReductionPattern =
  /\d\s?%|\d\s+off\b|\bmoney off\b|\b(?:nights?|days?|weeks?|months?|years?|lessons?|class(?:es)?|sessions?|visits?)\s+free\b|\bdiscount(?:s|ed)?\b|\breduc(?:ed|tion|tions)\b|\bcheaper\b|\bconcession(?:s|ary)?\b|\bhalf[- ]price\b|\bsav(?:e|es|ing|ings)\b/iu;

/** Whether an English question asks whether (or how much) a price is reduced. */
export function asksForReduction(question: string): boolean {
  return asksReduction.test(question);
}

/** Whether a text (a sentence with its heading or labels) states a reduction in price. */
export function statesReduction(text: string): boolean {
  return statesReductionPattern.test(text);
}
