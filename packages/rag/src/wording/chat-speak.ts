import { questionLanguage } from "../answering/question-language";

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

/**
 * Chat spelling of French, Spanish and German visitors ("c koi l'adresse", "vs etes ouverts qd", "q dias hay clase",
 * "tb dais descuento", "gibts nen rabatt"), written out for questions in that language only: "vs", "pr", "q", "x",
 * "is", "net" are English words or letters, and "pq" is "pourquoi" in French but "porque" in Spanish. Read like
 * CHAT_SPEAK (whole words typed in lower case); a word of none of these tables still goes through CHAT_SPEAK.
 */
const CHAT_SPEAK_BY_LANGUAGE: Readonly<Record<"fr" | "es" | "de", Readonly<Record<string, string>>>> = {
  fr: {
    qd: "quand",
    qand: "quand",
    pq: "pourquoi",
    pk: "pourquoi",
    pkoi: "pourquoi",
    pourkoi: "pourquoi",
    koi: "quoi",
    kwa: "quoi",
    cb: "combien",
    cmb: "combien",
    vs: "vous",
    c: "c'est",
    pr: "pour",
    ds: "dans",
    ki: "qui",
    ke: "que",
    tt: "tout",
    ts: "tous",
    tte: "toute",
    ttes: "toutes",
    stp: "s'il te plaît",
    bcp: "beaucoup",
    qqn: "quelqu'un",
    qqch: "quelque chose",
    qq: "quelques",
    mtn: "maintenant",
    auj: "aujourd'hui",
    ajd: "aujourd'hui",
    dem1: "demain",
    tjs: "toujours",
    tjrs: "toujours",
    dispo: "disponible",
    dispos: "disponibles",
    ya: "il y a",
    jpeux: "je peux",
    jveux: "je veux",
    bjr: "bonjour",
    slt: "salut",
    mrc: "merci",
    dc: "donc",
    nn: "non",
  },
  es: {
    q: "que",
    k: "que",
    xq: "porque",
    pq: "porque",
    xk: "porque",
    pk: "porque",
    porq: "porque",
    tb: "también",
    tmb: "también",
    tbn: "también",
    tmbn: "también",
    tamb: "también",
    x: "por",
    xa: "para",
    pa: "para",
    d: "de",
    xfa: "por favor",
    porfa: "por favor",
    xfavor: "por favor",
    dnd: "donde",
    cdo: "cuando",
    qndo: "cuando",
    bn: "bien",
    tngo: "tengo",
    toy: "estoy",
    stoy: "estoy",
    aki: "aquí",
    msj: "mensaje",
    finde: "fin de semana",
    hrs: "horas",
    hr: "hora",
    mins: "minutos",
    nd: "nada",
  },
  de: {
    gibts: "gibt es",
    gehts: "geht es",
    isses: "ist es",
    is: "ist",
    ne: "eine",
    nen: "einen",
    nem: "einem",
    ner: "einer",
    nix: "nichts",
    ned: "nicht",
    net: "nicht",
    vllt: "vielleicht",
    vlt: "vielleicht",
    evtl: "eventuell",
    wg: "wegen",
    hab: "habe",
    habs: "habe es",
    kannste: "kannst du",
    haste: "hast du",
    biste: "bist du",
    machste: "machst du",
    ma: "mal",
    grad: "gerade",
    heut: "heute",
  },
};

/**
 * Chat words that only French, Spanish or German visitors type ("qd", "koi", "tb", "xq", "gibts"): one tells the
 * language of a question whose other words do not ("c koi l'adresse" has no French function word but "l").
 */
const LANGUAGE_MARKERS: ReadonlyArray<["fr" | "es" | "de", ReadonlySet<string>]> = [
  ["fr", new Set("qd pkoi pourkoi koi kwa cmb stp bcp qqn qqch mtn ajd tjs tjrs jpeux jveux bjr".split(" "))],
  ["es", new Set("xq xk porq tb tmb tbn tmbn xfa porfa xfavor dnd cdo qndo tngo".split(" "))],
  ["de", new Set("gibts gehts isses nix vllt kannste haste biste machste".split(" "))],
];

/** The language whose chat words the question is read with: its function words', else its chat words' alone. */
function chatLanguage(text: string): "fr" | "es" | "de" | null {
  const language = questionLanguage(text);
  if (language === "fr" || language === "es" || language === "de") return language;
  if (language !== "en") return null;
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const marked = LANGUAGE_MARKERS.filter(([, markers]) => words.some((word) => markers.has(word)));
  return marked.length === 1 ? marked[0]![0] : null;
}

/** A word of the table, delimited the way visitors type: not inside another word or a number. */
const WORD = /(?<![\p{L}\p{N}'’&])(?:w\/o|w\/|&|[\p{L}\p{N}]+)(?![\p{L}\p{N}'’])/gu;

/**
 * The text with chat-speak written out. "yr" is "year" after a number ("my 5 yr old") and "your" elsewhere; a
 * day's abbreviation is the day where a day can stand.
 */
export function expandChatSpeak(text: string): string {
  // "d'you" / "d'ya": the apostrophe joins what the table's words cannot.
  const spoken = text.replace(/(?<![\p{L}\p{N}])d['’]\s?(?:you|ya|u)(?![\p{L}\p{N}'’])/giu, "do you");
  const language = chatLanguage(spoken);
  const own = language ? CHAT_SPEAK_BY_LANGUAGE[language] : undefined;
  return spoken.replace(WORD, (word, offset: number) => {
    const lower = word.toLowerCase();
    const before = spoken.slice(0, offset);
    const typedLower = word.length > 1 ? word.slice(1) === word.slice(1).toLowerCase() : word === lower;
    if (own && typedLower && Object.hasOwn(own, lower)) {
      // A letter next to a number is a unit or a multiplication ("3 x 2", "10 k"), not chat.
      const after = spoken.slice(offset + word.length);
      if (lower.length === 1 && (/\d\s*$/u.test(before) || /^\s*\d/u.test(after))) return word;
      // Spanish "xq"/"pq" opening the question asks why.
      if (own[lower] === "porque" && before.trim() === "") return "por qué";
      return own[lower]!;
    }
    if (lower === "yr") return /\d\s*$/u.test(before) ? "year" : "your";
    const day = DAY_ABBREVIATIONS[lower];
    if (day) return AMBIGUOUS_DAYS.has(lower) && !DAY_INTRODUCERS.test(before) ? word : day;
    // Capitals are a letter or an acronym ("Block R", "HR", "BC"), not chat: only a word typed in lower case (or
    // capitalised at a sentence's start) is written out.
    if (word.length > 1 ? word.slice(1) !== word.slice(1).toLowerCase() : word !== lower) return word;
    // English chat-speak is not read in a French, Spanish or German question: German "wen" (whom) is no "when".
    return language ? word : CHAT_SPEAK[lower] ?? word;
  });
}
