import type { VocabularyTerm } from "./spelling";

/**
 * Words of general English that visitors of any front desk ask with, whether or not a knowledge base writes them:
 * the kinds of fact answering reads from a question (question-type.ts, contact-fact.ts: "address", "phone number",
 * "located", "how often", "how much notice") and the days, months and times they ask about. A typo in one of them
 * ("whats ur addreess", "phobe number", "chriistmas") hides what is asked even when the knowledge base states it in
 * other words ("We are at 14 Oak Street"), so spelling corrects against them too, below any word of the knowledge
 * base (they count as held by no chunk). Being words, they are never corrected themselves.
 */
const WORDS =
  "address addresses located location directions phone telephone mobile number numbers email contact call " +
  "price prices cost costs charge charges fee fees discount discounts student students senior seniors free " +
  "open opening closed close hours minimum maximum notice often long much many " +
  "weekend weekends weekday weekdays monday tuesday wednesday thursday friday saturday sunday " +
  "january february march april june july august september october november december " +
  "today tomorrow tonight morning afternoon evening night christmas easter holiday holidays " +
  "appointment appointments booking book cancel cancellation parking park payment card cash deposit refund " +
  "available availability wheelchair children child insurance emergency";

/** Words of 5 letters or more: a shorter one ("card", "park") is what too many longer words become less a letter ("scard"). */
export const COMMON_WORDS: readonly VocabularyTerm[] = WORDS.split(" ")
  .filter((lexeme) => lexeme.length >= 5)
  .map((lexeme) => ({ lexeme, df: 0 }));
