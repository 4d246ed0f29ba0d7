import { splitAnswerUnits, type AnswerUnit } from "./answer-units";
import { askingClause } from "./asking-sentence";
import { superlativeOf } from "./superlatives";
import { isListQuestion, rowNames } from "./list-questions";
import { constraintFit, constraintsOf } from "./value-constraints";
import { rowTextAsked, type LabelSimilarity } from "./asked-columns";
import { answerUnitsOf, scoreUnits, withContext, type ScoredUnit } from "./score-units";
import { contentTerms, truncate } from "./text-analysis";
import { DEFAULT_MAX_CITATIONS, DEFAULT_RELEVANT_SIMILARITY, type AnswerSettings, type AnswerSource, type Citation } from "./types";
import { SNIPPET_LENGTH } from "./make-snippet";
import { hasTerm, namesRow, unknownTerms } from "./score-units";
import { isFrenchYesNo } from "./french-cues";
import { isSpanishYesNo } from "./spanish-cues";
import { answerTypeOf, asksIfFree, isAnswerTypeWord, statesContactFor, statesOnlyFree, statesStreetAddress, type AnswerType } from "./question-type";
import { CARRYING_WORD_SHIFT } from "./question-focus";
import { germanWhatQuestion, germanYesNo } from "./german-cues";
import { NOT_FOUND_REPLIES, notFoundReply } from "./not-found-reply";
import { vocabularyOf, type WordNeighbours } from "./word-neighbours";
import { commonWordNetNeighbours, phrasesOf } from "./wordnet-neighbours";
import { askedObjectWords, askedRoleName, askedRoleWords, askedVerb, consequenceCaseEvent, keySubjectWords, narrowingWords } from "./key-subject";
import { answerTokens } from "../retrieval/bm25";
import { asksUnnamedKind } from "./unnamed-kind";
import { wordNetBaseForms } from "../wording/wordnet";
import { pricedThingWords, pricesOtherModifier } from "./priced-thing";
import { askedSizes, partyHead, statesAskedSize, statesOtherSize, thingSizes } from "./asked-sizes";
import { questionLanguage } from "./question-language";
import { paymentTermAsked, statesPaymentTerm } from "./reductions";
import { refundCaseVerb, saysCase } from "./refund-case";
import { faqAsksOtherThing, listsOtherThings, siblingNamedInstead } from "./other-thing";
import { countedWords, fillsSlotOf, namesOtherKind } from "./other-kind";
import { namedRowFirst } from "./named-row";
import { asksOpeningHours, statesOpeningHours } from "./opening-hours";
import { consequenceFirst } from "./consequence-first";
import { roleWordsHeldByNoOne } from "./role-holders";
import { answerSignals, answersNeighbouringFact, neighbouringFactOdds, pricesAnotherThing, type AnswerSignals } from "./answer-signals";

/** The English not-found reply; a question in another language gets its own (see notFoundReply). */
export const NOT_FOUND_ANSWER = NOT_FOUND_REPLIES.en;

/** Sources read for an extractive answer; retrieval already put the best first. */
export const SOURCES_READ = 5;

/**
 * Sources read for a question in another language than English (questionLanguage). The local model does not read it
 * (a German question sits as near every German chunk), so the vector half of the search ranks its passages at random
 * and the one that answers often comes sixth to eighth behind short rows ("wie teuer ist eine Rasur" → "Nassrasur:
 * 22,00 €" eighth); the answer's own word rules then choose among more of them. Chat's default topK is 8.
 */
export const SOURCES_READ_OTHER_LANGUAGE = 8;

/**
 * Sources an English answer reads when the first SOURCES_READ state no fact of the kind its wh-question asks for (a
 * price, a person, a phone number, an e-mail address: see declinedForKindUnread): "who is the owner" over five passages
 * about boarding whose sixth to eighth is the "About us" naming the owners. Reading eight for every English question
 * answers more unanswerable ones with a near-topic sentence (bench/README.md, session 22, helper `depth`).
 */
export const SOURCES_READ_DEEPER = 8;

/** How many of the first sources an answer to `question` reads (later rows of their tables aside, see sourcesRead). */
export function sourcesReadFor(question: string): number {
  return questionLanguage(question) === "en" ? SOURCES_READ : SOURCES_READ_OTHER_LANGUAGE;
}

/** How many of the first sources an answer to `question` may read, its deeper reading included: their sentence vectors are loaded. */
export function sourcesReadAtMost(question: string): number {
  return Math.max(sourcesReadFor(question), questionLanguage(question) === "en" ? SOURCES_READ_DEEPER : 0);
}
const MAX_ANSWER_LENGTH = 450;
/** A list of a table's rows names up to this many of them ("… and 12 more" after), in at most LIST_LENGTH characters. */
const LIST_NAMES = 40;
const LIST_LENGTH = 900;
/** A chosen sentence shorter than this ("Yes.", "From 9am.") brings the rest of its section along. */
const SHORT_SENTENCE = 40;
/** Length of a quoted passage opening (see lead). */
const LEAD_LENGTH = 300;
/** An FAQ answer up to this length is quoted whole (see chooseUnits). */
const FAQ_ANSWER_LENGTH = 320;
/** A sentence of the best one's section scoring this share of it is part of the answer too. */
const RUNNER_UP = 0.85;


/**
 * When a sentence answers at all: its cosine similarity to the question (with its context) reaches `minScore`;
 * or it shares most of the question's rare words; or it shares some and its combined score (words + meaning +
 * the kind of fact asked for, see scoreUnits) is high enough.
 */
export const ANSWER_THRESHOLDS = { lexicalAlone: 0.6, someWords: 0.2, combined: 0.42 } as const;

/**
 * use-lite-512 puts sentences unrelated to a question at cosine 0.48–0.56 from it: a yes/no question resting on a
 * word no source mentions is answered by a sentence sharing under `someWords` of its words only from here.
 */
export const CARRIED_BY_MEANING = 0.56;

/** Kinds of fact a wh-question is answered only by a sentence stating (a price, a person, a phone number, an e-mail address). */
export const STATED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["price", "person", "phone", "email"]);

/** Vectors for the sentences of the sources, when an embedding model is at hand (see embedForAnswer). */
export interface SentenceMeaning {
  /** Cosine similarity of the question to `withContext(unit)`. */
  similarity(unit: AnswerUnit): number;
  /**
   * How far the question moves in meaning without a word (1 − cosine; see weighWords), for the words of the
   * question that no source read mentions; absent or 0 when not measured. Read only against CARRYING_WORD_SHIFT, and
   * similarityWithout only for questions other than yes/no: answerHoweverWeighed relies on both.
   */
  shift?(word: string): number;
  /**
   * How far the question moves without all of its words no source read mentions at once (see weighWordsTogether);
   * absent or 0 when not measured.
   */
  unknownShift?(): number;
  /** Cosine similarity of the question without that word to `withContext(unit)`; undefined when not measured. */
  similarityWithout?(unit: AnswerUnit, word: string): number | undefined;
  /** Question words no source read mentions, with the words of theirs that mean the same (see wordNeighbours). */
  neighbours?: WordNeighbours;
  /** How near in meaning a table column's label is to the question (see column-labels.ts); absent when not measured. */
  labelSimilarity?: LabelSimilarity;
}

