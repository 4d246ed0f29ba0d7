import { seededRandom } from "../synthetic-prose";
/**
 * A visitor's way of typing a question, made from a clean one by generic, seeded transformations (no word of any
 * answer set): lower case, no "?", chat-speak for common English words, one realistic typo in a content word, a
 * greeting or preamble in front, sometimes a sentence of context first or a "thanks" after. The same seed and
 * question always give the same wording, so the clean → noisy gap of a set is a reproducible number.
 */

/** Deterministic generator (mulberry32, synthetic-prose's seededRandom) seeded from the seed and the question's text. */
function generator(seed: number, text: string): () => number {
  let state = seed >>> 0;
  for (const character of text) state = Math.imul(state ^ character.charCodeAt(0), 2654435761) >>> 0;
  return seededRandom(state);
}

/** How people shorten common English words in chat (only whole words are replaced). */
const CHAT_SPEAK: Record<string, string[]> = {
  you: ["u", "u", "ya"],
  your: ["ur", "yr"],
  "you're": ["ur", "youre"],
  are: ["r"],
  please: ["pls", "plz"],
  people: ["ppl"],
  thanks: ["thx"],
  because: ["cuz", "bc"],
  tomorrow: ["tmrw", "tomoz"],
  tonight: ["tonite"],
  before: ["b4"],
  about: ["abt"],
  what: ["wat"],
  "what's": ["whats"],
  "what is": ["whats"],
  "i'm": ["im"],
  "don't": ["dont"],
  "can't": ["cant"],
  "doesn't": ["doesnt"],
  "where's": ["wheres"],
  "how's": ["hows"],
  with: ["w/"],
  "do you": ["d'you", "do u"],
  "want to": ["wanna"],
  "going to": ["gonna"],
  "i am": ["im"],
  appointment: ["appt"],
  information: ["info"],
  available: ["avail"],
  someone: ["some1"],
  anyone: ["any1"],
};

/** Openings visitors type before the question; some end in a full stop, so the question is a second sentence. */
const PREAMBLES = [
  "hi there, i was wondering ",
  "hello, quick question - ",
  "hey! ",
  "hi, ",
  "good morning, could you tell me ",
  "hello. i have a question. ",
  "hi there. we are new to the area. ",
  "hiya, just wondering ",
  "sorry to bother you but ",
];

const ENDINGS = [" thanks", " thank you!", " cheers", " thx"];

/** QWERTY neighbours of each letter, for a slipped key. */
const NEIGHBOURS: Record<string, string> = {
  q: "wa", w: "qes", e: "wrd", r: "etf", t: "ryg", y: "tuh", u: "yij", i: "uok", o: "ipl", p: "o",
  a: "qsz", s: "adw", d: "sfe", f: "dgr", g: "fht", h: "gjy", j: "hku", k: "jli", l: "ko",
  z: "xa", x: "zcs", c: "xvd", v: "cbf", b: "vng", n: "bmh", m: "n",
};

/** Words too common to carry a question (a typo goes into a word that does). */
const FUNCTION_WORDS = new Set(
  "about after again also another before being between could does doing during every from have having here into just more most much other should some such than that their them then there these they this those through under until very what when where which while whom whose will with would your yours".split(" "),
);

const isEnglishLike = (text: string) => /\b(the|you|your|do|does|is|are|can|what|how|when|where|i)\b/i.test(text);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One realistic typo inside `word` (never its first letter): a slipped key, two letters swapped, one dropped or doubled. */
export function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 1));
  const letter = word[at]!;
  switch (Math.floor(random() * 4)) {
    case 0: {
      const near = NEIGHBOURS[letter.toLowerCase()];
      return near ? word.slice(0, at) + pick(random, [...near]) + word.slice(at + 1) : word.slice(0, at) + word.slice(at + 1);
    }
    case 1:
      return at < word.length - 1 ? word.slice(0, at) + word[at + 1] + letter + word.slice(at + 2) : word.slice(0, at - 1) + letter + word[at - 1];
    case 2:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter + word.slice(at);
  }
}

export interface Perturbation {
  /** Every transformation applies with these chances; the defaults make most questions differ in 2–4 ways. */
  lowerCase: number;
  dropQuestionMark: number;
  chatSpeak: number;
  typo: number;
  preamble: number;
  ending: number;
}

export const DEFAULT_PERTURBATION: Perturbation = { lowerCase: 0.8, dropQuestionMark: 0.7, chatSpeak: 0.6, typo: 0.7, preamble: 0.4, ending: 0.2 };

/** The question as a visitor might type it (same seed and question → same result). */
export function perturbQuestion(question: string, seed: number, chances: Perturbation = DEFAULT_PERTURBATION): string {
  const random = generator(seed, question);
  const english = isEnglishLike(question);
  let text = question.trim();
  if (random() < chances.typo) {
    const words = [...text.matchAll(/\p{L}{5,}/gu)].filter((match) => !FUNCTION_WORDS.has(match[0].toLowerCase()) && /^\p{Ll}+$/u.test(match[0].slice(1)));
    if (words.length > 0) {
      const target = pick(random, words);
      text = text.slice(0, target.index) + typo(target[0], random) + text.slice(target.index + target[0].length);
    }
  }
  if (english) {
    for (const [phrase, shortenings] of Object.entries(CHAT_SPEAK)) {
      const pattern = new RegExp(`(?<![\\p{L}'])${phrase.replace(/'/g, "['’]")}(?![\\p{L}'])`, "giu");
      text = text.replace(pattern, (found) => (random() < chances.chatSpeak ? pick(random, shortenings) : found));
    }
  }
  if (random() < chances.lowerCase) text = text.toLowerCase();
  if (random() < chances.dropQuestionMark) text = text.replace(/\s*\?+\s*$/u, "");
  if (english && random() < chances.preamble) {
    const preamble = pick(random, PREAMBLES);
    // A preamble ending mid-sentence carries on into the question in lower case; one ending in a full stop does not.
    text = preamble + (/[.!-]\s$/.test(preamble) ? text : text.charAt(0).toLowerCase() + text.slice(1));
  }
  if (english && random() < chances.ending) text += pick(random, ENDINGS);
  return text;
}
