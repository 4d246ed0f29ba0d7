import { foldAccents } from "../wording/fold-accents";
import { askingClause, askingSentence } from "./asking-sentence";
import { questionLanguage } from "./question-language";
import { contentTerms } from "./text-analysis";
import { answerTypeOf } from "./question-type";

// English yes/no questions: who asks or is asked, then the verb (see englishSubject).
const PERSON = "(?:you|u|ya|yall|y'all|i|we|they|he|she|it|my\\s+\\p{L}+|our\\s+\\p{L}+)";
const AUX = "(?:do|does|did|can|could|will|would|should|shall|may|might|must)";
/** Words between the person and the verb that say nothing of either ("do you guys also do …"). */
const FILLER = "(?:\\s+(?:guys|all|folks|also|still|even|ever|actually|currently|really|just|now|already|perhaps|maybe|please|pls|happen\\s+to))*";
/** "Have you got a …", "do you have …", "is there …", "are there any …". */
const THERE = new RegExp(`^(?:is|are|was|were|will\\s+there\\s+be|would\\s+there\\s+be)\\s+there(?:\\s+be)?\\s+(.+)$`, "iu");
const HAVE_GOT = new RegExp(`^(?:have|has)\\s+${PERSON}${FILLER}\\s+got\\s+(.+)$`, "iu");
const AUX_PERSON_VERB = new RegExp(`^${AUX}\\s+${PERSON}${FILLER}\\s+(\\p{L}+(?:'\\p{L}+)?)\\s*(.*)$`, "iu");
/** "Are you hiring apprentice plumbers?": the object of the verb in -ing. */
const BE_PERSON_DOING = new RegExp(`^(?:are|is|am)\\s+${PERSON}${FILLER}\\s+(\\p{L}+ing)\\s+(.*)$`, "iu");
/** "Do the rooms have air conditioning?", "does your hotel offer massages": what a named thing has. */
const THING_HAS = /^(?:do|does|will|would|can)\s+(?:the|your)\s+(?:\p{L}+\s+){1,2}?(?:have|has|include|come\s+with|offer|provide)\s+(.+)$/iu;

/** Prepositions whose object is what a verb without one is done with ("pay with paypal", "by cheque", "in instalments"). */
const MEANS = new Set(["with", "by", "using", "via", "in"]);

/** Particles that belong to the verb before them ("look after", "pick up", "sort out"), not to a phrase after it. */
export const PARTICLES = new Set(["up", "out", "after", "off", "down", "away", "back", "over", "in", "on"]);
/** Particles that are as often a preposition of place ("vape in my room", "sleep on the sofa"). */
export const PLACES = new Set(["in", "on"]);
/** Where the thing asked about ends: a preposition, a conjunction, the start of another clause. */
export const ENDS_PHRASE = new Set(
  ("for at in on to from with without by near while when if so because during over after before about via into onto " +
    "than or and but since until till like as per including inc who which that where whilst except instead").split(" "),
);

/**
 * The words of the thing a question asks about, in the languages whose question shapes are read here: English yes/no
 * questions (see englishSubject), French and Spanish questions of a few common shapes (see romanceSubject), German
 * price and "gibt es" questions (see germanSubject); [] for any other question.
 */
export function keySubjectWords(question: string): string[] {
  // "habt ihr eine E-Mail-Adresse", "¿cuál es vuestra dirección de email?": the business's own address, no thing.
  if (answerTypeOf(question) === "email") return [];
  const language = questionLanguage(question);
  if (language === "fr" || language === "es") return romanceSubject(question, language);
  if (language === "de") return germanSubject(question);
  return englishSubject(question);
}

