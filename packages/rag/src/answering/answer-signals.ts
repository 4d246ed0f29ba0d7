import { hasTerm, withContext, type ScoredUnit } from "./score-units";
import { contentTerms } from "./text-analysis";
import { isAnswerTypeWord, type AnswerType } from "./question-type";
import type { WordNeighbours } from "./word-neighbours";
import { namesKindOf } from "../wording/wordnet";

/**
 * What the extractive answer knows about the sentence it chose, once every rule let it through: general signals (no
 * word lists) for studying, across answer sets, whether the answer is right or the question should have been declined
 * (bench/answers/decline-loso.py reads them from a replay under FRONTDESK_DEBUG_DECLINE).
 */
export interface AnswerSignals {
  /** Cosine of the question to the chosen sentence with its context. */
  meaning: number;
  /** IDF-weighted share of the question's words the sentence holds (scoreUnits). */
  lexical: number;
  /** The sentence's combined score (scoreUnits). */
  score: number;
  /** z-score of its cosine among every sentence read. */
  z: number;
  /** How much nearer in meaning the nearest sentence read is (0 when it is the nearest). */
  gap: number;
  /** Share of the question's content words no source read mentions (nor a neighbour of theirs). */
  unknownShare: number;
  /** A word no source mentions moves the question (see CARRYING_WORD_SHIFT). */
  carrying: boolean;
  /** Share of the key subject's words (keySubjectWords) its section names; 1 without a key subject. */
  subjectShare: number;
  /** Whether the question has a key subject (a yes/no question's thing; a French, Spanish or German shape). */
  hasSubject: boolean;
  /** Share of the question's topic words (not the kind of fact asked for, not numbers) its section names. */
  topicShare: number;
  /** Topic words the section does not name but another section read does: the sources speak of them elsewhere. */
  missedElsewhere: number;
  /** The same as a share of the topic words (0 without topic words). */
  missedElsewhereShare: number;
  /** The topic words the section does not name. */
  missed: string[];
  /** The sentence answers an FAQ entry. */
  faq: boolean;
  yesNo: boolean;
  /** The question asks for a kind of fact (answerTypeOf) and the sentence states it. */
  typed: boolean;
  fitsType: boolean;
  /** Sentences read. */
  units: number;
}

/** The signals of `best` among `scored` (see AnswerSignals). */
export function answerSignals(input: {
  question: string;
  type: AnswerType | null;
  yesNo: boolean;
  best: ScoredUnit;
  scored: readonly ScoredUnit[];
  unknown: readonly string[];
  carrying: boolean;
  subject: readonly string[];
  neighbours?: WordNeighbours;
  /** The title of the document the sentence is read from ("instructors.csv"): its rows sit under it. */
  title?: string;
}): AnswerSignals {
  const { question, type, best, scored } = input;
  const meanings = scored.map((unit) => unit.meaning);
  const mean = meanings.reduce((sum, value) => sum + value, 0) / Math.max(1, meanings.length);
  const sd = Math.sqrt(meanings.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, meanings.length));
  const section = contentTerms(
    scored
      .filter((unit) => unit.source === best.source && unit.section === best.section)
      .map(withContext)
      .concat(input.title ?? [])
      .join(" "),
  );
  const terms = contentTerms(question);
  const topic = terms.filter((term) => !isAnswerTypeWord(type, term) && !/\p{N}/u.test(term));
  // A word is named by the section in its own form, by a word the model matched to it, or by a kind of it (WordNet).
  const named = (term: string) =>
    hasTerm(section, term) || (input.neighbours?.get(term) ?? []).some((near) => hasTerm(section, near.word)) || section.some((word) => namesKindOf(word, term));
  const share = (words: readonly string[]) => (words.length === 0 ? 1 : words.filter(named).length / words.length);
  const elsewhere = contentTerms(
    scored
      .filter((unit) => unit.source !== best.source || unit.section !== best.section)
      .map(withContext)
      .join(" "),
  );
  const missedElsewhere = topic.filter((term) => !named(term) && hasTerm(elsewhere, term)).length;
  return {
    meaning: best.meaning,
    lexical: best.lexical,
    score: best.score,
    z: sd > 0 ? (best.meaning - mean) / sd : 0,
    gap: Math.max(0, Math.max(...meanings) - best.meaning),
    unknownShare: terms.length === 0 ? 0 : input.unknown.length / terms.length,
    carrying: input.carrying,
    subjectShare: share(input.subject),
    hasSubject: input.subject.length > 0,
    topicShare: share(topic),
    missedElsewhere,
    missed: topic.filter((term) => !named(term)),
    missedElsewhereShare: topic.length === 0 ? 0 : missedElsewhere / topic.length,
    faq: best.contextIsQuestion,
    yesNo: input.yesNo,
    typed: type !== null,
    fitsType: best.fitsType,
    units: scored.length,
  };
}