let compositions = 0;

/** Times composeExtractiveAnswer has run in this process (for tests and benches: what an answer costs). */
export function extractiveCompositions(): number {
  return compositions;
}

/**
 * Without a language model: the passage that answers the question — the best sentence of the retrieved
 * sources by words, meaning and the kind of fact asked for, with the heading it sits under, and its [n]
 * marker. FAQ entries answer with their answer. Nothing that answers → an honest "not found" without citations.
 */
export function composeExtractiveAnswer(
  question: string,
  hits: readonly AnswerSource[],
  settings: AnswerSettings = {},
  meaning?: SentenceMeaning,
): { content: string; citations: Citation[] } {
  compositions += 1;
  const sources = sourcesRead(question, hits, settings.sourcesRead);
  const notFound: { content: string; citations: Citation[] } = { content: notFoundReply(question, settings.notFoundReply), citations: [] };
  const declined = (reason: string, detail?: () => object) => explainDecline(question, reason, notFound, detail);
  const units = answerUnitsOf(sources.map((source) => source.content));
  // Without sentence vectors, the passage's own similarity stands in for each of its sentences.
  const similarity = meaning ? (unit: AnswerUnit) => meaning.similarity(unit) : (unit: AnswerUnit) => sources[unit.source]?.vectorScore ?? 0;
  const scored = scoreUnits(question, units, similarity, meaning?.neighbours, sources.flatMap((source) => [source.documentTitle, source.content]));
  const minScore = settings.minScore ?? DEFAULT_RELEVANT_SIMILARITY;
  // "Do you sell used cars?" when nothing read mentions "used": sharing "cars" says nothing, only meaning can answer.
  const yesNo = isYesNoQuestion(question);
  const unknown = unknownTerms(question, units, meaning?.neighbours);
  // "How much is the boat trip?" is not answered by when the boat leaves, nor "Who do I speak to when booking?" by
  // how to book: a question asking for an amount, a person or a number wants a sentence stating one (see
  // STATED_TYPES). Times, places and durations are said in too many ways to require one.
  const type = answerTypeOf(question);
  const wantsType = type !== null && STATED_TYPES.has(type) && !yesNo;
  // "How much is a water softener?" is not answered by "estimates for replacing a water heater … are free": in English,
  // a sentence saying only that something is free answers the price of what it names, every topic word of the question
  // ("How much is parking?" → "Parking is free"), unless the question asks whether something is free.
  const freeOnlyElsewhere = (unit: ScoredUnit) =>
    type === "price" && questionLanguage(question) === "en" && !asksIfFree(question) && statesOnlyFree(unit.text) && !namesEveryTopicWord(question, type, unit);
  const statesWanted = (unit: ScoredUnit) => (unit.fitsType && !freeOnlyElsewhere(unit)) || (type === "person" && statesContactFor(question, unit.text));
  // The question rests on a word no source mentions ("Can I rent a van?" without "rent") and its other words are
  // known ("van", in another sentence): a sentence sharing next to none of them must be nearer in meaning than
  // unrelated sentences come (see CARRIED_BY_MEANING). A question whose every word is unknown ("Can I bring my
  // dog?" over "Pets are welcome …") has nothing to share: meaning alone decides, as before.
  const carrying = unknown.filter((word) => (meaning?.shift?.(word) ?? 0) >= CARRYING_WORD_SHIFT);
  // "Can you look after my tortoise?" without "look" in any source: once weighed, a word no source mentions that
  // carries nothing of the question (alone or with the others) is filler, and the question is answered by its
  // other words as any other; unweighed, it is answered by meaning only.
  const weighed = meaning?.shift !== undefined;
  const carriesAny = carrying.length > 0 || (meaning?.unknownShift?.() ?? 0) >= CARRYING_WORD_SHIFT;
  const meaningOnly = yesNo && unknown.length > 0 && (!weighed || carriesAny);
  // "Is there a shuttle bus from the airport?": together, unknown words can carry a question none carries alone.
  const carried = meaningOnly && carriesAny;
  const hasKnownWords = contentTerms(question).some((term) => !isAnswerTypeWord(type, term) && !unknown.includes(term));
  // "Do you have hot yoga?" over a yoga studio's passages: a sentence sharing only words nearly every document read
  // mentions ("yoga") says nothing about the word it rests on ("hot"); it answers only when close in meaning, also
  // when the unknown word, weighed, carries little ("hot" moves "do you have hot yoga" less than the gate).
  const aboutUnknown = yesNo && unknown.length > 0;
  const topic = aboutUnknown && hasKnownWords ? topicWords(question, sources) : [];
  const onlyTopicShared = (unit: ScoredUnit) => {
    const shared = contentTerms(question).filter((term) => !unknown.includes(term) && hasTerm(contentTerms(withContext(unit)), term));
    return shared.length > 0 && shared.every((term) => topic.includes(term));
  };
  const byMeaning = (unit: ScoredUnit) =>
    unit.meaning >= minScore &&
    (!carried || !hasKnownWords || unit.lexical >= ANSWER_THRESHOLDS.someWords || unit.meaning >= CARRIED_BY_MEANING);
  // "What is the weather like in Bristol?": a sentence nearer to the question without the word it rests on
  // ("What is the like in Bristol?") is about the rest of the question, not about that word.
  const aboutTheRest = (unit: ScoredUnit) =>
    !yesNo && carrying.some((word) => (meaning?.similarityWithout?.(unit, word) ?? -1) >= unit.meaning);
  // "How much is a 90 minute massage?" is not answered by the price of the 30 minute one: a price question giving a
  // value is answered only by a sentence stating that value (or a range holding it) when it states that unit at all.
  // So for a size of the thing ("a 50-gallon heater" over the 40-gallon row, "a 200 sq ft unit" over "Size (sq ft): 50")
  // and a clock time ("late check-out until 3 pm" over "until 1 pm"): see asked-sizes.ts.
  const given = type === "price" && !yesNo ? askedSizes(question) : [];
  // "Is there a discount for students?" is not answered by "A late return costs £10", nor "can I get a refund on a gift
  // voucher" by when vouchers expire: a question about a term of paying (a reduction, a refund, instalments) wants a
  // sentence stating it ("20% off", "not refundable", "three monthly payments"), yes/no or not (English, reductions.ts).
  const payingTerm = questionLanguage(question) === "en" ? paymentTermAsked(question) : undefined;
  // "do I get money back if I pick my dog up early" over "Deposits are refunded in full if you cancel more than 14 days
  // before the stay": a refund asked for a case (the verb after "if", with its particle: "pick up", not "pick") is
  // answered by a sentence saying that case, in its words or theirs that mean the same; the refund of another case is
  // no answer (refund-case.ts).
  const refundCase = payingTerm === "refund" ? refundCaseVerb(question) : undefined;
  // "Can you provide a cot for our baby?" over "Family room: A cot is available free of charge on request": the words no
  // source says ("provide", "baby") are the verb and the scene, not the thing asked about, which a sentence names in
  // full: that sentence answers by words and meaning, as for any question (see namedThing). Only once the words are
  // weighed: unweighed, nothing says which words carry the question, and meaning alone decides.
  const thing = meaningOnly && weighed && type === null ? namedThing(question, unknown, topic, carrying) : [];
  const namesThing = (unit: ScoredUnit) => thing.length > 0 && thing.every((term) => hasTerm(contentTerms(withContext(unit)), term));
  // "How much to spay a rabbit?" is not answered by "Cat spay: £120", nor "how much is a week pass" by the day pass: when
  // no source read names the kind asked about, a sentence naming another kind of the same thing prices that other kind.
  const questionTerms = contentTerms(question);
  const kindAsked = type === "price" && !yesNo && questionLanguage(question) === "en";
  const counted = kindAsked ? countedWords(question) : [];
  const otherKindOf = new Map<ScoredUnit, string | undefined>();
  const otherKind = (unit: ScoredUnit) => {
    if (!kindAsked) return undefined;
    if (!otherKindOf.has(unit)) otherKindOf.set(unit, namesOtherKind(unit, unknown, questionTerms, scored, counted));
    return otherKindOf.get(unit);
  };
  // "theres a bat in my house who do i call" over "Emergency call-outs: … a bat in the bedroom? Call our emergency line at
  // (937) 555-0148.", "who owns the kennels" over "Wattle Creek is a family-owned boarding kennel … Mel and Jason Dwyer
  // have looked after dogs and cats here since 2009.": the sentence the question matches sets the scene and the next
  // one of its section gives the name or number asked for, sharing no word with the question itself.
  const statedNext = (unit: ScoredUnit) => {
    if (!wantsType || (type !== "person" && type !== "phone") || !statesWanted(unit)) return false;
    const before = scored.find((other) => other.source === unit.source && other.section === unit.section && other.position === unit.position - 1);
    return before !== undefined && answers(before, minScore) && !statesWanted(before);
  };
  const answeringAny = scored
    .filter((unit) => (meaningOnly ? byMeaning(unit) || (namesThing(unit) && answers(unit, minScore)) : answers(unit, minScore) || statedNext(unit)) && (!wantsType || statesWanted(unit)) && (payingTerm === undefined || statesPaymentTerm(payingTerm, withContext(unit))) && (refundCase === undefined || saysCase(refundCase, withContext(unit))) && !aboutTheRest(unit) && !nearOnlyInShape(unit))
    .sort((a, b) => b.score - a.score);
  // "are you open on tuesdays" over "Marisol Vega; Usually working: Monday to Friday": a question about when the
  // business opens is answered by a line of its opening hours for that day, when one answers (opening-hours.ts).
  const hoursLines = asksOpeningHours(question) ? answeringAny.filter((unit) => statesOpeningHours(unit, question)) : [];
  const sized = hoursLines.length > 0 ? hoursLines : answeringAny;
  // "dinner for 2 people": a party, not a size of a dining room seating 12 (see partyHead).
  const party = given.length > 0 ? partyHead(question) : undefined;
  const candidates = given.length === 0 ? sized : sized.filter((unit) => !statesOtherSize(given, unit, party));
  // The best sentence priced another size: a sentence after it answers only when it states the size asked about (the
  // 50-gallon row of the table), not when it prices something else ("Water heater flush: $129").
  // A period is not such a size: "a room for 3 nights" is answered by the price per night once "7 nights" is dropped.
  const sizes = thingSizes(given);
  if (sized[0] && sized[0] !== candidates[0] && statesOtherSize(sizes, sized[0], party) && !(candidates[0] && statesAskedSize(sizes, candidates[0], party))) {
    return declined("other size", () => ({ given, best: withContext(sized[0]!).slice(0, 160) }));
  }
  const answering = kindAsked ? candidates.filter((unit) => otherKind(unit) === undefined) : candidates;
  // The best sentence priced another kind ("Cat spay" for a rabbit): the next one answers only when it names another
  // value of that slot ("Cat vaccination" once "Dog vaccination" is dropped for a kitten), not when it merely states a
  // price of something else ("Nail clip: £12").
  const dropped = kindAsked && candidates[0] && candidates[0] !== answering[0] ? otherKind(candidates[0]) : undefined;
  if (dropped !== undefined && !(answering[0] && fillsSlotOf(answering[0], candidates[0]!, dropped, questionTerms))) {
    return declined("other kind", () => ({ unknown, dropped, best: withContext(candidates[0]!).slice(0, 160) }));
  }
  // "how much is a combination padlock" over "Disc padlock: £12": the row names the thing's head narrowed by a word of
  // its own where the question's narrowing word is said nowhere in its table or section (priced-thing.ts). The next
  // candidate answers only when it names the whole thing asked about.
  const pricedThing = kindAsked ? pricedThingWords(question) : [];
  const otherModifier = (unit: ScoredUnit) => {
    if (pricedThing.length < 2) return undefined;
    const around = scored.filter((other) => (unit.table !== undefined ? other.table === unit.table : other.source === unit.source && other.section === unit.section));
    return pricesOtherModifier({ thing: pricedThing, unit, said: contentTerms(around.map(withContext).join(" ")), question: questionTerms, neighbours: meaning?.neighbours });
  };
  const modifier = answering[0] ? otherModifier(answering[0]) : undefined;
  if (modifier !== undefined) {
    const next = answering.slice(1).find((unit) => otherModifier(unit) === undefined);
    if (!(next && pricedThing.every((term) => hasTerm(contentTerms(withContext(next)), term)))) {
      return declined("other modifier", () => ({ thing: pricedThing, ...modifier, best: withContext(answering[0]!).slice(0, 160) }));
    }
  }
  const answeringKind = modifier === undefined ? answering : answering.filter((unit) => otherModifier(unit) === undefined);
  // "Where exactly is the surgery?": a sentence placing something ("… is at 42 Quarry Road") before one sharing more
  // of the words ("open at the same time as the surgery"); with no such sentence, the best one answers as before.
  // "What's the consultation fee?": the row named in full ("Consultation"), not a nearer variant of it ("Repeat consultation").
  // "What happens if I cancel a class 2 hours before?": the sentence saying what is done then, not the rule beside it
  // (consequence-first.ts).
  const named = namedRowFirst(question, answeringKind);
  const ranked = type === "consequence" && !yesNo ? consequenceFirst(named) : named;
  const placing = type === "place" && !yesNo ? ranked.filter((unit) => unit.fitsType) : [];
  // "¿dónde está la academia?" over "Dirección: Calle Sueca 42": for a question the model does not read, nothing
  // brings the address in by meaning, and the sentences sharing "academia" place nothing (see addressOf).
  const address = type === "place" && !yesNo && placing.length === 0 && questionLanguage(question) !== "en" ? addressOf(question, scored, sources) : undefined;
  // "Was kostet ein Herrenhaarschnitt?" over "Die Anfahrt kostet … 30 €" and the "Herrenschnitt" row: for a question the
  // model does not read, its cosines rank sentences sharing the same words at random, so of the sentences that answer,
  // the best one whose section names the thing asked about (keySubjectWords) comes first. Not for a yes/no question:
  // "on peut payer par carte bancaire ?" is not answered by "Carte ACSI acceptée …".
  const readByModel = questionLanguage(question) === "en";
  const subject = (yesNo || !readByModel) ? keySubjectWords(question) : [];
  const namesSubject = (unit: ScoredUnit) => subject.some((term) => hasTerm(sectionWords(unit, scored), term));
  const answeringFirst = placing.length > 0 ? placing : ranked;
  // A yes/no one is answered by the best sentence naming the thing when the best of all does not ("teneis algun bono"
  // over "Tenemos seis plazas … para clientes", when "Con el Bono Brillo pagas 5 lavados" answers too), unless a word
  // of it no source read says narrows the thing ("carte bancaire", "kostenloses WLAN"); otherwise it is declined below.
  const nameFirst = !readByModel && subject.length > 0 && (!yesNo || unknown.length === 0);
  // "who should I write to about a corporate outing", "à qui j'écris pour l'inscription": whom to write to is answered by
  // an address the business gives (the best stated one) when no sentence answers by the question's words: the
  // visitor's occasion is seldom in the contact line's words.
  const writeTo = type === "email" && !yesNo && answeringFirst.length === 0 ? bestOf(scored.filter((unit) => unit.fitsType)) : undefined;
  const first = address ?? writeTo ?? (nameFirst ? (answeringFirst.find(namesSubject) ?? answeringFirst[0]) : answeringFirst[0]);
  if (!first) {
    // "who is the owner" when no sentence read names anyone: the answer may sit in a source past those read (see
    // SOURCES_READ_DEEPER); a sentence stating the kind elsewhere among them declines the question as before.
    if (wantsType && !scored.some(statesWanted)) kindUnreadDeclines.add(notFound);
    return declined("no sentence answers", () => ({
      type,
      meaningOnly,
      carried,
      unknown,
      carrying,
      thing,
      units: scored.map((unit) => ({
        text: withContext(unit).slice(0, 160),
        meaning: +unit.meaning.toFixed(3),
        lexical: +unit.lexical.toFixed(3),
        score: +unit.score.toFixed(3),
        toward: carrying.map((word) => +(unit.meaning - (meaning?.similarityWithout?.(unit, word) ?? unit.meaning)).toFixed(3)),
        fails: [
          !(meaningOnly ? byMeaning(unit) : answers(unit, minScore)) && (meaningOnly ? "byMeaning" : "answers"),
          wantsType && !statesWanted(unit) && "type",
          aboutTheRest(unit) && "aboutTheRest",
          nearOnlyInShape(unit) && "shape",
          statesOtherSize(given, unit, party) && "otherValue",
          otherKind(unit) !== undefined && "otherKind",
        ].filter(Boolean),
      })),
    }));
  }
  // "who is your receptionist", "who does the bodywork" over another person's team row: a who-question about a role or
  // job no source read says (nor a word meaning the same: see unknownTerms' neighbours) that carries the question asks
  // about someone the documents do not name. Declined as a kind unread: a source past those read may name the role.
  const roleUnread = readByModel && type === "person" && !yesNo ? askedRoleWords(question).filter((term) => carrying.includes(term)) : [];
  if (roleUnread.length > 0) {
    kindUnreadDeclines.add(notFound);
    return declined("role unread", () => ({ role: roleUnread, first: withContext(first).slice(0, 160), meaning: first.meaning }));
  }
  // "who is the sales manager" over the office manager's row when "sales" is said only of what the business sells:
  // each word of the role must be said beside a person (see roleWordsHeldByNoOne), not anywhere in the sources. A word
  // no source says is left to the rule above: it declines only when the word carries the question.
  const role = readByModel && type === "person" && !yesNo ? askedRoleName(question).filter((term) => !unknown.includes(term)) : [];
  const roleUnheld = role.length > 0 ? roleWordsHeldByNoOne(role, scored.filter((unit) => unit.fitsType).map((unit) => unit.text), topicWords(question, sources), meaning?.neighbours) : [];
  if (roleUnheld.length > 0) {
    kindUnreadDeclines.add(notFound);
    return declined("role held by no one", () => ({ role, unheld: roleUnheld, first: withContext(first).slice(0, 160), meaning: first.meaning }));
  }
  // "Do you board rabbits?" over "We board dogs and cats": when no sentence read names any word of the thing a yes/no
  // question asks about, the words it shares say nothing of that thing, and a sentence answers only when close in
  // meaning by itself (a synonym: "Every repair comes with a guarantee" for "Is there a warranty on repairs?", 0.50).
  // French and Spanish questions ("louez-vous des vélos", "¿hay piscina?") are not read by the English model: their
  // cosines say nothing, so they are declined.
  // A word the model finds near in meaning names the thing for an English question ("bunnies" ~ "rabbits"); for one it
  // does not read, such neighbours are noise: the thing must be named in its own words.
  // A listed neighbour (the visitor lexicon's, similarity 1: a French or Spanish "bagnole" said "voiture", see
  // visitorPhraseNeighbours) does name the thing as the documents say it.
  const listed = new Map([...(meaning?.neighbours ?? [])].map(([word, near]) => [word, near.filter((one) => one.similarity >= 1)] as const));
  const unnamed = readByModel ? unknown : unknownTerms(question, units, listed);
  const subjectUnread = subject.length > 0 && subject.every((term) => unnamed.includes(term));
  // "y a-t-il un sauna ?" over "L'espace aquatique est ouvert de 10h à 20h" when only the price list names the sauna:
  // for a question the model does not read, the section answering must name the thing itself (or its listed word).
  const firstSection = !readByModel && first !== address ? sectionWords(first, scored) : [];
  const namedInFirst = (term: string) => hasTerm(firstSection, term) || (listed.get(term) ?? []).some((near) => hasTerm(firstSection, near.word));
  const subjectElsewhere = !readByModel && first !== address && subject.length > 0 && !subject.some(namedInFirst);
  const best = (subjectUnread && !(readByModel && first.meaning >= minScore)) || subjectElsewhere ? undefined : first;
  if (!best) return declined(subjectElsewhere ? "subject named elsewhere" : "subject unread", () => ({ subject, unknown, first: withContext(first).slice(0, 160), meaning: first.meaning }));
  // "What happens if I crash the hire bike?" over "Every hire bike comes with a helmet, a lock …": a consequence question
  // whose case's event (consequenceCaseEvent: "crash", "stolen", "a flood") no source read names, in its words or
  // theirs that mean the same, asks what follows from something the documents do not speak of; the sentence chosen for
  // the rest of the case ("hire bike") says what follows from another case, or nothing of what follows.
  // A word of few senses is also read by its other common ones ("quit" ~ "stop", see commonWordNetNeighbours):
  // the sources may name the event by the sense a visitor does not mean first.
  const caseEvent = type === "consequence" && readByModel ? consequenceCaseEvent(question) : undefined;
  const caseUnread = caseEvent !== undefined && unknown.includes(caseEvent) && !commonWordNetNeighbours([caseEvent], vocabularyOf(units), phrasesOf(units)).has(caseEvent);
  if (caseUnread) return declined("case unread", () => ({ caseEvent, unknown, best: withContext(best).slice(0, 160), meaning: best.meaning }));
  // "dais clases de chino?", "¿hay cursos intensivos en agosto?", "combien coûte la location d'une planche de surf ?":
  // for a question the model does not read, a word narrowing the thing asked about that no source read says is a kind,
  // a time or a means the documents do not speak of (see narrowingWords); the sentence chosen for the other words
  // answers another question.
  const unreadNarrowing = readByModel ? [] : narrowingWords(question).filter((term) => unnamed.includes(term));
  if (unreadNarrowing.length > 0 && best !== address && best !== writeTo) return declined("narrowed by a word unread", () => ({ narrowing: unreadNarrowing, best: withContext(best).slice(0, 160) }));
  // "¿cuánto cuesta el parking de la calle Cádiz?" over "Al final del curso … el 80 % de las clases": for a question
  // the model does not read, a section naming none of its topic words was chosen by the kind of fact alone.
  // "quelle est l'adresse courriel du camping" over "Courriel : contact@…": the business's e-mail is the business's, under
  // whatever heading.
  const businessEmail = type === "email" && best.fitsType;
  if (!readByModel && best !== address && !businessEmail && namesNoTopicWord(question, type, best, scored)) return declined("names no topic word", () => ({ subject, unknown, carrying, topic, best: withContext(best).slice(0, 160), meaning: best.meaning, lexical: best.lexical }));
  if (aboutUnknown && best.meaning < CARRIED_BY_MEANING && onlyTopicShared(best)) return declined("only topic words shared", () => ({ subject, unknown, carrying, topic, best: withContext(best).slice(0, 160), meaning: best.meaning, lexical: best.lexical }));
  // "what do you charge to replace a garbage disposal" over "Service: Main sewer line cleaning; $349", "any student
  // discount?" over the nonprofits' 15 % off: a price whose section names none of the question's topic words prices
  // something else (see pricesAnotherThing).
  if (type === "price" && !yesNo) {
    const read = answerSignals({ question, type, yesNo, best, scored, unknown, carrying: carriesAny, subject: [], neighbours: meaning?.neighbours, title: sources[best.source]?.documentTitle });
    if (pricesAnotherThing(read)) return declined("prices another thing", () => ({ unknown, missed: read.missed, best: withContext(best).slice(0, 160), meaning: best.meaning }));
  }
  // "Do you stock Pirelli tyres?" over "We stock Michelin, Continental and budget tyres": the section names the kind
  // of thing asked about, not the one asked about (see asksUnnamedKind). Only words weighed can be said to carry; a
  // name no dictionary knows ("Trane", a brand) narrows the thing however little the local model weighs it (0.078).
  const carries = (word: string) => weighed && ((meaning?.shift?.(word) ?? 0) >= CARRYING_WORD_SHIFT || (/^\p{L}+$/u.test(word) && wordNetBaseForms(word).length === 0));
  const section = scored.filter((unit) => unit.source === best.source && unit.section === best.section);
  if (readByModel && asksUnnamedKind({ question, subject, unknown, section, carries })) return declined("unnamed kind", () => ({ subject, unknown, carrying, topic, best: withContext(best).slice(0, 160), meaning: best.meaning, lexical: best.lexical }));
  // "can I bring my cat" over "Can I bring my dog? Well-behaved dogs are welcome …", "Do you do a vegan breakfast?" over
  // "Dinner: We cater for … vegan … diets": the section answers the same question about another thing (other-thing.ts).
  if (readByModel && yesNo && subject.length > 0) {
    const words = sectionWords(best, scored);
    const entry = best.contextIsQuestion && best.context ? best.context : undefined;
    if (entry !== undefined && faqAsksOtherThing({ question, thing: subject, entryQuestion: entry, sectionWords: words, neighbours: meaning?.neighbours })) {
      return declined("FAQ entry about another thing", () => ({ subject, entry, best: withContext(best).slice(0, 160) }));
    }
    const sibling = siblingNamedInstead(subject, question, words, meaning?.neighbours);
    if (sibling !== undefined) return declined("another kind named instead", () => ({ subject, sibling, best: withContext(best).slice(0, 160) }));
    if (listsOtherThings({ thing: subject, unknown, sentence: best.text, sectionWords: words, neighbours: meaning?.neighbours })) {
      return declined("a list without the thing", () => ({ subject, unknown, best: withContext(best).slice(0, 160) }));
    }
  }
  // "Is there a gym at the hotel?": when the question rests on a word no source mentions, only a sentence that is
  // also the closest in meaning of all can be about it; one chosen for sharing "hotel" while another section is
  // nearer in meaning is a guess. A sentence naming the whole thing asked about (see namedThing) is not chosen for the
  // scene's words: "Can I share my class pass with my husband?" over "10-class pass: … can be shared with one family member".
  if (carried && !namesThing(best) && scored.some((unit) => unit.meaning > best.meaning && (unit.source !== best.source || unit.section !== best.section))) {
    return declined("carried, nearer section elsewhere", () => ({ subject, unknown, carrying, topic, best: withContext(best).slice(0, 160), meaning: best.meaning, lexical: best.lexical }));
  }

  // "Which towns do you cover?" over a table: the names of its rows, not the one row sharing most words.
  const maxSources = settings.maxCitations ?? DEFAULT_MAX_CITATIONS;
  // "What kind of screen is in the Larimer room?" names one row of the table: it asks about that row, not for the list.
  const list = isListQuestion(question, constraintsOf(question).length > 0) && !(best.fields && namesRow(question, contentTerms(question), best.fields));
  const table = list ? qualifyingRows(question, rowNames(best, scored)) : null;
  if (table && table.names.length >= 2) return listOfRows(table, sources, scored, maxSources);

  // Without sentence vectors a passage close in meaning but sharing no word with the question gives no reason
  // to prefer one of its sentences: its opening is quoted.
  const chosen =
    !meaning && best.lexical === 0
      ? lead(scored.filter((unit) => unit.source === best.source))
      : withSentencesLeanedOn(chooseUnits(question, best, ranked, scored, maxSources, list), scored);

  // "can you repair my garage door opener" over "All of our repair work is guaranteed …": an English yes/no answer sharing
  // few of the question's words, whose missing ones the sources say elsewhere, is a neighbouring fact (answer-signals.ts).
  // Checked on the answer's final composition only (withoutNeighbouringFact), as it was fitted.
  const checked = readByModel && yesNo;
  const signals = checked || debugDeclines ? answerSignals({ question, type, yesNo, best, scored, unknown, carrying: carriesAny, subject: keySubjectWords(question), neighbours: meaning?.neighbours, title: sources[best.source]?.documentTitle }) : undefined;
  if (debugDeclines) console.error(`answer: ${JSON.stringify({ question, ...signals, text: withContext(best) })}`);
  const sourceOrder = [...new Set(chosen.map((unit) => unit.source))];
  const parts = sourceOrder.map((source, order) => `${render(chosen.filter((unit) => unit.source === source), question, meaning?.labelSimilarity)} [${order + 1}]`);
  const citations = sourceOrder.map((source, order): Citation => citationOf(source, order, sources, chosen, scored));
  const answer = { content: parts.join(" "), citations };
  if (checked && signals) neighbouringFactSignals.set(answer, { ...signals, text: withContext(best) });
  return answer;
}