/**
 * The thing an English yes/no question asks about, read from its shape without a tagger: what follows "is there",
 * or the object of the verb after "do you" / "can I" ("Do you board rabbits?" → rabbits, "do you sell dog food" →
 * dog food, "can you look after my budgie while we're away" → budgie), up to the first preposition or clause word.
 * With no object before one, the object of a preposition of means ("can I pay with paypal"). The verb and what only sets
 * the scene ("while we're away", "at the studio") are not the subject: a front desk that boards dogs is asked about
 * rabbits, not about boarding.
 */
function englishSubject(question: string, objectOnly = false): string[] {
  const clause = askingSentence(question)
    .split(/[,;:]/u)
    .at(-1)!
    .trim()
    .replace(/[?？!.]+$/u, "")
    .trim();
  const there = THERE.exec(clause) ?? HAVE_GOT.exec(clause);
  if (there) return phraseWords(there[1]!);
  const has = THING_HAS.exec(clause);
  if (has) return phraseWords(has[1]!);
  const asked = AUX_PERSON_VERB.exec(clause) ?? BE_PERSON_DOING.exec(clause);
  if (!asked) return [];
  // "does it cost extra to …": "it" stands for no one, and what follows its verb is no thing asked about.
  if (objectOnly && /^\p{L}+\s+it\b/iu.test(clause)) return [];
  let rest = asked[2]!.split(/\s+/u).filter(Boolean);
  // "look after my budgie", "pick up dogs": the particle is the verb's; "pay with paypal": a phrase of its own.
  // Read for its object alone, "in" and "on" before a phrase are where ("can I vape in my room"), not a particle.
  const particle = (word: string) => PARTICLES.has(word) && !(objectOnly && PLACES.has(word));
  if (rest.length > 1 && particle(rest[0]!.toLowerCase()) && !ENDS_PHRASE.has(rest[1]!.toLowerCase())) rest = rest.slice(1);
  const object = phraseWords(rest.join(" "));
  if (object.length > 0 || objectOnly) return object;
  // No object, and a preposition of means: its object ("can I pay with paypal", "pay by cheque"); a place or a time
  // after the verb ("can I park at the vets") is where or when, not what.
  const first = rest.findIndex((word) => ENDS_PHRASE.has(word.toLowerCase()));
  return first >= 0 && MEANS.has(rest[first]!.toLowerCase()) ? phraseWords(rest.slice(first + 1).join(" ")) : [];
}

/**
 * The thing an English yes/no question names as what it asks about (keySubjectWords), only when that is what is
 * there, what a named thing has, or the object of the verb: not the object of a preposition after a verb without one
 * ("can I vape in my room", "pay with paypal"), nor what follows "does it …" ("does it cost extra to …"). [] otherwise.
 */
export function askedObjectWords(question: string): string[] {
  return questionLanguage(question) === "en" ? englishSubject(question, true) : [];
}

/** The verb an English yes/no question asks about ("look" of "can you look after my tortoise"); undefined for "is there …". */
export function askedVerb(question: string): string | undefined {
  if (questionLanguage(question) !== "en") return undefined;
  const clause = askingClause(question).trim().replace(/[?？!.]+$/u, "").trim();
  if (THERE.test(clause) || HAVE_GOT.test(clause) || THING_HAS.test(clause)) return undefined;
  const asked = AUX_PERSON_VERB.exec(clause) ?? BE_PERSON_DOING.exec(clause);
  return asked ? asked[1]!.toLowerCase() : undefined;
}

/**
 * Words that say how much, not what: "do you charge extra to come out to dublin" asks about coming out to Dublin, not
 * about "extra"; "is there anything for kids" about what is for kids.
 */
const AMOUNT_WORDS = new Set(["extra", "more", "less", "anything", "something", "everything", "nothing", "else"]);

/** The content words of a phrase up to where it ends (see ENDS_PHRASE), words of amount aside (see AMOUNT_WORDS). */
function phraseWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (ENDS_PHRASE.has(word.toLowerCase())) break;
    words.push(word);
  }
  return contentTerms(words.join(" ")).filter((term) => !AMOUNT_WORDS.has(term));
}

