/**
 * Chat-speak and abbreviations of general English as visitors type them ("r u open", "how many ppl", "b4 my appt"),
 * written out so that retrieval and the answer's word matching see the words the knowledge base uses. Whole words
 * only, case-insensitive. No entry may be a word of another language the product answers in ("wer", "was" and "im"
 * are German, "tu" French), nor a word with a meaning of its own in English ("sat", "sun", "mon" are only read as
 * days where a day is meant, see DAY_ABBREVIATIONS).
 */
const CHAT_SPEAK: Readonly<Record<string, string>> = {
  u: "you",
  yu: "you",
  r: "are",
  ur: "your",
  urs: "yours",
  pls: "please",
  plz: "please",
  plse: "please",
  ppl: "people",
  thx: "thanks",
  thnx: "thanks",
  thanx: "thanks",
  ty: "thank you",
  cuz: "because",
  coz: "because",
  bc: "because",
  bcoz: "because",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmrow: "tomorrow",
  tomoz: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  "2day": "today",
  tonite: "tonight",
  "2nite": "tonight",
  nite: "night",
  b4: "before",
  abt: "about",
  bout: "about",
  wat: "what",
  wot: "what",
  wht: "what",
  wen: "when",
  hw: "how",
  cud: "could",
  wud: "would",
  shud: "should",
  hv: "have",
  hav: "have",
  gonna: "going to",
  wanna: "want to",
  gotta: "have to",
  lemme: "let me",
  gimme: "give me",
  dunno: "don't know",
  any1: "anyone",
  ne1: "anyone",
  some1: "someone",
  sum1: "someone",
  every1: "everyone",
  no1: "no one",
  thru: "through",
  tho: "though",
  rly: "really",
  bday: "birthday",
  appt: "appointment",
  appts: "appointments",
  avail: "available",
  asap: "as soon as possible",
  approx: "approximately",
  msg: "message",
  num: "number",
  wk: "week",
  wks: "weeks",
  wknd: "weekend",
  hrs: "hours",
  hr: "hour",
  yrs: "years",
  mins: "minutes",
  xmas: "Christmas",
  "w/": "with",
  "w/o": "without",
  "&": "and",
};

/** Days as people shorten them; "sat", "sun", "wed" and "mon" only after a word that introduces a day ("on sat"). */
const DAY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  mon: "Monday",
  tue: "Tuesday",
  tues: "Tuesday",
  wed: "Wednesday",
  weds: "Wednesday",
  thu: "Thursday",
  thur: "Thursday",
  thurs: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
const AMBIGUOUS_DAYS = new Set(["mon", "wed", "sat", "sun"]);
const DAY_INTRODUCERS = /(?:(?:^|\s)(?:on|this|next|every|til|till|until|to|from|or|and|thru|through)|[-–/&])\s*$/iu;

/** A word of the table, delimited the way visitors type: not inside another word or a number. */
const WORD = /(?<![\p{L}\p{N}'’&])(?:w\/o|w\/|&|[\p{L}\p{N}]+)(?![\p{L}\p{N}'’])/gu;

/**
 * The text with chat-speak written out. "yr" is "year" after a number ("my 5 yr old") and "your" elsewhere; a
 * day's abbreviation is the day where a day can stand.
 */
export function expandChatSpeak(text: string): string {
  // "d'you" / "d'ya": the apostrophe joins what the table's words cannot.
  const spoken = text.replace(/(?<![\p{L}\p{N}])d['’]\s?(?:you|ya|u)(?![\p{L}\p{N}'’])/giu, "do you");
  return spoken.replace(WORD, (word, offset: number) => {
    const lower = word.toLowerCase();
    const before = spoken.slice(0, offset);
    if (lower === "yr") return /\d\s*$/u.test(before) ? "year" : "your";
    const day = DAY_ABBREVIATIONS[lower];
    if (day) return AMBIGUOUS_DAYS.has(lower) && !DAY_INTRODUCERS.test(before) ? word : day;
    // Capitals are a letter or an acronym ("Block R", "HR", "BC"), not chat: only a word typed in lower case (or
    // capitalised at a sentence's start) is written out.
    if (word.length > 1 ? word.slice(1) !== word.slice(1).toLowerCase() : word !== lower) return word;
    return CHAT_SPEAK[lower] ?? word;
  });
}
