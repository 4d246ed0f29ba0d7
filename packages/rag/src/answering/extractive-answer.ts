import type { AnswerUnit } from "./answer-units";
import { answerUnitsOf, scoreUnits, withContext, type ScoredUnit } from "./score-units";
import { contentTerms, truncate } from "./text-analysis";
import { DEFAULT_MAX_CITATIONS, DEFAULT_RELEVANT_SIMILARITY, type AnswerSettings, type AnswerSource, type Citation } from "./types";
import { SNIPPET_LENGTH } from "./make-snippet";
import { hasTerm, unknownTerms } from "./score-units";
import { answerTypeOf, isAnswerTypeWord, statesContactFor, type AnswerType } from "./question-type";
import { CARRYING_WORD_SHIFT } from "./question-focus";
import { germanWhatQuestion, germanYesNo } from "./german-cues";

export const NOT_FOUND_ANSWER = "I couldn't find that in the knowledge base. Could you rephrase the question, or ask about something else?";

/** Sources read for an extractive answer; retrieval already put the best first. */
export const SOURCES_READ = 5;
const MAX_ANSWER_LENGTH = 450;
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

/** Kinds of fact a wh-question is answered only by a sentence stating (a price, a person, a phone number). */
export const STATED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["price", "person", "phone"]);

/** Vectors for the sentences of the sources, when an embedding model is at hand (see embedForAnswer). */
export interface SentenceMeaning {
  /** Cosine similarity of the question to `withContext(unit)`. */
  similarity(unit: AnswerUnit): number;
  /**
   * How far the question moves in meaning without a word (1 − cosine; see weighWords), for the words of the
   * question that no source read mentions; absent or 0 when not measured.
   */
  shift?(word: string): number;
  /**
   * How far the question moves without all of its words no source read mentions at once (see weighWordsTogether);
   * absent or 0 when not measured.
   */
  unknownShift?(): number;
  /** Cosine similarity of the question without that word to `withContext(unit)`; undefined when not measured. */
  similarityWithout?(unit: AnswerUnit, word: string): number | undefined;
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
  const sources = hits.slice(0, SOURCES_READ);
  const units = answerUnitsOf(sources.map((source) => source.content));
  // Without sentence vectors, the passage's own similarity stands in for each of its sentences.
  const similarity = meaning ? (unit: AnswerUnit) => meaning.similarity(unit) : (unit: AnswerUnit) => sources[unit.source]?.vectorScore ?? 0;
  const scored = scoreUnits(question, units, similarity);
  const minScore = settings.minScore ?? DEFAULT_RELEVANT_SIMILARITY;
  // "Do you sell used cars?" when nothing read mentions "used": sharing "cars" says nothing, only meaning can answer.
  const yesNo = isYesNoQuestion(question);
  const unknown = unknownTerms(question, units);
  // "How much is the boat trip?" is not answered by when the boat leaves, nor "Who do I speak to when booking?" by
  // how to book: a question asking for an amount, a person or a number wants a sentence stating one (see
  // STATED_TYPES). Times, places and durations are said in too many ways to require one.
  const type = answerTypeOf(question);
  const wantsType = type !== null && STATED_TYPES.has(type) && !yesNo;
  const statesWanted = (unit: ScoredUnit) => unit.fitsType || (type === "person" && statesContactFor(question, unit.text));
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
  const answering = scored
    .filter((unit) => (meaningOnly ? byMeaning(unit) : answers(unit, minScore)) && (!wantsType || statesWanted(unit)) && !aboutTheRest(unit) && !nearOnlyInShape(unit))
    .sort((a, b) => b.score - a.score);
  // "Where exactly is the surgery?": a sentence placing something ("… is at 42 Quarry Road") before one sharing more
  // of the words ("open at the same time as the surgery"); with no such sentence, the best one answers as before.
  const placing = type === "place" && !yesNo ? answering.filter((unit) => unit.fitsType) : [];
  const best = (placing.length > 0 ? placing : answering)[0];
  if (!best) return { content: NOT_FOUND_ANSWER, citations: [] };
  if (aboutUnknown && best.meaning < CARRIED_BY_MEANING && onlyTopicShared(best)) return { content: NOT_FOUND_ANSWER, citations: [] };
  // "Is there a gym at the hotel?": when the question rests on a word no source mentions, only a sentence that is
  // also the closest in meaning of all can be about it; one chosen for sharing "hotel" while another section is
  // nearer in meaning is a guess.
  if (carried && scored.some((unit) => unit.meaning > best.meaning && (unit.source !== best.source || unit.section !== best.section))) {
    return { content: NOT_FOUND_ANSWER, citations: [] };
  }

  // Without sentence vectors a passage close in meaning but sharing no word with the question gives no reason
  // to prefer one of its sentences: its opening is quoted.
  const chosen =
    !meaning && best.lexical === 0
      ? lead(scored.filter((unit) => unit.source === best.source))
      : chooseUnits(question, best, answering, scored, settings.maxCitations ?? DEFAULT_MAX_CITATIONS);

  const sourceOrder = [...new Set(chosen.map((unit) => unit.source))];
  const parts = sourceOrder.map((source, order) => `${render(chosen.filter((unit) => unit.source === source))} [${order + 1}]`);
  const citations = sourceOrder.map((source, order): Citation => {
    const hit = sources[source]!;
    return {
      index: order + 1,
      chunkId: hit.chunkId,
      documentId: hit.documentId,
      title: hit.documentTitle,
      snippet: snippetOf(chosen.filter((unit) => unit.source === source), scored),
      score: hit.score,
    };
  });
  return { content: parts.join(" "), citations };
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
 * An FAQ entry sharing no word with the question (neither its question nor its answer): the local model puts any
 * FAQ entry near a question of the same shape ("Do you offer massages?" ~ "Do you have changing rooms? Yes, …",
 * "Do you have a sauna?" ~ "Do you have a lift? No, …"), so its closeness says nothing about the topic. On the six
 * answer sets every such answer was wrong (bench/README.md, "FAQ entries that match only the question's shape").
 */
export function nearOnlyInShape(unit: ScoredUnit): boolean {
  return unit.contextIsQuestion && unit.lexical === 0;
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
function chooseUnits(question: string, best: ScoredUnit, answering: readonly ScoredUnit[], all: readonly ScoredUnit[], maxSources: number): ScoredUnit[] {
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
  if (best.contextIsQuestion) {
    for (const next of all.filter((unit) => sameSection(unit) && !chosen.includes(unit))) {
      if (length + next.text.length + 1 > FAQ_ANSWER_LENGTH) break;
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
 * "Do you…?", "Can I…?", "My car failed, do I pay…?": the question's last clause opens with an auxiliary verb;
 * in German with its verb ("Kann ich …", "Bieten Sie …", see germanYesNo), and German "was" asks what.
 */
export function isYesNoQuestion(question: string): boolean {
  const clause = question.trim().split(/[,;:]/u).at(-1)!.trim();
  const english = /^(?:do|does|did|can|could|will|would|is|are|was|were|have|has|had|should|shall|may|might|must)\b/iu.test(clause);
  return (english && !germanWhatQuestion.test(clause)) || germanYesNo.test(clause);
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

/** Sentences in reading order, each section's first one led by its heading unless the sentence already says it. */
function render(units: readonly ScoredUnit[]): string {
  const ordered = [...units].sort((a, b) => a.position - b.position);
  const text = ordered
    .map((unit, index) => {
      const first = index === 0 || ordered[index - 1]!.section !== unit.section;
      return first && needsContext(unit) ? `${unit.context}: ${unit.text}` : unit.text;
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
