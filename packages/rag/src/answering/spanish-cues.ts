import type { AnswerType } from "./question-type";

/**
 * Spanish next to question-type.ts's English tables, german-cues.ts and french-cues.ts: the interrogatives and cue
 * words that say what kind of fact a Spanish question asks for, and the forms a Spanish sentence states that fact in
 * ("de 17:00 a 18:00", "79 € al mes", "tres semanas", "Calle Sueca 42"). Visitors type Spanish without its accents
 * and its opening "¿" ("cuanto cuesta", "a que hora"), so patterns accept both. Patterns see the question or sentence
 * as written; type words see tokens, which are lowercased and folded ("cuánto" → "cuanto").
 */

const A = "[aá]";
const E = "[eé]";
const I = "[ií]";
const O = "[oó]";
const U = "[uú]";
/** "cuánto", "cuánta", "cuántos", "cuántas", with or without the accent. */
const CUANT = `cu${A}nt`;

/** Interrogatives opening a Spanish question or clause; "cuánto tiempo" asks for a duration, so it comes first. */
export const spanishLeadPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  // "cuánto tiempo", "cuánto dura", "con cuánta antelación", "cuántos días", "qué duración".
  ["duration", new RegExp(`^(?:(?:con|en|durante|por) )?(?:${CUANT}[oa]s? (?:tiempo|antelaci${O}n|minutos|horas|d${I}as|semanas|meses)|${CUANT}o (?:dura|tarda|se tarda)|qu${E} duraci${O}n|cu${A}l es la duraci${O}n)(?!\\p{L})`, "iu")],
  // "qué edad", "a partir de qué edad", "desde qué edad", "con qué edad", "cuántos años hay que tener".
  ["age", new RegExp(`^(?:(?:a partir de|desde|con|hasta|de) )?qu${E} edad(?!\\p{L})|^${CUANT}os a(?:ñ|n)os (?:hay que|tiene que|tienen que|debe|deben) tener(?!\\p{L})`, "iu")],
  ["frequency", new RegExp(`^(?:cada ${CUANT}o|con qu${E} frecuencia|${CUANT}as veces)(?!\\p{L})`, "iu")],
  // "cuánto cuesta", "cuánto pago", "cuánto es", "qué precio tiene": money, unless counting ("cuántos alumnos").
  ["price", new RegExp(`^(?:${CUANT}o(?! (?:tiempo|antelaci${O}n|dura|tarda)(?!\\p{L}))|qu${E} (?:precio|tarifa|coste|cuesta|vale)|cu${A}l es (?:el|la) (?:precio|tarifa|coste|importe))(?!\\p{L})`, "iu")],
  ["phone", new RegExp(`^(?:(?:a )?qu${E} n${U}mero|cu${A}l es (?:el|vuestro|su) (?:n${U}mero|tel${E}fono)|a qui${E}n (?:llamo|llamar|tengo que llamar|hay que llamar))(?!\\p{L})`, "iu")],
  // "a qué hora", "hasta qué hora", "hasta cuándo", "desde cuándo", "qué días", "en qué horario".
  ["time", new RegExp(`^(?:(?:a|hasta|desde|a partir de) qu${E} hora|(?:hasta|desde|a partir de) cu${A}ndo|cu${A}ndo|qu${E} d${I}as|(?:en )?qu${E} horarios?|cu${A}l es el horario)(?!\\p{L})`, "iu")],
  ["person", new RegExp(`^(?:(?:con|a|de|por|para) )?qui${E}n(?:es)?(?!\\p{L})`, "iu")],
  // "dónde", "a dónde", "por dónde", "en qué calle", "cómo llego": "donde" without its accent opens no clause of a
  // statement at the start of a question, so it reads as the interrogative too.
  ["place", new RegExp(`^(?:(?:a|por|de) )?d${O}nde|^ad${O}nde|^en qu${E} (?:calle|direcci${O}n|zona|barrio|sitio|lugar|planta|piso)|^c${O}mo (?:llego|se llega|puedo llegar|llegar)(?!\\p{L})`, "iu")],
  ["quantity", new RegExp(`^${CUANT}[oa]s(?!\\p{L})`, "iu")],
];

