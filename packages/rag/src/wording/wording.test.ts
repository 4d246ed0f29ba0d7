import { describe, expect, it } from "vitest";
import { isYesNoQuestion } from "../answering/extractive-answer";
import { askingSentence } from "../answering/asking-sentence";
import { answerTypeOf } from "../answering/question-type";
import { expandChatSpeak } from "./chat-speak";
import { asQuestion, stripPreamble } from "./preamble";
import { correctSpelling, correctWord, oneSlipAway, PREFIX_LETTERS, slipDistance, slipInside, type VocabularyTerm } from "./spelling";
import { readVisitorQuestion } from "./visitor-question";

describe("chat-speak", () => {
  it("writes out general English chat-speak and abbreviations", () => {
    expect(expandChatSpeak("r u open tmrw")).toBe("are you open tomorrow");
    expect(expandChatSpeak("how many ppl in a class pls")).toBe("how many people in a class please");
    expect(expandChatSpeak("can i come b4 my appt w/ my son")).toBe("can i come before my appointment with my son");
    expect(expandChatSpeak("whats ur address")).toBe("whats your address");
    expect(expandChatSpeak("d'you sell gift cards")).toBe("do you sell gift cards");
  });

  it("reads 'yr' as year after a number and as your elsewhere", () => {
    expect(expandChatSpeak("my 5 yr old")).toBe("my 5 year old");
    expect(expandChatSpeak("is yr car park free")).toBe("is your car park free");
  });

  it("writes out French chat spelling in French questions only", () => {
    expect(expandChatSpeak("c koi l'adresse du camping")).toBe("c'est quoi l'adresse du camping");
    expect(expandChatSpeak("vs etes ouverts qd cette annee")).toBe("vous etes ouverts quand cette annee");
    expect(expandChatSpeak("vs louez des draps ? c combien pr un lit double")).toBe("vous louez des draps ? c'est combien pour un lit double");
    expect(expandChatSpeak("pq on peut pas faire de barbecue")).toBe("pourquoi on peut pas faire de barbecue");
    // English: "vs" is versus, "c" a letter.
    expect(expandChatSpeak("what is the price of plan c vs plan b")).toBe("what is the price of plan c vs plan b");
  });

  it("writes out Spanish chat spelling in Spanish questions only", () => {
    expect(expandChatSpeak("q dias hay clase para adultos")).toBe("que dias hay clase para adultos");
    expect(expandChatSpeak("tb dais descuento a hermanos?")).toBe("también dais descuento a hermanos?");
    expect(expandChatSpeak("xq no hay clase x la tarde")).toBe("por qué no hay clase por la tarde");
    expect(expandChatSpeak("hay clases de 2 hrs?")).toBe("hay clases de 2 horas?");
    // A letter next to a number is no chat: "3 x 2".
    expect(expandChatSpeak("hay una oferta de 3 x 2?")).toBe("hay una oferta de 3 x 2?");
    expect(expandChatSpeak("is it 3 x 2 m")).toBe("is it 3 x 2 m");
  });

  it("leaves English chat-speak unread in a German question: 'wen' is whom, not 'when'", () => {
    expect(expandChatSpeak("an wen wende ich mich wegen einer rechnung")).toBe("an wen wende ich mich wegen einer rechnung");
    expect(expandChatSpeak("wen can i call")).toBe("when can i call");
  });

  it("writes out German chat spelling in German questions only", () => {
    expect(expandChatSpeak("gibts gutscheine? ab wie viel euro")).toBe("gibt es gutscheine? ab wie viel euro");
    expect(expandChatSpeak("wie lang muss ich fuer ne balayage einplanen")).toBe("wie lang muss ich fuer eine balayage einplanen");
    expect(expandChatSpeak("is mein hund bei euch erlaubt?")).toBe("ist mein hund bei euch erlaubt?");
    expect(expandChatSpeak("is the net price shown")).toBe("is the net price shown");
  });

  it("reads a day's abbreviation as the day only where a day stands", () => {
    expect(expandChatSpeak("open on sat")).toBe("open on Saturday");
    expect(expandChatSpeak("open sat/sun")).toBe("open sat/Sunday");
    expect(expandChatSpeak("I sat in the sun")).toBe("I sat in the sun");
    expect(expandChatSpeak("open thurs")).toBe("open Thursday");
  });

  it("leaves capitals, words inside other words and other languages' words alone", () => {
    expect(expandChatSpeak("Block R or U")).toBe("Block R or U");
    expect(expandChatSpeak("Who is in HR")).toBe("Who is in HR");
    expect(expandChatSpeak("B&B rates")).toBe("B&B rates");
    expect(expandChatSpeak("wer macht bei euch bärte")).toBe("wer macht bei euch bärte");
    expect(expandChatSpeak("was kostet ein schnitt im salon")).toBe("was kostet ein schnitt im salon");
    expect(expandChatSpeak("Do you offer a student discount?")).toBe("Do you offer a student discount?");
  });
});