const fold = foldAccents;

/**
 * French and Spanish questions are read on their folded words, hyphens and apostrophes as spaces ("y a-t-il" →
 * "y a t il", "l'eau" → "l eau"). Their noun phrases put the noun first ("un toboggan aquatique", "une borne de
 * recharge", "los cheques regalo"), so the thing asked about is the first content word after the determiners; a word
 * that only names the kind of fact ("le montant de la caution", "el precio del alquiler") gives way to its complement.
 */
const ROMANCE: Record<"fr" | "es", { shapes: readonly RegExp[]; determiners: ReadonlySet<string>; kindWords: ReadonlySet<string>; of: ReadonlySet<string>; ends: ReadonlySet<string> }> = {
  fr: {
    shapes: [
      // "est-ce qu'il y a un toboggan", "y a-t-il une borne", "il y a un club", "y a une machine"
      /(?:^|\s)(?:il y a|y a t il|y a til|y aurait il|y a)\s+(.+)$/u,
      // "louez-vous des vélos", "acceptez vous les chèques", "avez-vous une location"
      /^(?:est ce que\s+)?\p{L}+(?:ez|es)\s+vous\s+(.+)$/u,
      // "vous prenez la carte acsi", "vous avez un parking"
      /^(?:est ce que\s+)?vous\s+\p{L}+(?:ez|es)\s+(.+)$/u,
      // "les mobil-homes ont-ils la climatisation", "la tente a-t-elle une terrasse"
      /\s(?:ont ils|ont elles|a t il|a t elle)\s+(.+)$/u,
      // "quel est le code du wifi", "quelle est la gare la plus proche"
      /^(?:quel|quelle|quels|quelles)\s+(?:est|sont|etait|serait)\s+(.+)$/u,
      // "où se trouve le médecin le plus proche" (and as chat's typo correction may leave it, "où se trouver …")
      /^(?:ou|est ce qu il y a)\s+(?:se trouvent|se trouver|se trouve|est|sont|trouver)\s+(.+)$/u,
      // "quel temps va-t-il faire"
      /^(?:quel|quelle|quels|quelles)\s+(\p{L}+.*)$/u,
      // "peut-on louer un kayak", "est-ce qu'on peut avoir du pain", "puis-je venir avec mon chien": what the verb
      // after "can I / can we" is done to or with.
      /^(?:est ce qu on peut|est ce que je peux|est ce que l on peut|peut on|puis je|pouvons nous|on peut|je peux)\s+\p{L}+(?:er|ir|re)(?:\s+(?:avec|en|par))?\s+(.+)$/u,
    ],
    // "payer en plusieurs fois": a count before the noun is no thing asked about.
    determiners: new Set("un une des du de d le la les l votre vos notre nos mon ma mes ton ta tes son sa ses ce cet cette ces au aux quelques plusieurs certains certaines".split(" ")),
    // "vous avez combien de chevaux": "combien", like "le prix", names the kind of fact; the thing is what follows "de".
    kindWords: new Set("montant prix tarif tarifs cout couts numero adresse heure heures horaire horaires nom date dates jour jours age duree combien nombre".split(" ")),
    of: new Set(["de", "du", "des", "d"]),
    ends: new Set("pour avec dans sur en a au aux chez sans par pendant si quand avant apres entre vers depuis ou et mais qui que qu dont va vont est sont".split(" ")),
  },
  es: {
    shapes: [
      // "¿hay piscina?", "¿hay un cajero cerca?"
      /(?:^|\s)hay\s+(.+)$/u,
      // "¿puedo llevar a mi perro?", "¿se puede pagar con bizum?": what the verb after "can I" is done to or with.
      /^(?:se\s+)?(?:puedo|podemos|puede|pueden|podeis|podria|podriamos)\s+\p{L}+(?:ar|er|ir)(?:\s+(?:a|con|mediante))?\s+(.+)$/u,
      // "¿tienen wifi?", "¿aceptan perros?", "¿alquilan bicicletas?", "¿venden comida?"; visitors' "vosotros" forms
      // ("¿tenéis alojamiento?", "¿aceptáis bizum?", "¿dais clases?"). "Quién" ends as those verbs do but asks for a
      // person: "¿quién dirige la academia?" asks who, not about "dirige".
      /^(?!(?:quien|quienes|cuan)\s)(?:ustedes\s+|vosotros\s+)?\p{L}+(?:an|en|ais|eis)\s+(.+)$/u,
      // "¿cuál es el código del wifi?", "¿dónde está el médico más cercano?"
      /^(?:cual|cuales)\s+(?:es|son)\s+(.+)$/u,
      /^(?:donde)\s+(?:esta|estan|se encuentra|se encuentran|queda|hay)\s+(.+)$/u,
    ],
    determiners: new Set("un una unos unas el la los las lo del al su sus vuestro vuestra vuestros vuestras mi mis este esta estos estas algun alguna algunos algunas varios varias cuantos cuantas".split(" ")),
    kindWords: new Set("precio precios tarifa tarifas coste costo costos numero direccion hora horas horario horarios nombre fecha fechas dia dias edad duracion importe".split(" ")),
    of: new Set(["de", "del"]),
    ends: new Set("para con en sobre por sin durante si cuando antes despues entre hacia desde o y pero que cual a al cerca".split(" ")),
  },
};

