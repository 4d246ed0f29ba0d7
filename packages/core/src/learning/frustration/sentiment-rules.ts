import { contentWords } from "@frontdesk/rag";
import { fold, isVisitorRejection } from "../visitor-rejection";

export type Sentiment = "frustrated" | "negative" | "neutral" | "positive";
export const SENTIMENTS = ["frustrated", "negative", "neutral", "positive"] as const satisfies readonly Sentiment[];

/** Languages the rules recognise (and the bot can offer a person in). */
export type SentimentLanguage = "en" | "es" | "fr" | "de";

export interface SentimentResult {
  sentiment: Sentiment;
  /** Which rules fired, for the inbox and tests. */
  reasons: string[];
  /** The language the rules recognised, for the reply suggesting a person ("en" when unsure). */
  language: SentimentLanguage;
}

// Rules on the folded text (lower case, no accents or punctuation). English and Spanish in depth; the cheap,
// unambiguous French and German phrasings too.
const ABUSE = new RegExp(
  "\\b(" +
    [
      "useless|stupid|idiot(ic)?|dumb|pathetic|ridiculous|unacceptable|absurd|furious|waste of (my )?time|rubbish|garbage|crap|worst",
      "fed up|sick of|frustrat(ed|ing)|not listening",
      "inutil|estupid[oa]|tont[oa]|idiota|ridicul[oa]|basura|perdida de tiempo|pesim[oa]|harto|harta|inaceptable",
      "nul|nulle|ridicule|perte de temps|n importe quoi|inadmissible|j en ai marre|marre",
      "nutzlos|sinnlos|lacherlich|zeitverschwendung|bescheuert|unverschamt|inakzeptabel|mir reicht s",
    ].join("|") +
    ")\\b",
);
const WANTS_PERSON = new RegExp(
  [
    "\\b(speak|talk|chat) (to|with) (a |an |your )?(human|person|real person|agent|someone|manager|supervisor)\\b|\\b(real|actual|live) (person|human)\\b",
    "\\b(hablar|habla) con (una |un |el |la )?(persona|humano|agente|alguien|encargad[oa]|responsable)\\b|\\bpersona real\\b",
    "\\bparler (a|avec) (un |une )?(humain|personne|quelqu un|conseiller|conseillere|agent|responsable)\\b|\\bvraie personne\\b|\\betre humain\\b",
    "\\b(mit )?(einem|einer) (menschen|mitarbeiter|mitarbeiterin|person) sprechen\\b|\\b(echten|echte) (menschen|person)\\b",
  ].join("|"),
);
const ALREADY_SAID = new RegExp(
  [
    "\\b(i (already|just) (told|asked|said)|i ve (already )?(told|asked|said) (you|this|that)|(for the|this is the) (second|third|fourth|last) time|again and again|how many times|(asked|told you|said) (this|it|that)? ?(two|three|four|several|many|3|4) times)\\b",
    "\\b(ya (te|se|le) (lo )?(dije|pregunte)|otra vez|por (tercera|segunda|cuarta) vez|cuantas veces)\\b",
    "\\b(je (vous |te )?l ai deja dit|deja dit|encore une fois|pour la (troisieme|deuxieme) fois|combien de fois)\\b",
    "\\b(ich habe (es|das) (schon|bereits) gesagt|schon wieder|zum (dritten|zweiten) mal|wie oft noch)\\b",
  ].join("|"),
);
const NEGATIVE = new RegExp(
  "\\b(" +
    [
      "bad|terrible|awful|annoy(ed|ing)|disappoint(ed|ing)|unhappy|not happy|angry|upset|wrong|doesn t work|does not work|not working|broken|problem|complain(t)?",
      "malo|mala|horrible|molest[oa]|enfadad[oa]|decepcionad[oa]|no funciona|problema|queja|fatal",
      "ne marche pas|ne fonctionne pas|marche pas|probleme|decu|decue|pas content|pas contente|mauvais|mauvaise",
      "funktioniert nicht|geht nicht|kaputt|enttauscht|schlecht|argerlich|beschwerde",
    ].join("|") +
    ")\\b",
);
const POSITIVE = new RegExp(
  "\\b(" +
    [
      "thanks|thank you|thx|great|perfect|awesome|excellent|wonderful|helpful|brilliant|love it|amazing|appreciate( it)?|lovely",
      "gracias|perfecto|genial|excelente|estupendo|maravillos[oa]|muy amable|me encanta",
      "merci|parfait|super|formidable|tres aimable",
      "danke|perfekt|wunderbar|sehr hilfreich|vielen dank",
    ].join("|") +
    ")\\b",
);