/** Cue words anywhere in a Spanish question (see question-type.ts's questionPatterns). */
export const spanishQuestionPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  // "pagar" alone asks how to pay ("se puede pagar con tarjeta"), not how much.
  ["price", new RegExp(`(?<!\\p{L})(?:precios?|tarifas?|cuestan?|valen?|coste|costo|${CUANT}o(?! (?:tiempo|antelaci${O}n|dura|tarda)(?!\\p{L}))|gratis|gratuit[oa]s?|descuentos?|caro|cara|barat[oa]s?|importe)(?!\\p{L})`, "iu")],
  ["duration", new RegExp(`(?<!\\p{L})(?:${CUANT}o tiempo|${CUANT}a antelaci${O}n|${CUANT}o dura|duraci${O}n)(?!\\p{L})`, "iu")],
  ["frequency", new RegExp(`(?<!\\p{L})(?:cada ${CUANT}o|con qu${E} frecuencia)(?!\\p{L})`, "iu")],
  // "cuándo" with its accent asks when wherever it stands ("el final del curso, cuándo es"); without it, only ending
  // the question ("la matrícula se paga cuando?"): inside, it is as often "when" of a condition.
  ["time", new RegExp(`(?<!\\p{L})(?:(?:a|hasta|desde) qu${E} hora|horarios?|abr(?:${I}s|e|en|ir)|abiert[oa]s?|cierr(?:a|an)|cerr${A}is|cerrad[oa]s?|cuándo)(?!\\p{L})|(?<!\\p{L})cuando\\s*[?!.]*\\s*$`, "iu")],
  ["phone", new RegExp(`(?<!\\p{L})(?:n${U}mero de (?:tel${E}fono|m${O}vil)|tel${E}fono|llamar|llamo|m${O}vil)(?!\\p{L})`, "iu")],
  // "qué parada de metro me queda más cerca", "el parking más cercano": the nearest one is a place.
  ["place", new RegExp(`(?<!\\p{L})(?:direcci${O}n|d${O}nde|ubicad[oa]s?|situad[oa]s?|c${O}mo llego|m${A}s cerca(?:n[oa]s?)?)(?!\\p{L})`, "iu")],
  ["quantity", new RegExp(`(?<!\\p{L})${CUANT}[oa]s(?!\\p{L})`, "iu")],
];

/**
 * Street words, their first letter in either case. Patterns that look for a capital after them are case-sensitive:
 * under the "i" flag \p{Lu} matches any letter, and "la plaza queda reservada" is a seat, not a square.
 */