/** Declines of a wh-question asking for a stated kind of fact (STATED_TYPES) that no sentence read states. */
const kindUnreadDeclines = new WeakSet<object>();

/**
 * Whether `answer` declined a wh-question asking for a price, a person, a phone number or an e-mail address because
 * no sentence of the sources read states one at all (rather than because those stating one answer something else).
 */
export function declinedForKindUnread(answer: object): boolean {
  return kindUnreadDeclines.has(answer);
}

/** The signals of English yes/no answers composed, for the final check (see withoutNeighbouringFact). */
const neighbouringFactSignals = new WeakMap<object, AnswerSignals & { text: string }>();

/**
 * The answer, or the not-found reply when it is an English yes/no answer from a neighbouring fact ("can you repair my
 * garage door opener" over "All of our repair work is guaranteed …": it shares few of the question's words and the
 * sources say the missing ones elsewhere; see NEIGHBOURING_FACT in answer-signals.ts). Checked once, on the answer's
 * final composition (answerQuestion), as the model was fitted: an earlier composition that declined would send the
 * answer down another way of reading the question.
 */
export function withoutNeighbouringFact<T extends { content: string; citations: Citation[] }>(question: string, answer: T, settings: AnswerSettings = {}): T | { content: string; citations: Citation[] } {
  const signals = neighbouringFactSignals.get(answer);
  if (!signals || !answersNeighbouringFact(signals)) return answer;
  return explainDecline(question, "neighbouring fact", { content: notFoundReply(question, settings.notFoundReply), citations: [] }, () => ({
    odds: +neighbouringFactOdds(signals).toFixed(3),
    missed: signals.missed,
    best: signals.text.slice(0, 160),
  }));
}