describe("greetings, lead-ins and thanks", () => {
  it("takes greetings and thanks off", () => {
    expect(stripPreamble("Hi there, do you take DKV insurance? Thanks!")).toBe("do you take DKV insurance");
    expect(stripPreamble("hey! are you open on saturday cheers")).toBe("are you open on saturday");
    expect(stripPreamble("Good morning. How much is a first visit? Many thanks in advance")).toBe("How much is a first visit");
  });

  it("takes lead-ins off and turns an if-clause back into the question", () => {
    expect(stripPreamble("hiya, just wondering what happens if i cancel")).toBe("what happens if i cancel");
    expect(stripPreamble("I was wondering if you are open late on Thursdays")).toBe("are you open late on Thursdays");
    expect(stripPreamble("could you tell me whether i can park outside")).toBe("can i park outside");
    expect(stripPreamble("hello. i have a question. do you sell gift cards")).toBe("do you sell gift cards");
    expect(stripPreamble("quick question - how long does a service take")).toBe("how long does a service take");
    expect(stripPreamble("sorry to bother you but where can i park")).toBe("where can i park");
    expect(asQuestion("if you do teeth whitening")).toBe("do you do teeth whitening");
    expect(asQuestion("if you take card payments")).toBe("do you take card payments");
    expect(asQuestion("if there is a lift")).toBe("is there a lift");
    expect(asQuestion("if you guys are open")).toBe("are you guys open");
  });

  it("keeps what is the question itself, and context the visitor gives", () => {
    expect(stripPreamble("Evening classes?")).toBe("Evening classes?");
    expect(stripPreamble("Hi-vis jackets for sale?")).toBe("Hi-vis jackets for sale?");
    expect(stripPreamble("Do you know Arabic?")).toBe("Do you know Arabic?");
    expect(stripPreamble("Question about parking: is it free")).toBe("Question about parking: is it free");
    expect(stripPreamble("I live in Delaware, which days can you come")).toBe("I live in Delaware, which days can you come");
    expect(stripPreamble("thanks")).toBe("thanks");
    expect(stripPreamble("Hello")).toBe("Hello");
  });

  it("leaves a plainly typed question exactly as it was", () => {
    for (const question of ["When are you open on Fridays?", "Can I pay by card?", "wie lange gilt ein gutschein", "Is there a lift? My mum can't manage stairs"]) {
      expect(readVisitorQuestion(question)).toBe(question);
    }
    expect(readVisitorQuestion("hi, r u open on sat? thx")).toBe("are you open on Saturday");
  });
});