// Short function words that mark a language (on the folded text); accented letters below tip it too.
const FUNCTION_WORDS: Record<Exclude<SentimentLanguage, "en">, RegExp> = {
  es: /\b(el|los|las|que|por|para|con|es|eso|esto|esta|ya|te|lo|mi|una|y|gracias|hola|donde|cuando|como|quiero|tengo|usted|ustedes|no funciona)\b/g,
  fr: /\b(le|les|je|vous|est|pas|avec|pour|une|du|des|ce|cette|merci|bonjour|ne|qui|quoi|parler|tres|deja)\b/g,
  de: /\b(der|die|das|ich|nicht|und|ist|mit|ein|eine|einem|einer|sie|wir|danke|bitte|schon|noch|wie|sprechen)\b/g,
};
const MARKS: Record<Exclude<SentimentLanguage, "en">, RegExp> = { es: /[ñ¿¡]/i, fr: /[çœèêëàù]/i, de: /[ßäöü]/i };

/** The language with the most function words (at least two) or its own letters; English otherwise. */
export function detectLanguage(text: string, folded = fold(text)): SentimentLanguage {
  let best: SentimentLanguage = "en";
  let bestScore = 1;
  for (const language of ["es", "fr", "de"] as const) {
    const score = (folded.match(FUNCTION_WORDS[language]) ?? []).length + (MARKS[language].test(text) ? 2 : 0);
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}

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
 * One visitor or caller turn's sentiment by rules that need no model (the one classifier of web chat, SMS,
 * WhatsApp and voice): frustrated (abuse, asking for a real person, "I already told you", the same question
 * again, shouting or a run of !!!/??? with a complaint), negative (complaint words, "that's not what I asked"),
 * positive (thanks, praise), else neutral. `earlier` holds the visitor's previous messages, newest first.
 */
export function classifyVisitorTurn(text: string, earlier: readonly string[] = []): SentimentResult {
  const folded = fold(text);
  const language = detectLanguage(text, folded);
  const reasons: string[] = [];
  const rejected = isVisitorRejection(text);
  const negative = NEGATIVE.test(folded) || rejected;
  if (ABUSE.test(folded)) reasons.push("abuse");
  if (WANTS_PERSON.test(folded)) reasons.push("asks for a person");
  if (ALREADY_SAID.test(folded)) reasons.push("already said");
  if (repeats(text, earlier)) reasons.push("repeated question");
  if (shouting(text)) reasons.push("shouting");
  if (/[!?]{3,}/.test(text) && (negative || reasons.length > 0)) reasons.push("exclamations");
  if (reasons.length > 0) return { sentiment: "frustrated", reasons, language };
  if (negative) return { sentiment: "negative", reasons: [rejected ? "answer missed" : "complaint"], language };
  if (POSITIVE.test(folded)) return { sentiment: "positive", reasons: ["thanks or praise"], language };
  return { sentiment: "neutral", reasons: [], language };
}

/**
 * The mood of the last few turns (oldest first), most recent weighing most: frustration in any of them wins
 * (it is what the owner must act on), otherwise the latest turn that is not neutral.
 */
export function overallSentiment(turns: readonly Sentiment[]): Sentiment {
  if (turns.includes("frustrated")) return "frustrated";
  for (let i = turns.length - 1; i >= 0; i -= 1) if (turns[i] !== "neutral") return turns[i]!;
  return "neutral";
}

/** A caller's or visitor's recent lines (oldest first), each classified against the ones before it, then overallSentiment. */
export function classifyRecentTurns(lines: readonly string[]): Sentiment {
  return overallSentiment(lines.map((line, index) => classifyVisitorTurn(line, lines.slice(0, index).reverse()).sentiment));
}
