/**
 * Terms of paying a visitor asks about in English — a reduction in price, a refund, paying in instalments — each with
 * the words that ask about it and what a sentence says when it states it. A question about one is answered only by a
 * sentence stating it: "Is there a discount for students?" is not answered by "A late return costs £10", "can I get a
 * refund on a gift voucher" not by "Gift vouchers … are valid for 12 months", "can I pay for my treatment in monthly
 * instalments" not by "Follow-up treatment — Price: £52". The sentence next to the term names the thing asked about
 * and none of the term: what the visitor wants to know is the term, and a front desk that does not say it has not
 * answered. Whether the term is stated of the thing asked about is left to the other rules: "Unused bikes and
 * accessories can be returned … for a full refund" answers a refund on a helmet.
 */
export type PaymentTerm = "reduction" | "refund" | "instalments";

/** Each term: the words that ask about it and what a sentence says when it states it. */
const TERMS: Record<PaymentTerm, { asks: RegExp; states: RegExp }> = {
  /**
   * "is it cheaper if I pay for the whole year", "do over 65s get money off". Stated by a share ("20% off", "10%
   * cheaper"), an amount off ("£5 off", "money off"), a period or a visit given free ("one month free", "the 7th night
   * free"), or a word of reducing. A bare "free" ("free access to our app", "children under 5 stay free") is something
   * else given, "off" without an amount a particle ("cut the lock off", "drop-off"), "waived if you go ahead" a
   * condition and "offer" a name: none says the price asked about is reduced.
   */
  reduction: {
    asks: /\b(?:discounts?|discounted|reductions?|concessions?|concessionary|money off|cheaper)\b/iu,
    states:
      /\d\s?%|\d\s+off\b|\bmoney off\b|\b(?:nights?|days?|weeks?|months?|years?|lessons?|class(?:es)?|sessions?|visits?)\s+free\b|\bdiscount(?:s|ed)?\b|\breduc(?:ed|tion|tions)\b|\bcheaper\b|\bconcession(?:s|ary)?\b|\bhalf[- ]price\b|\bsav(?:e|es|ing|ings)\b/iu,
  },
  /**
   * "can I get my money back on a pass", "are gift vouchers refundable", "is parking reimbursed". Stated by a refund
   * either way ("Passes are not refundable", "Non-refundable", "for a full refund"), money given back or returned
   * ("The deposit is returned within 14 days"), or cancelling free of charge ("Cancellation: Free until 48 hours before
   * arrival", "no charge to cancel").
   */
  refund: {
    asks: /\b(?:refunds?|refundable|refunded|refunding|money back|reimburs\p{L}*)\b/iu,
    states: /\b(?:refund\p{L}*|non-refundable|money back|reimburs\p{L}*|repaid|paid back|returned)\b|\bcancel\p{L}*\b[^.]*\b(?:free|no charge)\b|\b(?:free|no charge)\b[^.]*\bcancel\p{L}*/iu,
  },
  /**
   * "can I pay in instalments", "do you do payment plans", "can I spread the cost", "can I finance a new furnace". Stated
   * by instalments or a plan ("spread over three monthly payments", "can be financed … for 18 months"), or by when
   * payment falls due ("Payment is due when the job is finished", "due in full"): a no. "in advance" is no such
   * statement ("Buy five follow-up treatments in advance and save £25" is an offer).
   */
  instalments: {
    asks: /\b(?:instal{1,2}ments?|payment plans?|financ(?:e|ing)|spread (?:the )?(?:cost|costs|payments?|bill))\b/iu,
    states: /\b(?:instal{1,2}ments?|payment plans?|financ\p{L}*|spread|monthly payments|due in full|paid in full|full payment)\b|\bpayment is due\b|\bdue (?:at|on|when|before)\b/iu,
  },
};

/** The term of paying an English question asks about (see TERMS), if any; a reduction before a refund before instalments. */
export function paymentTermAsked(question: string): PaymentTerm | undefined {
  return (Object.keys(TERMS) as PaymentTerm[]).find((term) => TERMS[term].asks.test(question));
}

/** Whether a text (a sentence with its heading or labels) states the term asked about. */
export function statesPaymentTerm(term: PaymentTerm, text: string): boolean {
  return TERMS[term].states.test(text);
}