/** FRONTDESK_DEBUG_DECLINE=1: every decline is written to stderr with the rule behind it (bench/answers replays). */
const debugDeclines = process.env.FRONTDESK_DEBUG_DECLINE !== undefined && process.env.FRONTDESK_DEBUG_DECLINE !== "" && process.env.FRONTDESK_DEBUG_DECLINE !== "0";

/** Whether declines are written to stderr (FRONTDESK_DEBUG_DECLINE): then every composition writes its own. */
export function declinesExplained(): boolean {
  return debugDeclines;
}

function explainDecline<T>(question: string, reason: string, reply: T, detail?: () => object): T {
  if (debugDeclines) console.error(`decline: ${JSON.stringify({ question, reason, ...detail?.() })}`);
  return reply;
}

function citationOf(source: number, order: number, sources: readonly AnswerSource[], chosen: readonly ScoredUnit[], scored: readonly ScoredUnit[]): Citation {
  const hit = sources[source]!;
  return {
    index: order + 1,
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    title: hit.documentTitle,
    snippet: snippetOf(chosen.filter((unit) => unit.source === source), scored),
    score: hit.score,
  };
}

/**
 * The rows of a listed table that meet the question's bounds ("which units are under €50 a month"): those whose
 * value meets them, when any does; the whole table for a question without bounds.
 */
