import { contentWords } from "@frontdesk/rag";
import { fold, isVisitorRejection } from "../visitor-rejection";

export type Sentiment = "frustrated" | "negative" | "neutral" | "positive";

export interface SentimentResult {
  sentiment: Sentiment;
  /** Which rules fired, for the inbox and tests. */
  reasons: string[];
  /** The language the rules recognised, for the reply suggesting a person ("en" when unsure). */
  language: "en" | "es";
}

// Rules on the folded text (lower case, no accents or punctuation). English and Spanish.
const ABUSE = /\b(useless|stupid|idiot(ic)?|dumb|pathetic|ridiculous|waste of (my )?time|rubbish|garbage|crap|worst|inutil|estupid[oa]|tont[oa]|idiota|ridicul[oa]|basura|perdida de tiempo|pesim[oa])\b/;
const WANTS_PERSON =
  /\b(speak|talk|chat) (to|with) (a |an )?(human|person|real person|agent|someone)\b|\breal person\b|\b(hablar|habla) con (una |un )?(persona|humano|agente|alguien)\b|\bpersona real\b/;
const ALREADY_SAID = /\b(i (already|just) (told|asked|said)|i ve (already )?(told|asked|said) you|(for the|this is the) (second|third|last) time|again and again|ya (te|se) (lo )?(dije|pregunte)|otra vez|por (tercera|segunda) vez)\b/;
const NEGATIVE =
  /\b(bad|terrible|awful|annoy(ed|ing)|disappoint(ed|ing)|unhappy|not happy|frustrat(ed|ing)|angry|upset|wrong|doesn t work|does not work|not working|broken|problem|complain(t)?|malo|mala|terrible|horrible|molest[oa]|enfadad[oa]|decepcionad[oa]|no funciona|problema|queja|fatal)\b/;
const POSITIVE =
  /\b(thanks|thank you|thx|great|perfect|awesome|excellent|wonderful|helpful|brilliant|love it|amazing|gracias|perfecto|genial|excelente|estupendo|maravillos[oa]|muy amable|me encanta)\b/;
const SPANISH = /\b(el|la|los|las|que|de|por|para|con|es|eso|esto|esta|ya|te|lo|mi|un|una|y|gracias|hola|donde|cuando|como|quiero|tengo|usted|ustedes)\b/g;

/** Shouting: at least 8 letters, at least two words, and nearly all capitals. */
function shouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 8 || text.trim().split(/\s+/).length < 2) return false;
  const capitals = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  return capitals / letters.length >= 0.8;
}

/** The same question again: its content words (at least two) all, or nearly all, in an earlier visitor message. */
function repeats(text: string, earlier: readonly string[]): boolean {
  const words = new Set(contentWords(text));
  if (words.size < 2) return false;
  return earlier.some((previous) => {
    const other = new Set(contentWords(previous));
    const shared = [...words].filter((word) => other.has(word)).length;
    return shared / words.size >= 0.8;
  });
}

/**
 * A visitor turn's sentiment by rules that need no model: frustrated (abuse, asking for a real person,
 * "I already told you", the same question again, shouting or a run of !!!/??? with a complaint), negative
 * (complaint words, "that's not what I asked"), positive (thanks, praise), else neutral. `earlier` holds the
 * visitor's previous messages in the conversation, newest first.
 */
export function classifyVisitorTurn(text: string, earlier: readonly string[] = []): SentimentResult {
  const folded = fold(text);
  const language = (folded.match(SPANISH) ?? []).length >= 2 || /[ñ¿¡]/i.test(text) ? "es" : "en";
  const reasons: string[] = [];
  const negative = NEGATIVE.test(folded) || isVisitorRejection(text);
  if (ABUSE.test(folded)) reasons.push("abuse");
  if (WANTS_PERSON.test(folded)) reasons.push("asks for a person");
  if (ALREADY_SAID.test(folded)) reasons.push("already said");
  if (repeats(text, earlier)) reasons.push("repeated question");
  if (shouting(text)) reasons.push("shouting");
  if (/[!?]{3,}/.test(text) && (negative || reasons.length > 0)) reasons.push("exclamations");
  if (reasons.length > 0) return { sentiment: "frustrated", reasons, language };
  if (negative) return { sentiment: "negative", reasons: [isVisitorRejection(text) ? "answer missed" : "complaint"], language };
  if (POSITIVE.test(folded)) return { sentiment: "positive", reasons: ["thanks or praise"], language };
  return { sentiment: "neutral", reasons: [], language };
}