/** The word joining a noun to the infinitive of its use ("machine à laver", "máquina de lavar"), and infinitives. */
const INFINITIVE_LINK: Record<"fr" | "es", string> = { fr: "a", es: "de" };
const INFINITIVE: Record<"fr" | "es", RegExp> = { fr: /^\p{L}{2,}(?:er|ir|re)$/u, es: /^\p{L}{2,}(?:ar|er|ir)$/u };

function romanceSubject(question: string, language: "fr" | "es"): string[] {
  const { shapes, determiners, kindWords, of, ends } = ROMANCE[language];
  const text = fold(askingClause(question))
    .replace(/[¿?¡!.]+/gu, " ")
    .replace(/['’`-]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  for (const shape of shapes) {
    const match = shape.exec(text);
    if (!match) continue;
    const words = match[1]!.split(" ");
    let index = 0;
    while (index < words.length && determiners.has(words[index]!)) index += 1;
    let head = words[index];
    // "le montant de la caution": the kind of fact asked for, then what it is of.
    if (head && kindWords.has(head) && of.has(words[index + 1] ?? "")) {
      index += 1;
      while (index < words.length && (determiners.has(words[index]!) || of.has(words[index]!))) index += 1;
      head = words[index];
    }
    if (!head || kindWords.has(head) || ends.has(head)) return [];
    // "une machine à laver", "una máquina de coser": a noun and the infinitive that says what it is for are one thing.
    const [link, verb] = [words[index + 1], words[index + 2]];
    if (link === INFINITIVE_LINK[language] && verb && INFINITIVE[language].test(verb)) return contentTerms(`${head} ${verb}`);
    return contentTerms(head);
  }
  return [];
}

/**
 * German questions asking what a thing costs ("was kostet eine Dauerwelle", "wie viel kosten Strähnchen", "wie teuer
 * ist ein Herrenschnitt", "was zahlt man für den Bart") or whether there is one ("gibt es einen Parkplatz", "habt ihr
 * Gutscheine"): the thing is the noun phrase after the verb, up to a preposition or a clause word ("ein Haarschnitt
 * für meinen Sohn" → "haarschnitt"). Read on folded words, as the French and Spanish shapes are. "Kostet" is the only
 * word such a question shares with "Die Anfahrt kostet 30 €": without the thing, any price answered it.
 */
const GERMAN_SHAPES: readonly RegExp[] = [
  /^(?:was|wie ?viel|wieviel)\s+(?:kostet|kosten|kostest)\s+(.+)$/u,
  /^wie teuer\s+(?:ist|sind|wird|werden|ware|waren|kommt|kommen)\s+(.+)$/u,
  /^was\s+(?:zahlt|bezahlt|zahle|bezahle|zahlen|bezahlen)\s+(?:man|ich|wir)\s+(?:fur|bei euch fur|bei ihnen fur)\s+(.+)$/u,
  /^(?:gibt es|gibts|habt ihr|haben sie|hast du|bietet ihr|bieten sie|verkauft ihr|verkaufen sie)\s+(.+)$/u,
];
/** Articles, "bei euch" and fillers before the thing ("was kostet bei euch eigentlich ein Bartschnitt"). */
const GERMAN_BEFORE = new Set("ein eine einen einem einer eines der die das den dem des bei euch ihnen dir auch noch denn eigentlich so mal etwa ungefahr zurzeit aktuell jetzt".split(" "));
/** Where the thing ends: a preposition, a conjunction, the start of another clause. */
const GERMAN_ENDS = new Set("fur bei mit in im am an auf nach zu zum zur von vom ab bis ohne um pro je wenn als oder und aber dass weil ob wie was".split(" "));

function germanSubject(question: string): string[] {
  const text = fold(askingClause(question))
    .replace(/[?!.]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  for (const shape of GERMAN_SHAPES) {
    const match = shape.exec(text);
    if (!match) continue;
    const words = match[1]!.split(" ");
    let index = 0;
    while (index < words.length && GERMAN_BEFORE.has(words[index]!)) index += 1;
    const phrase: string[] = [];
    for (const word of words.slice(index)) {
      if (GERMAN_ENDS.has(word)) break;
      phrase.push(word);
    }
    return contentTerms(phrase.join(" "));
  }
  return [];
}

/**
 * Prepositions whose object narrows the thing a French, Spanish or German question asks about: "des cours de natation",
 * "clases de japonés", "la location d'une planche de surf", "cursos intensivos en agosto", "payer en espèces", "eine
 * Kundenkarte mit Punkten". Words of counting or of a span before "de" ("combien de degrés", "a partir de", "cerca de")
 * open no such object.
 */
const NARROWING: Record<"fr" | "es" | "de", ReadonlySet<string>> = {
  fr: new Set(["de", "d", "du", "des", "en"]),
  es: new Set(["de", "del", "en"]),
  de: new Set(["mit"]),
};
/** Articles and possessives before the noun, in the three languages (folded). */
const DETERMINERS = new Set([...ROMANCE.fr.determiners, ...ROMANCE.es.determiners, ...GERMAN_BEFORE]);
/** Interrogatives that may follow a preposition ("en combien de temps", "de qué", "mit wem"). */
const ASKING = new Set("combien quand quoi quel quelle quels quelles qui que cuanto cuanta cuantos cuantas cuando que quien cual donde wem was wann wie welche welcher welchem welchen".split(" "));
const NOT_NARROWED = new Set("combien cuanto cuanta cuantos cuantas partir pres cote cerca antes despues avant apres lejos loin moins plus".split(" "));
/**
 * Nouns that make a preposition with the "de" (or "a") after them: "en caso de desempleo", "en cas d'annulation", "en
 * vez de", "au lieu de", "en raison de". They narrow nothing; the noun after their "de" does.
 */
const PREPOSITION_NOUNS = new Set("caso cas vez lugar lieu raison funcion fonction face dehors medio frente torno contra cara acuerdo".split(" "));
const PREPOSITION_NOUN_ENDS = new Set(["de", "d", "del", "du", "des", "a", "al", "con"]);

/**
 * The words of the phrases a narrowing preposition opens in the clause that asks (see NARROWING), up to the next
 * preposition or clause word: "y a-t-il des cours de natation pour les enfants" → ["natation"], "abrís en semana santa"
 * → ["semana", "santa"]. [] for English and other languages.
 */
export function narrowingWords(question: string): string[] {
  const language = questionLanguage(question);
  if (language !== "fr" && language !== "es" && language !== "de") return [];
  const opens = NARROWING[language];
  const ends = language === "de" ? GERMAN_ENDS : ROMANCE[language].ends;
  const words = fold(askingClause(question))
    .replace(/[¿?¡!.]+/gu, " ")
    .replace(/['’`-]/gu, " ")
    .split(/\s+/u)
    .filter(Boolean);
  const narrowing: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    if (!opens.has(words[index]!) || NOT_NARROWED.has(words[index - 1] ?? "")) continue;
    // The noun after the determiners: what follows it may be a verb ("de la caution se fait quand", "mit der Farbe
    // unzufrieden bin", "mit Karte zahlen") or an interrogative ("en combien de temps").
    let at = index + 1;
    while (at < words.length && DETERMINERS.has(words[at]!)) at += 1;
    const head = words[at];
    if (head === undefined || opens.has(head) || ends.has(head) || ASKING.has(head)) continue;
    if (PREPOSITION_NOUNS.has(head) && PREPOSITION_NOUN_ENDS.has(words[at + 1] ?? "")) continue;
    narrowing.push(...contentTerms(head));
  }
  return [...new Set(narrowing)];
}

/** "who is the head lifeguard", "who's your accountant", "who are the instructors": the role after the verb. */
const WHO_IS = /^who(?:'s|\s+is|\s+are|\s+was)\s+(.+)$/iu;
/** "who does the bodywork", "who does bike fitting" — not "who do I talk to …", where the visitor is the one doing. */
const WHO_DOES = /^who\s+(?:does|do)\s+(?!(?:i|we|you|u|ya|they|he|she|it|my|our)\b)(.+)$/iu;
/** "who cleans the studio", "who teaches yin": the job is the verb and its object. */
const WHO_VERB = /^who\s+(\p{L}+(?:s|ed))\s+(.+)$/iu;

/**
 * The words of the role or job an English who-question asks about: the role after "who is" ("who is the head
 * lifeguard at redland" → head, lifeguard), the task after "who does" ("who does the bodywork" → bodywork), the verb
 * and its object of "who cleans the studio" (cleans, studio), each up to where its phrase ends (see ENDS_PHRASE).
 * [] for other questions, and for "who do I talk to about …", which asks whom to contact rather than who holds a role.
 */
export function askedRoleWords(question: string): string[] {
  if (questionLanguage(question) !== "en") return [];
  const clause = askingClause(question).trim().replace(/[?？!.]+$/u, "").trim();
  const role = WHO_IS.exec(clause) ?? WHO_DOES.exec(clause);
  if (role) return phraseWords(role[1]!);
  const job = WHO_VERB.exec(clause);
  return job ? [...contentTerms(job[1]!), ...phraseWords(job[2]!)] : [];
}

/**
 * The words of the role an English "who is …" question names ("who is the sales manager" → sales, manager), the part
 * of askedRoleWords that is a role's name rather than a task ("who does bike fitting", "who owns the shop", said in
 * many ways: "does bike fits", "run by"). [] for other questions.
 */
export function askedRoleName(question: string): string[] {
  if (questionLanguage(question) !== "en") return [];
  const role = WHO_IS.exec(askingClause(question).trim().replace(/[?？!.]+$/u, "").trim());
  return role ? phraseWords(role[1]!) : [];
}

/** "what happens if …", "what would happen to my deposit if …", "what if …": the case follows "if". */
const CONSEQUENCE_CASE = /^what\s+(?:(?:happens|happened|will\s+happen|would\s+happen)\b.*?\bif|if)\s+(.+)$/iu;
/** Who a case happens to or is done by, when a pronoun: its verb follows. */
export const CASE_PERSON = new Set("i we you they he she someone somebody anyone anybody".split(" "));
/** A pronoun and "be" in one ("I'm 20 minutes late"): what follows is the state, as after "is". */
export const CASE_PERSON_BE = new Set("i'm im we're were you're youre they're theyre he's she's".split(" "));
/** The determiner of a thing the case happens to ("my dog bites", "the hire bike gets stolen"). */
export const CASE_DETERMINERS = new Set("my our your the his her their a an this that".split(" "));
/** Words between who and the verb that say nothing of the event ("I don't pay", "we accidentally break"). */
export const CASE_AUX = new Set(
  "do does did don't doesn't didn't dont doesnt didnt can can't cant cannot could couldn't will won't would wouldn't should just accidentally ever never only then still also really actually forget forgot to".split(" "),
);
/**
 * "gets stolen", "is off sick", "get a parking ticket", "there's a flood", "falls ill": the event is what follows ("fall"
 * as in "fall ill / sick" links a state, as "become" does).
 */
export const CASE_STATE_VERBS = new Set("get gets got getting is are was were be been become becomes fall falls fell there's theres".split(" "));
const CASE_STATE_SKIP = new Set(["a", "an", "some", "any", "off", "not", "really", "very", "too", "being"]);

/**
 * The word naming the event of the case an English consequence question asks about: the verb after who it happens to
 * ("what happens if I crash the hire bike" → "crash", "what if my dog bites one of your staff" → "bites"), or the state
 * or thing after "get" / "be" / "there's" ("what if the hire bike gets stolen" → "stolen", "what if I get a parking
 * ticket during a lesson" → "ticket", "if there's a flood in my unit" → "flood"). Read from the shape alone, without
 * a tagger: a case whose shape is not one of these ("the faucet I bought myself breaks"), or whose verb has a particle
 * ("turn up", "call off"), has no event word here.
 * undefined for any other question.
 */
export function consequenceCaseEvent(question: string): string | undefined {
  if (questionLanguage(question) !== "en") return undefined;
  const clause = askingClause(question).trim().replace(/[?？!.]+$/u, "").trim();
  const asked = CONSEQUENCE_CASE.exec(clause);
  if (!asked) return undefined;
  const words = asked[1]!.toLowerCase().replace(/[’`]/gu, "'").split(/[\s,;:]+/u).filter(Boolean);
  const event = (word: string | undefined) => (word === undefined ? undefined : contentTerms(word)[0]);
  const state = words.findIndex((word) => CASE_STATE_VERBS.has(word) || CASE_PERSON_BE.has(word));
  if (state >= 0) {
    // The phrase after "get" / "be", up to where it ends: its last word is its head ("a parking ticket", "off ill").
    const phrase: string[] = [];
    for (const word of words.slice(state + 1)) {
      if (ENDS_PHRASE.has(word)) break;
      if (phrase.length === 0 && CASE_STATE_SKIP.has(word)) continue;
      phrase.push(word);
    }
    // "we get back after …": a particle alone names no event.
    const head = phrase.at(-1);
    return head === undefined || PARTICLES.has(head) ? undefined : event(head);
  }
  let at = 0;
  if (CASE_PERSON.has(words[0]!)) at = 1;
  else if (CASE_DETERMINERS.has(words[0]!)) at = 2;
  else return undefined;
  while (at < words.length && CASE_AUX.has(words[at]!)) at += 1;
  const verb = words[at];
  // "the leak you fixed comes back": a clause about the thing before its verb; no event read here.
  if (verb === undefined || CASE_PERSON.has(verb) || CASE_DETERMINERS.has(verb)) return undefined;
  // "turn up late", "call off my appointment", "pick up my bike": the verb with its particle means what neither says
  // alone ("arrive", "cancel", "collect"), and the sources say it in those words.
  if (PARTICLES.has(words[at + 1] ?? "") && !PLACES.has(words[at + 1]!)) return undefined;
  return event(verb);
}
