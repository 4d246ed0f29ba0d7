import { foldAccents } from "../wording/fold-accents";
import { functionWordsByLanguage } from "../retrieval/stopwords";
import { isEnglishWord } from "../wording/english-words";
import { isWordOfLanguage, LISTED_LANGUAGES } from "../wording/language-words";

/** Languages a reply of the extractive default is written in (see not-found-reply.ts); anything else reads as English. */
export type ReplyLanguage = keyof typeof functionWordsByLanguage;
export const REPLY_LANGUAGES = Object.keys(functionWordsByLanguage) as ReplyLanguage[];

const fold = foldAccents;

/**
 * Words questions open with that the stop-word lists leave out (Spanish's list has 59 words, none an interrogative):
 * "¿Cuánto cuesta…?", "Posso levar…?", "Hebben jullie…?" are otherwise too short to tell. English's chat-speak ("r u
 * open on thanksgiving", "do u accept bitcoin", chat-speak.ts) counts for English too: "u" alone is Dutch's polite
 * "you", and "on" is French's "on", so such a question read as Dutch ("kunt u", "heeft u" stay Dutch by their verb).
 */
const QUESTION_WORDS: Record<ReplyLanguage, string> = {
  en: "how what where when which who can could u r ur pls plz thx",
  de: "wieviel wo wann welche kann können habt gibt bieten dürfen darf kostet kosten muss müssen macht",
  fr: "combien où quand comment quel quelle puis pouvez peut avez",
  es: "cuánto cuánta cuántos cuántas qué dónde cuándo cómo cuál puedo puede pueden tienen tiene hay ofrecen son dan dais tenéis hacéis podéis sois estáis vosotros ustedes usted cuesta cuestan hora horas",
  it: "quanto quanta quanti dove quando come quale posso può possono avete c'è offrite",
  nl: "hoeveel waar wanneer hoe welke kan kunnen mag hebben jullie bieden",
  pt: "quanto quanta quantos onde quando como qual posso pode podem vocês você têm tem há oferecem custa hora horas",
};

/** For each folded function word, the reply languages whose list holds it ("es" is Spanish and German). */
const languagesOfWord = new Map<string, ReplyLanguage[]>();
for (const language of REPLY_LANGUAGES) {
  for (const word of [...functionWordsByLanguage[language], ...QUESTION_WORDS[language].split(" ")]) {
    const key = fold(word);
    const languages = languagesOfWord.get(key) ?? [];
    if (!languages.includes(language)) languagesOfWord.set(key, [...languages, language]);
  }
}

/**
 * Letters one language writes and the others of the list do not ("ß", "ñ", "ã"), Spanish's "vosotros" verb endings
 * ("¿aceptáis bizum?", "¿tenéis parking?") and its accented interrogatives ("a qué hora abre la secretaría en
 * agosto" shares "a", "la", "en" and "que" with French; no other language writes "qué", "cuándo", "dónde"): one counts
 * as a function word.
 */
const OWN_LETTERS: Partial<Record<ReplyLanguage, RegExp>> = {
  de: /[ßäöü]/iu,
  es: /[ñ¿¡]|\p{L}[áé]is(?!\p{L})|(?<!\p{L})(?:qué|cuál|cuáles|cuándo|cuánt[oa]s?|dónde|adónde|cómo|quién|quiénes)(?!\p{L})/iu,
  pt: /[ãõ]/iu,
};

/**
 * "aceptais bizum?", "cerrais en fallas?", "teneis parking": visitors drop the accent of the "vosotros" ending, and
 * then nothing else may tell the question from English. A word of 6+ letters in "-ais" / "-eis" that no language
 * lists as a function word ("mais", "dais") counts as one Spanish word, but not Portuguese adjectives in "-veis"
 * ("disponiveis"); French "-ais" forms ("voudrais", "anglais") come with French function words, and French wins a tie.
 */
function unaccentedVosotrosVerb(word: string): boolean {
  const folded = fold(word);
  return folded.length >= 6 && /(?:ais|eis)$/u.test(folded) && !folded.endsWith("veis") && !languagesOfWord.has(folded);
}

/**
 * The language a visitor's question is written in, by the function words full-text search drops (stopwords.ts, the
 * same lists): each word counts for every language listing it, shared ones split ("es" half German, half Spanish).
 * English unless another language scores more than English and more than half a word: a question of content
 * words only ("Parkplatz?") says nothing, and the reply falls back to English.
 */
export function questionLanguage(question: string): ReplyLanguage {
  const scores = new Map<ReplyLanguage, number>(REPLY_LANGUAGES.map((language) => [language, 0]));
  for (const word of question.match(/\p{L}+/gu) ?? []) {
    const languages = languagesOfWord.get(fold(word)) ?? [];
    for (const language of languages) scores.set(language, scores.get(language)! + 1 / languages.length);
  }
  for (const [language, letters] of Object.entries(OWN_LETTERS) as [ReplyLanguage, RegExp][]) {
    if (letters.test(question)) scores.set(language, scores.get(language)! + 1);
  }
  if (!OWN_LETTERS.es!.test(question) && (question.match(/\p{L}+/gu) ?? []).some(unaccentedVosotrosVerb)) scores.set("es", scores.get("es")! + 1);
  let best: ReplyLanguage = "en";
  for (const [language, score] of scores) if (score > scores.get(best)! && score > 0.5) best = language;
  if (best !== "en" || scores.get("en")! > 0.5) return best;
  // No language's function words decide ("horaires accueil juillet", "precio clases particulares", "clases de
  // chino?"): the content words do, by the word lists at hand.
  for (const [language, votes] of contentWordVotes(question)) scores.set(language, scores.get(language)! + votes);
  for (const [language, score] of scores) if (score > scores.get(best)! && score > 0.5) best = language;
  return best;
}

/** Content words shorter than this cast no vote (contentWordVotes): "de", "la", "box" say too little. */
const VOTING_LETTERS = 4;
/** Questions already counted by contentWordVotes: questionLanguage is asked many times about one question. */
const votesByQuestion = new Map<string, ReadonlyMap<ReplyLanguage, number>>();
const REMEMBERED_QUESTIONS = 256;

/**
 * Votes of a question's content words for English and for each language with a word list (language-words.ts: French,
 * Spanish): a word of VOTING_LETTERS or more that no language lists as a function word votes for every language
 * whose list holds it, shared ones split ("location" is English and French, "laverie" French only, "secretaría"
 * Spanish only). English's list is read as typed (it holds no accented word), the others folded.
 */
function contentWordVotes(question: string): ReadonlyMap<ReplyLanguage, number> {
  const remembered = votesByQuestion.get(question);
  if (remembered) return remembered;
  const votes = new Map<ReplyLanguage, number>();
  for (const word of question.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if ([...word].length < VOTING_LETTERS || languagesOfWord.has(fold(word))) continue;
    const holding = [...(isEnglishWord(word) ? ["en" as const] : []), ...LISTED_LANGUAGES.filter((language) => isWordOfLanguage(language, word))];
    for (const language of holding) votes.set(language, (votes.get(language) ?? 0) + 1 / holding.length);
  }
  if (votesByQuestion.size >= REMEMBERED_QUESTIONS) votesByQuestion.clear();
  votesByQuestion.set(question, votes);
  return votes;
}