describe("the sentence that asks", () => {
  it("is the last one with a question mark, else the last one", () => {
    expect(askingSentence("do you treat dogs? my greyhound has a bad leg")).toBe("do you treat dogs?");
    expect(askingSentence("We just moved here. do you take new patients")).toBe("do you take new patients");
    expect(askingSentence("Is Dr. Ferrer in on Mondays?")).toBe("Is Dr. Ferrer in on Mondays?");
  });

  it("decides whether a question is yes/no and what kind of fact it asks for", () => {
    expect(isYesNoQuestion("we are new to the area. do you take new patients")).toBe(true);
    expect(isYesNoQuestion("Is there a lift? My mum can't manage stairs")).toBe(true);
    expect(isYesNoQuestion("we are new to the area. where can i park")).toBe(false);
    expect(answerTypeOf("we are new to the area. how much is a check-up")).toBe("price");
  });

  it("reads French yes/no questions in the forms visitors type them", () => {
    for (const question of ["est-ce qu'on peut commander du pain", "y a une machine à laver ?", "on peut venir avec notre chien ?", "c'est possible de payer le solde à l'arrivée ?", "louez-vous des vélos", "vous acceptez les chèques vacances ?", "y a moyen de faire sécher le linge ?"]) {
      expect(isYesNoQuestion(question), question).toBe(true);
    }
    for (const question of ["vous ouvrez à partir de quand cette année ?", "c'est quoi l'adresse du camping", "on peut rouler à quelle vitesse", "l'accueil ferme à quelle heure"]) {
      expect(isYesNoQuestion(question), question).toBe(false);
    }
  });

  it("reads Spanish yes/no questions in the forms visitors type them", () => {
    for (const question of ["hay descuento para jubilados?", "también hay clases de portugués?", "se puede aparcar cerca?", "¿tenéis parking?", "¿aceptan tarjeta?", "y hay que pagar la matrícula?"]) {
      expect(isYesNoQuestion(question), question).toBe(true);
    }
    for (const question of ["hay clases a qué hora", "qué días hay clase", "cuánto cuesta apuntarse", "se puede pagar cuanto antes? donde se paga"]) {
      expect(isYesNoQuestion(question), question).toBe(false);
    }
    // "son" and "vous" open no yes/no question in English.
    expect(isYesNoQuestion("son is 7, which class fits him")).toBe(false);
  });
});