function qualifyingRows(question: string, table: ReturnType<typeof rowNames>): ReturnType<typeof rowNames> {
  if (constraintsOf(question).length === 0) return table;
  const fit = constraintFit(question, table.rows);
  const kept = table.rows.filter((_, index) => fit[index] === 1);
  if (kept.length === 0) return { ...table, names: [], rows: [] };
  return { label: table.label, names: kept.map((row) => row.fields![0]!.value), rows: kept };
}

/**
 * A list question answered by a table: its heading (or the name column's label) and the names of its rows, every
 * row read (a CSV file's rows are sources of their own, read whole for a list: see whole-tables.ts) up to
 * LIST_NAMES; the first `maxSources` sources holding them are cited.
 */
function listOfRows(table: ReturnType<typeof rowNames>, sources: readonly AnswerSource[], scored: readonly ScoredUnit[], maxSources: number) {
  const sourceOrder = [...new Set(table.rows.map((row) => row.source))].slice(0, maxSources);
  const cited = table.rows.filter((row) => sourceOrder.includes(row.source));
  const heading = table.rows[0]!.context ?? table.label;
  const shown = table.names.slice(0, LIST_NAMES);
  const more = table.names.length - shown.length;
  const names = `${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  const markers = sourceOrder.map((_, order) => `[${order + 1}]`).join(" ");
  return {
    content: `${truncate(heading ? `${heading}: ${names}` : names, LIST_LENGTH)} ${markers}`,
    citations: sourceOrder.map((source, order) => citationOf(source, order, sources, cited, scored)),
  };
}

/**
 * The sources an answer reads: the first `read` (SOURCES_READ, SOURCES_READ_OTHER_LANGUAGE in another language); for a question comparing rows ("the smallest unit") or
 * listing them ("which towns do you cover"), also the
 * later ones holding rows of a table those hold (a CSV file's rows are chunks of their own, and the smallest may
 * come sixth).
 */
export function sourcesRead(question: string, hits: readonly AnswerSource[], read = sourcesReadFor(question)): AnswerSource[] {
  const first = hits.slice(0, read);
  if (hits.length <= read || !(superlativeOf(question) || isListQuestion(question) || constraintsOf(question).length > 0)) return first;
  const tablesOf = (hit: AnswerSource) => splitAnswerUnits(hit.content).flatMap((unit) => (unit.table ? [unit.table] : []));
  const tables = new Set(first.flatMap(tablesOf));
  if (tables.size === 0) return first;
  return [...first, ...hits.slice(read).filter((hit) => tablesOf(hit).some((table) => tables.has(table)))];
}

/**
 * The thing an English yes/no question asks about (askedObjectWords: what is there, or the object of its verb), when the
 * words no source read says are not part of it: they are the verb or the scene ("provide" and "baby" of "Can you provide a
 * cot for our baby?", "husband" of "Can I share my class pass with my husband?"). Then a sentence naming every word of
 * the thing is about what was asked, and may answer by the words it shares. [] when the thing holds an unknown word
 * ("Do you sell water softeners?": the sentence can only name another kind), when it is only the knowledge's topic
 * words (topicWords: "driving lessons" at a driving school says nothing), when an unknown word is written as a name
 * ("a location in Boulder": a place, a brand the sources never name narrows the question as much as its thing), or when
 * the verb is unknown and carries the question (`carrying`: "look" of "can you look after my tortoise").
 */
export function namedThing(question: string, unknown: readonly string[], topic: readonly string[], carrying: readonly string[] = []): string[] {
  const thing = askedObjectWords(question);
  if (thing.length === 0 || thing.some((term) => unknown.includes(term)) || thing.every((term) => topic.includes(term))) return [];
  // "can you look after my tortoise" over "Dr Nowak sees … tortoises": a verb no source says that carries the question
  // asks what is done with the thing, and a sentence doing something else with it does not answer.
  const verb = askedVerb(question);
  if (verb !== undefined && carrying.some((term) => answerTokens(verb).includes(term))) return [];
  return unknown.some((term) => writtenAsName(question, term)) ? [] : thing;
}

/** A word the question writes with a capital letter inside a sentence ("in Boulder", "with Klarna"): a name. */
function writtenAsName(question: string, term: string): boolean {
  return [...question.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{Lu}[\p{L}\p{N}'’-]*/gu)].some((match) => answerTokens(match[0]).includes(term));
}

/** Documents a word must be read in (at least) to be the knowledge's topic rather than the question's. */
const TOPIC_DOCUMENTS = { least: 3, share: 0.8 } as const;

/**
 * The question's words that nearly every document read mentions (in its title or in the passage read), when the
 * sources come from TOPIC_DOCUMENTS.least documents or more: "yoga" at a yoga studio, "bikes" at a bike shop.
 */
export function topicWords(question: string, sources: readonly AnswerSource[]): string[] {
  const documents = new Map<string, string[]>();
  for (const source of sources) {
    documents.set(source.documentId, [...(documents.get(source.documentId) ?? []), ...contentTerms(`${source.documentTitle} ${source.content}`)]);
  }
  if (documents.size < TOPIC_DOCUMENTS.least) return [];
  return contentTerms(question).filter((term) => [...documents.values()].filter((words) => hasTerm(words, term)).length >= TOPIC_DOCUMENTS.share * documents.size);
}

/**
 * The sentence stating a street address in a source read that names every word of a where question but the kind
 * ("dónde está la academia exactamente" → the passage naming "academia" and stating "Calle Sueca 42"): where the
 * business, or a thing the passage is about, is. A passage not naming the thing asked about ("dónde está el médico
 * más cercano") says nothing of where it is.
 */
function addressOf(question: string, scored: readonly ScoredUnit[], sources: readonly AnswerSource[]): ScoredUnit | undefined {
  const terms = contentTerms(question).filter((term) => !isAnswerTypeWord("place", term));
  return scored.find((unit) => {
    if (!statesStreetAddress(unit.text)) return false;
    const source = sources[unit.source]!;
    const words = contentTerms(`${source.documentTitle} ${source.content}`);
    return terms.every((term) => hasTerm(words, term));
  });
}

/**
 * Whether the section of `best` (its sentences with their heading or FAQ question, a row with its labels) names none
 * of the question's topic words while another section read names one: the sources speak of the thing asked about,
 * elsewhere. Topic words are the question's content words but those only naming the kind of fact asked for
 * ("cuánto", "precio") and the values it gives ("mi hija tiene 7 años": a sentence about "7 de enero" is no more
 * about the question). A question all of whose topic words are new to the sources is left to the other rules.
 */
export function namesNoTopicWord(question: string, type: AnswerType | null, best: ScoredUnit, scored: readonly ScoredUnit[]): boolean {
  const topic = contentTerms(question).filter((term) => !isAnswerTypeWord(type, term) && !/\p{N}/u.test(term));
  const elsewhere = contentTerms(scored.filter((unit) => !sameSection(unit, best)).map(withContext).join(" "));
  return topic.every((term) => !hasTerm(sectionWords(best, scored), term)) && topic.some((term) => hasTerm(elsewhere, term));
}

/** Whether a sentence (with its heading or FAQ question) names every topic word of the question (see namesNoTopicWord). */
function namesEveryTopicWord(question: string, type: AnswerType | null, unit: ScoredUnit): boolean {
  const words = contentTerms(withContext(unit));
  return contentTerms(question)
    .filter((term) => !isAnswerTypeWord(type, term) && !/\p{N}/u.test(term))
    .every((term) => hasTerm(words, term));
}

const sameSection = (unit: ScoredUnit, other: ScoredUnit) => unit.source === other.source && unit.section === other.section;

/** The content words of the section of `unit`: its sentences with their heading or FAQ question, a row with its labels. */
function sectionWords(unit: ScoredUnit, scored: readonly ScoredUnit[]): string[] {
  return contentTerms(scored.filter((other) => sameSection(other, unit)).map(withContext).join(" "));
}

/**
 * An FAQ entry sharing no word with the question (neither its question nor its answer): the local model puts any
 * FAQ entry near a question of the same shape ("Do you offer massages?" ~ "Do you have changing rooms? Yes, …",
 * "Do you have a sauna?" ~ "Do you have a lift? No, …"), so its closeness says nothing about the topic. On the six
 * answer sets every such answer was wrong (bench/README.md, "FAQ entries that match only the question's shape").
 */
export function nearOnlyInShape(unit: ScoredUnit): boolean {
  return unit.contextIsQuestion && unit.lexical === 0;
}

/** The unit of the highest score, undefined for none. */
function bestOf(units: readonly ScoredUnit[]): ScoredUnit | undefined {
  return units.reduce<ScoredUnit | undefined>((best, unit) => (best === undefined || unit.score > best.score ? unit : best), undefined);
}

function answers(unit: ScoredUnit, minScore: number): boolean {
  if (unit.meaning >= minScore) return true;
  if (unit.lexical >= ANSWER_THRESHOLDS.lexicalAlone) return true;
  return unit.lexical >= ANSWER_THRESHOLDS.someWords && unit.score >= ANSWER_THRESHOLDS.combined;
}

/**
 * The best sentence; the rest of its section when it is too short to stand alone; a sentence of the same section
 * nearly as good; and, for a question with several parts, the best sentence of another source that covers
 * question words the others leave out.
 */
function chooseUnits(question: string, best: ScoredUnit, answering: readonly ScoredUnit[], all: readonly ScoredUnit[], maxSources: number, list = false): ScoredUnit[] {
  const chosen: ScoredUnit[] = [best];
  const sameSection = (unit: ScoredUnit) => unit.source === best.source && unit.section === best.section && unit !== best;
  let length = best.text.length;
  const add = (unit: ScoredUnit) => {
    chosen.push(unit);
    length += unit.text.length + 1;
  };
  if (best.text.length < SHORT_SENTENCE) {
    for (const next of all.filter((unit) => sameSection(unit) && unit.position > best.position)) {
      if (length >= SHORT_SENTENCE * 2 || length + next.text.length > MAX_ANSWER_LENGTH) break;
      add(next);
    }
  }
  // An FAQ entry's answer was written as one reply to its question: quoted whole when it is short.
  // A list question ("what treatments do you offer") wants the section that answers, its items in order, whole.
  if (best.contextIsQuestion || list) {
    for (const next of all.filter((unit) => sameSection(unit) && !chosen.includes(unit))) {
      if (length + next.text.length + 1 > (list ? MAX_ANSWER_LENGTH : FAQ_ANSWER_LENGTH)) break;
      add(next);
    }
  }
  const runnerUp = answering.find((unit) => sameSection(unit) && !chosen.includes(unit));
  if (runnerUp && runnerUp.score >= best.score * RUNNER_UP && length + runnerUp.text.length <= MAX_ANSWER_LENGTH) add(runnerUp);

  if (!asksSeveralThings(question)) return chosen;
  const terms = contentTerms(question);
  const covered = (units: readonly ScoredUnit[]) =>
    new Set(terms.filter((term) => units.some((unit) => hasTerm(contentTerms(withContext(unit)), term))));
  const already = covered(chosen);
  for (const unit of answering) {
    if (new Set(chosen.map((picked) => picked.source)).size >= maxSources) break;
    if (chosen.some((picked) => picked.source === unit.source) || length + unit.text.length > MAX_ANSWER_LENGTH) continue;
    const adds = [...covered([unit])].filter((term) => !already.has(term));
    if (adds.length === 0 || unit.lexical < ANSWER_THRESHOLDS.someWords) continue;
    add(unit);
    adds.forEach((term) => already.add(term));
  }
  return chosen;
}

/**
 * The chosen sentences with the sentence each one leans on ("Breakfast is included … It is served in the conservatory",
 * see sentence-window.ts), when it fits: a quoted "It is …" says what it is; and a chosen sentence leaning on none with
 * the sentence after it that leans on it. One sentence each way, so an answer stays short.
 */
function withSentencesLeanedOn(chosen: readonly ScoredUnit[], all: readonly ScoredUnit[]): ScoredUnit[] {
  const result = [...chosen];
  let length = chosen.reduce((sum, unit) => sum + unit.text.length + 1, 0);
  for (const unit of chosen) {
    if (unit.leansOn === undefined) continue;
    const before = all.find((other) => other.source === unit.source && other.section === unit.section && other.position === unit.position - 1);
    if (!before || result.includes(before) || length + before.text.length > MAX_ANSWER_LENGTH) continue;
    result.push(before);
    length += before.text.length + 1;
  }
  // The reverse: "Your instructor will ask you to read a number plate from 20 metres away. If you cannot read *it*, the
  // lesson cannot go ahead": the sentence after a quoted one, leaning on it, finishes what it says.
  for (const unit of chosen) {
    if (unit.leansOn !== undefined) continue;
    const after = all.find((other) => other.source === unit.source && other.section === unit.section && other.position === unit.position + 1);
    if (!after || after.leansOn !== unit.text || result.includes(after) || length + after.text.length > MAX_ANSWER_LENGTH) continue;
    result.push(after);
    length += after.text.length + 1;
  }
  return result;
}

function lead(units: readonly ScoredUnit[]): ScoredUnit[] {
  const chosen: ScoredUnit[] = [];
  let length = 0;
  for (const unit of units) {
    if (chosen.length > 0 && length + unit.text.length > LEAD_LENGTH) break;
    chosen.push(unit);
    length += unit.text.length + 1;
  }
  return chosen;
}

/**
 * "Do you…?", "Can I…?", "My car failed, do I pay…?": the last clause of the sentence that asks (askingSentence:
 * "We're new here. do you take new patients") opens with an auxiliary verb; in German with its verb ("Kann ich …",
 * "Bieten Sie …", see germanYesNo), and German "was" asks what.
 */
export function isYesNoQuestion(question: string): boolean {
  const clause = askingClause(question).trim();
  const english = /^(?:do|does|did|can|could|will|would|is|are|was|were|have|has|had|should|shall|may|might|must)\b/iu.test(clause);
  if ((english && !germanWhatQuestion.test(clause)) || germanYesNo.test(clause)) return true;
  // French and Spanish ask yes or no in many forms ("on peut …?", "y a …", "se puede …", "tenéis …"): read in
  // questions of that language only ("son", "vous", "on" open English clauses too).
  const language = /\p{L}/u.test(clause) ? questionLanguage(question) : "en";
  return (language === "fr" && isFrenchYesNo(clause)) || (language === "es" && isSpanishYesNo(clause));
}

/** "Is the desk open at night, and is there a garage?": parts joined by a conjunction, a comma or two question marks. */
function asksSeveralThings(question: string): boolean {
  return /[,;]|\b(?:and|also|or|as well|y|o|también)\b|[?？].*[?？]/iu.test(question.trim().replace(/[?？.!]+$/u, ""));
}

/** The chosen sentences of a source, then the ones after them while they fit: the passage behind the answer. */
function snippetOf(chosen: readonly ScoredUnit[], all: readonly ScoredUnit[]): string {
  let snippet = render(chosen);
  const last = Math.max(...chosen.map((unit) => unit.position));
  for (const next of all.filter((unit) => unit.source === chosen[0]!.source && unit.position > last)) {
    if (snippet.length + 1 + next.text.length > SNIPPET_LENGTH) break;
    snippet = `${snippet} ${next.text}`;
  }
  return truncate(snippet, SNIPPET_LENGTH);
}

/**
 * Sentences in reading order, each section's first one led by its heading unless the sentence already says it; a
 * table row with the cells the question asks for after its name (rowTextAsked), when the question is given.
 */
function render(units: readonly ScoredUnit[], question?: string, labelSimilarity?: LabelSimilarity): string {
  const ordered = [...units].sort((a, b) => a.position - b.position);
  const text = ordered
    .map((unit, index) => {
      const first = index === 0 || ordered[index - 1]!.section !== unit.section;
      const own = unit.fields && question !== undefined ? rowTextAsked(question, unit.fields, labelSimilarity) : unit.text;
      // A table row ends where the next sentence starts: "…; Price: £40. Treatment: Sports massage; …".
      const text = unit.fields && index < ordered.length - 1 ? `${own}.` : own;
      return first && needsContext(unit) ? `${unit.context}: ${text}` : text;
    })
    .join(" ");
  return truncate(text, MAX_ANSWER_LENGTH);
}

/** A heading adds to the sentence when some of its words are missing from it; a FAQ question is never quoted. */
function needsContext(unit: AnswerUnit): boolean {
  if (!unit.context || unit.contextIsQuestion) return false;
  const own = contentTerms(unit.text);
  return contentTerms(unit.context).some((term) => !hasTerm(own, term));
}