/**
 * An English yes/no question answered from a neighbouring fact: the chosen sentence shares few of the question's
 * words (lexical) and the topic words its section does not name are said in other sections read
 * (missedElsewhereShare): the sources speak of what was asked about elsewhere, and this sentence is about something
 * next to it ("can you repair my garage door opener" over "All of our repair work is guaranteed …", "can I pay with
 * Apple Pay" over "We accept Visa, Mastercard and American Express").
 *
 * A logistic regression fitted by bench/answers/decline-loso.py (session 19) on every answered English yes/no question
 * of the dev replays (247: 39 unanswerable, 208 answered right; L2 1 on standardised signals), threshold the one
 * keeping most declines gained minus twice the right answers lost, rounded down (the nearest right answer scores
 * 0.415). Leave-one-set-out on the 12 English dev businesses (each set's model and threshold fitted on the other 11):
 * declines 191 → 194/251, right answers 549 → 549/701; in-sample 4 declines gained, none lost. The logit below.
 */
export const NEIGHBOURING_FACT = { intercept: -0.391384, lexical: -4.177332, topicShare: 0.212995, missedElsewhereShare: 3.798817, threshold: 0.45 } as const;

/** The log-odds that an answer with these signals answers from a neighbouring fact (see NEIGHBOURING_FACT). */
export function neighbouringFactOdds(signals: Pick<AnswerSignals, "lexical" | "topicShare" | "missedElsewhereShare">): number {
  const model = NEIGHBOURING_FACT;
  return model.intercept + model.lexical * signals.lexical + model.topicShare * signals.topicShare + model.missedElsewhereShare * signals.missedElsewhereShare;
}

/** Whether a yes/no answer is vetoed as a neighbouring fact (see NEIGHBOURING_FACT); the caller checks it is yes/no English. */
export function answersNeighbouringFact(signals: Pick<AnswerSignals, "lexical" | "topicShare" | "missedElsewhereShare">): boolean {
  return neighbouringFactOdds(signals) >= NEIGHBOURING_FACT.threshold;
}

/**
 * A price wh-question answered by a section that names none of its topic words — in its own form, a word the model or
 * WordNet relates to it, a kind of it, or the document's title —, while the sources know some word of the question:
 * the section prices something else ("what do you charge to replace a garbage disposal" over "Service: Main sewer line
 * cleaning; $349", "What do you charge for a rabies jab?" over the Pet Health Club row, "any student discount?" over
 * "Nonprofits … get 15% off"). A price is a price of something, and the question's topic words name it; the kind-of-fact
 * words ("charge", "discount", "rate") do not. When the sources know none of the question's words ("how much to get the
 * aircon topped up" over "Air-conditioning regas: £79") nothing could be named, and meaning alone chose the row, as for
 * any question of unknown words. No threshold: the same on every set (session 20: dev 5 declines gained, 0 right
 * answers lost; bench/README.md, "A price of something else").
 */
export function pricesAnotherThing(signals: Pick<AnswerSignals, "topicShare" | "unknownShare">): boolean {
  return signals.topicShare === 0 && signals.unknownShare < 1;
}