describe("typos against the knowledge base's words", () => {
  const vocabulary: VocabularyTerm[] = [
    { lexeme: "appointment", df: 12 },
    { lexeme: "appointments", df: 3 },
    { lexeme: "saturday", df: 4 },
    { lexeme: "message", df: 2 },
    { lexeme: "whitening", df: 2 },
    { lexeme: "implants", df: 3 },
    { lexeme: "implant", df: 5 },
    { lexeme: "cleaning", df: 4 },
    { lexeme: "saunas", df: 1 },
    { lexeme: "sunday", df: 3 },
    { lexeme: "monday", df: 3 },
  ];
  // As the database lookup answers: the exact words asked for and those sharing a beginning.
  const lookup = async (exact: readonly string[], prefixes: readonly string[]) =>
    vocabulary.filter((term) => exact.includes(term.lexeme) || prefixes.some((prefix) => term.lexeme.startsWith(prefix)));

  it("counts slips the way keyboards make them", () => {
    expect(oneSlipAway("apointment").has("appointment")).toBe(true);
    expect(oneSlipAway("satruday").has("saturday")).toBe(true);
    expect(oneSlipAway("cleanned").has("cleaned")).toBe(true);
    expect(oneSlipAway("celaned").has("cleaned")).toBe(true);
    expect(oneSlipAway("akigners").has("aligners")).toBe(true);
    // a and e are not neighbours on a keyboard
    expect(oneSlipAway("massage").has("message")).toBe(false);
    expect(slipDistance("whiteinng", "whitening")).toBe(1);
    expect(slipDistance("apointmnet", "appointment")).toBe(2);
  });

  it("corrects a word the knowledge base lacks into the word it was meant to be", async () => {
    expect((await correctSpelling("can i move my apointment to satruday", lookup)).question).toBe("can i move my appointment to saturday");
    expect((await correctSpelling("how much does whiteinng cost", lookup)).question).toBe("how much does whitening cost");
    // one slip from both "implant" and "implants": the one more chunks hold
    expect((await correctSpelling("who places implanst", lookup)).corrections).toEqual([{ from: "implanst", to: "implant" }]);
    expect((await correctSpelling("my appoitmnet on mondy", lookup)).question).toBe("my appointment on monday");
    // one slip from "cleaned", which the knowledge base holds as "cleaning"
    expect((await correctSpelling("how often should my teeth be celaned", lookup)).question).toBe("how often should my teeth be cleaned");
  });

  it("reads by spelling only the words no beginning it reads covers (shorter than PREFIX_LETTERS)", async () => {
    const asked: Array<{ exact: readonly string[]; prefixes: readonly string[] }> = [];
    const recording = async (exact: readonly string[], prefixes: readonly string[]) => {
      asked.push({ exact, prefixes });
      return lookup(exact, prefixes);
    };
    expect((await correctSpelling("can i move my apointment to satruday, ntes", recording)).question).toBe("can i move my appointment to saturday, ntes");
    expect(asked).toHaveLength(1);
    const [{ exact, prefixes }] = asked as [(typeof asked)[number]];
    // Every slip of 4 letters or more begins with a prefix read ("saturday" with "satu"); "nte", "tes" … of "ntes" do not.
    expect(exact.every((word) => [...word].length < PREFIX_LETTERS)).toBe(true);
    expect(exact).toContain("nte");
    for (const slip of [...oneSlipAway("satruday"), ...oneSlipAway("apointment"), "satruday"]) {
      expect(prefixes, slip).toContain([...slip].slice(0, PREFIX_LETTERS).join(""));
    }
  });

  it("never changes a word the knowledge base holds, in any form, nor short words and far ones", async () => {
    for (const question of ["Do you offer appointments on Saturday?", "can i book a massage", "do you have a sauna", "Do you sell used cars?", "is the firt visit free"]) {
      expect((await correctSpelling(question, lookup)).corrections, question).toEqual([]);
    }
    expect(correctWord("appointment", vocabulary)).toBeNull();
    expect(correctWord("sauna", vocabulary)).toBeNull();
  });

  it("never corrects a word of English the knowledge base lacks", async () => {
    const near = [{ lexeme: "flooring", df: 3 }, { lexeme: "cheaper", df: 2 }, { lexeme: "hireing", df: 1 }];
    const lookupNear = async () => near;
    for (const question of ["my basement is flooding", "whats the cheapest room", "are you hiring apprentices"]) {
      expect((await correctSpelling(question, lookupNear)).question, question).toBe(question);
    }
    expect((await correctSpelling("my basement is floorinf", lookupNear)).question).toBe("my basement is flooring");
  });

  it("takes a last letter too many for a slip only when doubled, and prefers the form nearest the word held", async () => {
    expect(correctWord("kommt", [{ lexeme: "komm", df: 2 }])).toBeNull();
    expect(correctWord("visitss", [{ lexeme: "visit", df: 2 }])).toBe("visits");
    expect(correctWord("im scard", [{ lexeme: "scarf", df: 1 }])).toBeNull();
    expect((await correctSpelling("im scard of the dentist", async () => [])).question).toBe("im scard of the dentist");
  });

  it("corrects a 4-letter word only for a letter it dropped", async () => {
    const notes = [{ lexeme: "notes", df: 2 }, { lexeme: "note", df: 1 }, { lexeme: "uses", df: 1 }];
    expect(correctWord("ntes", notes)).toBe("notes");
    expect(correctWord("used", notes)).toBeNull();
    expect(correctWord("nite", notes)).toBeNull();
  });

  it("corrects general words visitors ask with, though the knowledge base does not write them", async () => {
    expect((await correctSpelling("whats your addreess", lookup)).question).toBe("whats your address");
    expect((await correctSpelling("what is your phobe nuumber", lookup)).question).toBe("what is your phone number");
    expect((await correctSpelling("are you open at chriistmas", lookup)).question).toBe("are you open at christmas");
    // a word of the knowledge base one slip away wins over a general word
    expect(correctWord("chargr", [{ lexeme: "charge", df: 0 }, { lexeme: "charger", df: 2 }])).toBe("charger");
  });

  it("never corrects into a form no document writes: only into a word of English in an English question", async () => {
    // "numbero" is one slip from "numero" and a form of the general word "number"; "visits" and "cleaned" are words.
    expect(correctWord("numero", [{ lexeme: "number", df: 0 }])).toBeNull();
    expect(correctWord("cerca", [{ lexeme: "cercano", df: 2 }], { english: false })).toBeNull();
    expect(correctWord("visitss", [{ lexeme: "visit", df: 2 }])).toBe("visits");
    expect(correctWord("visitss", [{ lexeme: "visit", df: 2 }], { english: false })).toBeNull();
    // A word the knowledge base writes is still the correction, in any language.
    expect(correctWord("horaros", [{ lexeme: "horarios", df: 3 }], { english: false })).toBe("horarios");
  });

  it("corrects a question in another language against the knowledge base's words alone", async () => {
    const spanish: VocabularyTerm[] = [{ lexeme: "numeros", df: 1 }, { lexeme: "viernes", df: 2 }, { lexeme: "cercano", df: 1 }, { lexeme: "horarios", df: 3 }];
    const lookupSpanish = async (exact: readonly string[], prefixes: readonly string[]) =>
      spanish.filter((term) => exact.includes(term.lexeme) || prefixes.some((prefix) => term.lexeme.startsWith(prefix)));
    // No general English word ("number"), no made-up form ("viernen", "cercan").
    for (const question of ["¿Cuál es el número de teléfono?", "¿cuándo vienen los profesores?", "¿hay parking cerca?"]) {
      expect((await correctSpelling(question, lookupSpanish)).corrections, question).toEqual([]);
    }
    expect((await correctSpelling("¿cuáles son los horaros de la secretaría?", lookupSpanish)).question).toBe("¿cuáles son los horarios de la secretaría?");
    // No 4-letter word in French: "mois" is a word, though the knowledge base only writes "moins".
    const french = async () => [{ lexeme: "moins", df: 3 }];
    expect((await correctSpelling("combien coûte un mois de location ?", french)).corrections).toEqual([]);
    // In another language, a slip in the first letter or the last two is another word or another ending of it.
    expect(slipInside("horaros", "horarios")).toBe(true);
    // Two letters swapped or one doubled is a typo wherever it is.
    for (const [typed, held] of [["plaeg", "plage"], ["concerst", "concerts"], ["betragg", "betrag"], ["frasi", "frais"], ["absagrn", "absagen"], ["kostdt", "kostet"]] as const) {
      expect(slipInside(typed, held), typed).toBe(true);
      expect(correctWord(typed, [{ lexeme: held, df: 2 }], { english: false }), typed).toBe(held);
    }
    for (const [typed, held] of [["aprobar", "probar"], ["trouve", "trouver"], ["acceptez", "acceptes"], ["lleva", "llega"], ["arriver", "arrivee"]] as const) {
      expect(slipInside(typed, held), typed).toBe(false);
      expect(correctWord(typed, [{ lexeme: held, df: 2 }], { english: false }), typed).toBeNull();
    }
    expect(correctWord("apointment", [{ lexeme: "appointment", df: 2 }])).toBe("appointment");
    // One slip only: "jährigen" is two from "jahren".
    expect(correctWord("jährigen", [{ lexeme: "jahren", df: 2 }], { english: false })).toBeNull();
    expect(correctWord("appoitmnet", [{ lexeme: "appointment", df: 2 }], { english: false })).toBeNull();
    // The same word in an English question is still corrected against the general words.
    expect((await correctSpelling("what is your phone numbr", async () => [])).question).toBe("what is your phone number");
  });

  it("keeps a word of the question's language where a list of its words is at hand (French, Spanish)", async () => {
    // "pleut" and "casse" are one slip inside "peut" and "classe", and words of French: no typos.
    const french = async () => [{ lexeme: "peut", df: 3 }, { lexeme: "classe", df: 2 }, { lexeme: "piscine", df: 4 }];
    expect((await correctSpelling("on fait quoi s'il pleut toute la semaine ?", french)).corrections).toEqual([]);
    expect((await correctSpelling("et si on casse quelque chose, il se passe quoi ?", french)).corrections).toEqual([]);
    expect(correctWord("llueve", [{ lexeme: "llueva", df: 1 }, { lexeme: "lleve", df: 1 }], { english: false, language: "es" })).toBeNull();
    // A typo that is no word is still corrected.
    expect((await correctSpelling("la pisicne est chauffée ?", french)).question).toBe("la piscine est chauffée ?");
    // Without a list (German), the slip rules alone decide.
    expect(correctWord("pleut", [{ lexeme: "peut", df: 3 }], { english: false, language: "de" })).toBe("peut");
  });

  it("prefers the word more chunks hold, and gives a name one slip at most", async () => {
    expect(correctWord("implat", [{ lexeme: "implant", df: 5 }, { lexeme: "implay", df: 1 }])).toBe("implant");
    expect(correctWord("Appoitmnet", vocabulary, { name: true })).toBeNull();
    expect((await correctSpelling("Is Appoitmnet included", lookup)).question).toBe("Is Appoitmnet included");
    expect((await correctSpelling("Is Whiteinng included", lookup)).question).toBe("Is whitening included");
  });
});