const STREET = `(?:${"calle avenida avda. paseo plaza carretera camino ronda travesía travesia".split(" ").map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1).replace(".", "\\.")}`).join("|")}|[Cc]/)`;

const spanishNumber = `(?:\\d+(?:[.,]\\d+)?|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|noventa|media|medio|unos|unas|varios|varias)`;
const spanishWeekday = `(?:lunes|martes|mi${E}rcoles|jueves|viernes|s${A}bados?|domingos?|fines? de semana|festivos?|laborables|todos los d${I}as|a diario)`;
const spanishMonth = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

/** Forms in which a Spanish sentence states each kind of fact (tried besides question-type.ts's answerPatterns). */
export const spanishAnswerPatterns: Partial<Record<AnswerType, RegExp>> = {
  price: /(?<!\p{L})(?:gratis|gratuit[oa]s?|sin coste|sin cargo)(?!\p{L})/iu,
  // "de 9 a 14 h", "a las 8", "cerrado", "los sábados", "14 de septiembre", "mediodía".
  time: new RegExp(`(?<![\\p{L}\\d])\\d{1,2}\\s?h(?![\\p{L}\\d])|(?<!\\p{L})(?:a las \\d{1,2}|${spanishWeekday}|${spanishMonth}|mediod${I}a|medianoche|cerrad[oa]s?|abiert[oa]s?)(?!\\p{L})`, "iu"),
  duration: new RegExp(`(?<!\\p{L})${spanishNumber}(?:\\s?(?:a|-|–|o)\\s?${spanishNumber})?\\s(?:minutos?|min|horas?|d${I}as?|noches?|semanas?|mes|meses|a(?:ñ|n)os?)(?!\\p{L})`, "iu"),
  frequency: /(?<!\p{L})(?:cada|una vez|dos veces|al (?:d[ií]a|mes|año|ano)|a la semana|por (?:semana|mes|año|ano)|diario|semanal|mensual|anual)(?!\p{L})/iu,
  // "Anna Schneider imparte alemán", "Marcos Gil se ocupa de…", "la directora es Lucía Ferrer", "la Dra. Ruiz". A
  // determiner or a weekday never opens a name ("Los Lunes abre", "El Centro es").
  person: new RegExp(
    `(?<!\\p{L})(?!(?:[EeLl](?:l|a|os|as)|[Uu]n[ao]?|[Nn]uestr[oa]s?|[Ss]us?|[Ee]st[eao]s?|[Cc]ada|[Tt]odos?|[Tt]odas?)\\s)\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+\\s+(?:es|son|fue|se\\s+ocupa|se\\s+encarga|lleva|dirige|coordina|imparte|ense(?:ñ|n)a|da|atiende|trabaja|prepara|fund${O})(?!\\p{L})` +
      `|(?<!\\p{L})(?:director|directora|profesor|profesora|responsable|coordinador|coordinadora|fundador|fundadora|due(?:ñ|n)[oa]|gerente|encargad[oa]|recepcionista|veterinari[oa]|fisioterapeuta|m${E}dic[oa]|doctora?|monitora?|entrenador|entrenadora)(?:\\s+\\p{Ll}+)?\\s+(?:es|son|ser${A})\\s+\\p{Lu}\\p{Ll}+` +
      `|(?<!\\p{L})(?:Dra?|Sra?|Srta)\\.?\\s+\\p{Lu}\\p{Ll}+` +
      // A staff list's row, "Nombre: Lucía Ferrer; Cargo: Directora; …", as English "Name: …" (question-type.ts).
      `|(?<!\\p{L})[Nn]ombre:\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+|\\s*(?:;|$))`,
    "u",
  ),
  // A street word before a name or a number ("Calle Sueca 42", "plaza de la Reina"), a postcode before a town, a
  // station or a distance from one. "La plaza queda reservada" is a seat, "la planta baja" a floor.
  place: new RegExp(`(?<!\\p{L})${STREET}\\s+(?:de(?:l| la| los| las)?\\s+)?(?:\\p{Lu}|\\d)|(?<!\\d)\\d{5}\\s+\\p{Lu}|(?<!\\p{L})(?:[Ee]staci${O}n|[Pp]arada|[Mm]etro|junto a|enfrente de|al lado de|frente a|cerca de|esquina|planta baja|\\d+[ªº]? planta|a \\d+ metros)(?!\\p{L})`, "u"),
  quantity: /(?<!\p{L})(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte)(?!\p{L})/iu,
  age: /(?<!\p{L})(?:a partir de (?:los )?\d+ a(?:ñ|n)os|(?:mayores|menores) de \d+|de \d+ a \d+ a(?:ñ|n)os|\d+ a(?:ñ|n)os (?:o m[aá]s|en adelante|cumplidos)|edad)(?!\p{L})/iu,
  distance: /(?<!\p{L})(?:\d+(?:[.,]\d+)?\s?(?:km|kil[oó]metros?|metros?|m)|(?:\d+|un|una|dos|tres|cinco|diez|quince) minutos (?:a pie|andando|caminando|en coche))(?!\p{L})/iu,
};

/** Spanish question words that only name the kind of fact (tokens: lowercased, diacritics folded). */
export const spanishTypeWords: Partial<Record<AnswerType, RegExp>> = {
  price: /^(?:precio|precios|tarifa|tarifas|cuesta|cuestan|vale|valen|coste|costo|cuanto|importe|gratis|gratuito|gratuita|caro|barato)$/u,
  duration: /^(?:tiempo|dura|duracion|tarda|antelacion)$/u,
  frequency: /^(?:frecuencia|veces)$/u,
  time: /^(?:hora|horas|dias|horario|horarios|cuando|abris|abre|abren|abierto|abierta|cierra|cierran|cerrais|cerrado|cerrada)$/u,
  // "con quién tengo que hablar", "a quién pregunto": whom to address is the person a sentence names.
  person: /^(?:quien|quienes|hablar|hablo|preguntar|pregunto|dirigirme|dirijo)$/u,
  place: /^(?:donde|adonde|direccion|ubicado|ubicada|situado|situada)$/u,
  // "teléfono" names the thing more than the kind: "Teléfono 963 41 27 58" before a WhatsApp number.
  phone: /^(?:numero|llamar|llamo)$/u,
  quantity: /^(?:cuantos|cuantas|numero)$/u,
  age: /^(?:edad|anos)$/u,
  distance: /^(?:lejos|distancia)$/u,
};

/** A Spanish street address: "Calle Sueca 42", "Avenida del Puerto 3", "C/ Mayor, 12". */
export const spanishStreetAddress = new RegExp(`(?<!\\p{L})${STREET}\\s+(?:de(?:l| la| los| las)?\\s+)?\\p{Lu}[\\p{L} ]*,?\\s+\\d+`, "u");

/**
 * Spanish words of asking that name no topic, as tokens (lowercased, folded), beyond the package's short stop-word
 * list (59 words, no verb): "hay …", "tenéis …", "se puede …", "puedo …" ask whether, like English "is there", "do you
 * have", "can I"; the pronouns of who asks or is asked ("vosotros", "usted", "os"); "exactamente", "por favor",
 * "hola" only soften the question; "cada", "todos" are determiners. Words English also writes ("son", "soy", "dan") are left out.
 */
export const spanishAskingWords: ReadonlySet<string> = new Set(
  ("hay habia habra tienen teneis tiene tengo tenemos puedo puede pueden podeis podemos podria podrian os usted ustedes vosotros vosotras " +
    "esta estan estais sois haceis hacen hace dais da exactamente favor hola gracias algun alguna algo cada todo toda todos todas")
    .split(" "),
);

/**
 * Persons, infinitives, participles and verbal nouns of Spanish verbs, folded: a visitor asks "¿cuánto tiempo lo
 * guardáis?" of "Guardamos los objetos…", "¿la puedo recuperar?" of "no se recuperan", "¿se puede aparcar?" under
 * "Aparcamiento". Retrieval's endings pair gender and number only (word-endings.ts).
 */
const SPANISH_VERB_ENDINGS: ReadonlySet<string> = new Set(
  "ar ir o a as an e es en amos emos imos ais eis is ado ada ados adas ido ida idos idas ando iendo amiento imiento".split(" "),
);
/** English words differ by these endings too ("charge" ~ "charges"), harmlessly; a stem of five letters keeps them rare. */
const VERB_STEM = 5;

/**
 * A second-conjugation infinitive ("recoger", "atender") pairs with the endings only Spanish writes: "-er" ~ "-es" / "-e"
 * would pair English "charger" ~ "charges" / "charge".
 */
const ER_PAIRS: ReadonlySet<string> = new Set("o en emos eis ido ida idos idas iendo imiento".split(" "));

/**
 * An infinitive or gerund with its pronouns attached ("recogerlo", "dejaros", "cambiarla", "dejárnoslo",
 * "haciéndolo"), folded: the verb without them ("recoger", "dejar", "cambiar", "haciendo"). An imperative takes two
 * ("cámbiamelo" → "cambia"): one alone would cut nouns ("escuela", "clase").
 */
const ENCLITIC = /^(\p{L}{2,}(?:ar|er|ir|ando|iendo|yendo))(?:me|te|se|nos|os|le|les|lo|la|los|las)(?:le|les|lo|la|los|las)?$|^(\p{L}{3,}[aei])(?:me|te|se|nos|os)(?:lo|la|los|las)$/u;

/** The verb of a folded word without its attached pronouns (see ENCLITIC), or the word itself. */
export function withoutEnclitic(word: string): string {
  const match = ENCLITIC.exec(word);
  return match ? (match[1] ?? match[2]!) : word;
}

/**
 * Whether two folded words are forms of one Spanish verb (see SPANISH_VERB_ENDINGS): "guardais" ~ "guardamos", also with
 * pronouns attached ("recogerlo" ~ "recogemos", "dejaros" ~ "dejarnos") or a stem's "ue" / "ie" for its "o" / "e"
 * ("descuentan" ~ "descontais", "cierran" ~ "cerrais").
 */
export function sameSpanishVerb(a: string, b: string): boolean {
  const [bareA, bareB] = [withoutEnclitic(a), withoutEnclitic(b)];
  if ((bareA !== a || bareB !== b) && bareA === bareB) return true;
  if (sameVerbForms(bareA, bareB)) return true;
  const [plainA, plainB] = [undiphthonged(bareA), undiphthonged(bareB)];
  return (plainA !== bareA || plainB !== bareB) && sameVerbForms(plainA, plainB);
}

/** A stem's diphthong as the verb's unstressed forms write it: "cuent-" → "cont-", "cierr-" → "cerr-" (once, in the stem). */
function undiphthonged(word: string): string {
  const match = /^(\p{L}*?[^aeiougq])(ue|ie)([^aeiou]\p{L}*)$/u.exec(word);
  return match ? `${match[1]}${match[2] === "ue" ? "o" : "e"}${match[3]}` : word;
}

function sameVerbForms(a: string, b: string): boolean {
  let common = 0;
  const shorter = Math.min(a.length, b.length);
  while (common < shorter && a[common] === b[common]) common += 1;
  if (common < VERB_STEM) return common >= 3 && (nounOfVerb(a, b, common) || nounOfVerb(b, a, common));
  // The shared part may end in the verb's vowel ("recupera|r" ~ "recupera|n"): give it back so both endings are whole.
  for (let stem = common; stem >= VERB_STEM && stem >= common - 1; stem -= 1) {
    const [endA, endB] = [a.slice(stem), b.slice(stem)];
    if (SPANISH_VERB_ENDINGS.has(endA) && SPANISH_VERB_ENDINGS.has(endB)) return true;
    if ((endA === "er" && ER_PAIRS.has(endB)) || (endB === "er" && ER_PAIRS.has(endA))) return true;
  }
  return false;
}

/** "pagar" ~ "pagos", "cambiar" ~ "cambio": an infinitive and the noun of its stem, for short stems too. */
function nounOfVerb(verb: string, noun: string, common: number): boolean {
  return verb.length >= 5 && noun.length >= 5 && /^(?:ar|ir)$/u.test(verb.slice(common)) && /^(?:o|os|a|as)$/u.test(noun.slice(common));
}

/**
 * A Spanish yes/no question, as visitors ask it (the opening "¿" and the accents optional): "hay …", "se puede …",
 * "puedo …", "es posible …", a "vosotros"/"ustedes" verb ("tenéis parking?", "aceptan tarjeta?", "dais
 * certificado?"), after "y", "también", "pero" too ("tb hay clases de portugués?" read as "también hay …"). A clause
 * holding an interrogative ("hay que pagar cuánto", "qué días hay clase") asks for it.
 */
export const spanishYesNo = new RegExp(
  `^¿?\\s*(?:(?:y|tambi${E}n|pero|entonces|oye) )?(?:hay|se (?:puede|pueden|admite|admiten|acepta|aceptan|permite|permiten)|puedo|podemos|puede|pueden|pod${E}is|es posible|existe|ten${E}is|tienen|tiene|tienes|acept${A}is|aceptan|hac${E}is|hacen|dais|dan|ofrec${E}is|ofrecen|abr${I}s|abren|cerr${A}is|cierran|sois|son|est${A}|est${A}n|est${A}is|incluye|va incluid[oa]|entra|me dais|me dan|os puedo|se os puede|\\p{L}{3,}(?:[aá]is|[eé]is|ís))(?!\\p{L})`,
  "iu",
);
/** Interrogatives anywhere in a clause: accented ones, and unaccented "cuánto", "dónde", "quién", "qué hora/día…". */
const spanishInterrogative = new RegExp(
  `(?<!\\p{L})(?:qué|cuánt[oa]s?|cuándo|dónde|cómo|quién(?:es)?|cuál(?:es)?|cuant[oa]s?|donde|quien(?:es)?|que (?:hora|d[ií]as?|precio|tipo|horario|edad))(?!\\p{L})`,
  "iu",
);

/** Whether a Spanish clause asks yes or no (spanishYesNo, with no interrogative in it). */
export function isSpanishYesNo(clause: string): boolean {
  return spanishYesNo.test(clause) && !spanishInterrogative.test(clause);
}
