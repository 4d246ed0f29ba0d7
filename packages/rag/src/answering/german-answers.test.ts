import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { isCompoundPart } from "./compound-words";
import { isFieldRecord } from "./field-records";
import { composeExtractiveAnswer, isYesNoQuestion, type SentenceMeaning, SOURCES_READ, SOURCES_READ_OTHER_LANGUAGE, sourcesRead, sourcesReadFor } from "./extractive-answer";
import { answerSource } from "./answer-test-fixtures";
import { answerTypeOf, fitsAnswerType, isAnswerTypeWord, statesStreetAddress } from "./question-type";
import { scoreUnits } from "./score-units";
import { joinFalseBreaks } from "./sentence-breaks";
import { keySubjectWords } from "./key-subject";
import { contentTerms, splitSentences } from "./text-analysis";
import { germanVerbBase, joinSplitGermanVerbs, sameGermanParticiple, sameListedGermanVerb } from "./german-cues";

// The extractive answer's language rules in German: one rule per test (bench/README.md, "Fresh held-out sets and a
// German set").

describe("kinds of fact asked in German", () => {
  it("reads the kind of fact from the German interrogative", () => {
    expect(answerTypeOf("Was kostet ein Herrenschnitt?")).toBe("price");
    expect(answerTypeOf("wie teuer ist ein kinderschnitt")).toBe("price");
    expect(answerTypeOf("wie lange dauert eine Balayage")).toBe("duration");
    expect(answerTypeOf("Bis wann haben Sie am Donnerstag geöffnet?")).toBe("time");
    expect(answerTypeOf("wie lange habt ihr samstags offen")).toBe("time");
    expect(answerTypeOf("wer macht bei euch bärte")).toBe("person");
    // "an wen wende ich mich": whom to turn to ("für wen ist der Kurs" asks who the course is for).
    expect(answerTypeOf("an wen wende ich mich wegen einer rechnung")).toBe("person");
    expect(answerTypeOf("wen frag ich wegen dem hochzeitskurs")).toBe("person");
    expect(answerTypeOf("wo genau ist der salon")).toBe("place");
    expect(answerTypeOf("wie viele Plätze gibt es")).toBe("quantity");
    expect(answerTypeOf("wie oft sollte ich nachschneiden lassen")).toBe("frequency");
  });

  it("reads cue words anywhere in a German question", () => {
    expect(answerTypeOf("Gibt es einen Studentenrabatt?")).toBe("price");
    expect(answerTypeOf("wie ist eure telefonnummer")).toBe("phone");
    expect(answerTypeOf("habt ihr montags auf")).toBe("time");
  });

  it("does not read a price into asking how to pay", () => {
    expect(answerTypeOf("kann ich mit karte zahlen")).toBeNull();
  });

  it("finds the fact in German forms of times, prices, durations and addresses", () => {
    expect(fitsAnswerType("time", "Dienstag 9–18 Uhr")).toBe(true);
    expect(fitsAnswerType("time", "Montag geschlossen")).toBe(true);
    expect(fitsAnswerType("time", "Wir machen Urlaub vom 27. Dezember bis zum 6. Januar.")).toBe(true);
    expect(fitsAnswerType("price", "Herrenschnitt 29,00 €")).toBe(true);
    expect(fitsAnswerType("price", "Der Test ist kostenlos.")).toBe(true);
    expect(fitsAnswerType("duration", "Sie sind drei Jahre gültig.")).toBe(true);
    expect(fitsAnswerType("person", "Yusuf Demir ist Barbier und kümmert sich um Herrenschnitte.")).toBe(true);
    expect(statesStreetAddress("Unser Salon liegt in der Günterstalstraße 41, 79102 Freiburg.")).toBe(true);
    // A street named after a person, hyphenated, its street word capitalised.
    expect(statesStreetAddress("Tanzschule Taktgefühl, Karl-Liebknecht-Straße 112, 04275 Leipzig.")).toBe(true);
    expect(statesStreetAddress("Wir sind am Konrad-Adenauer-Platz 3.")).toBe(true);
    expect(statesStreetAddress("Parkplätze gibt es im Parkhaus Kurt-Eisner-Straße, abends für 2 €.")).toBe(false);
    expect(fitsAnswerType("time", "Kleine, ruhige Hunde sind willkommen.")).toBe(false);
  });

  it("reads an age and a distance asked for, and the forms a German sentence states them in", () => {
    expect(answerTypeOf("wie alt muss mein Kind sein")).toBe("age");
    expect(answerTypeOf("ab welchem Alter darf mein Kind allein kommen")).toBe("age");
    expect(answerTypeOf("gibt es ein Mindestalter?")).toBe("age");
    expect(answerTypeOf("wie weit ist es zum Bahnhof")).toBe("distance");
    expect(answerTypeOf("wie weit im Voraus muss ich buchen")).not.toBe("distance");
    expect(fitsAnswerType("age", "Kinder unter 12 Jahren nur in Begleitung eines Erwachsenen.")).toBe(true);
    expect(fitsAnswerType("age", "Ab 16 Jahren dürfen Jugendliche allein kommen.")).toBe(true);
    expect(fitsAnswerType("age", "Die Anfahrt kostet 30 €.")).toBe(false);
    expect(fitsAnswerType("distance", "Der Bahnhof ist 500 Meter entfernt.")).toBe(true);
    expect(fitsAnswerType("distance", "Zehn Minuten zu Fuß vom Bahnhof.")).toBe(true);
    expect(fitsAnswerType("distance", "Bei Farbterminen ab 3 Stunden verlangen wir eine Anzahlung.")).toBe(false);
  });

  it("takes German words that only name the kind of fact as such", () => {
    expect(isAnswerTypeWord("price", "kostet")).toBe(true);
    expect(isAnswerTypeWord("time", "wann")).toBe(true);
    expect(isAnswerTypeWord("phone", "telefonnummer")).toBe(true);
    expect(isAnswerTypeWord("price", "karte")).toBe(false);
  });
});

describe("German yes/no questions", () => {
  it("knows a yes/no question by its opening verb", () => {
    expect(isYesNoQuestion("Kann ich mit dem Rollstuhl kommen?")).toBe(true);
    expect(isYesNoQuestion("Gibt es einen Studentenrabatt?")).toBe(true);
    expect(isYesNoQuestion("Bieten Sie Haarverlängerungen an?")).toBe(true);
    expect(isYesNoQuestion("habt ihr montags auf")).toBe(true);
  });

  it("never takes a W-question for one, German 'was' included", () => {
    expect(isYesNoQuestion("Was kostet ein Herrenschnitt?")).toBe(false);
    expect(isYesNoQuestion("was zahle ich für lange Haare")).toBe(false);
    expect(isYesNoQuestion("wann macht ihr samstags auf")).toBe(false);
    expect(isYesNoQuestion("Was it busy on Saturday?")).toBe(true);
  });
});

describe("German words of asking", () => {
  it("are no topic of the question", () => {
    expect(contentTerms("habt ihr montags auf")).toEqual(["montags"]);
    expect(contentTerms("Gibt es einen Studentenrabatt?")).toEqual(["studentenrabatt"]);
  });

  it("include the persons of 'sein', 'können', 'sollen', 'müssen' Snowball's list lacks, and 'irgendwo'", () => {
    expect(contentTerms("wo seid ihr genau")).toEqual([]);
    expect(contentTerms("könnt ihr locken schneiden")).toEqual(["locken", "schneiden"]);
    expect(contentTerms("wann sollten wir anfangen")).toEqual(["wann", "anfangen"]);
    expect(contentTerms("müssen wir irgendwo parken")).toEqual(["parken"]);
    // "dürfen": a word of the question still (none of its forms is a Snowball stop word).
    expect(contentTerms("darf ich mit meiner katze kommen")).toEqual(["darf", "katze", "kommen"]);
  });

  it("leave a where question naming nothing but the asking to the street address", () => {
    const directions = answerSource("anfahrt", "Anfahrt\nTanzschule Taktgefühl, Karl-Liebknecht-Straße 112, 04275 Leipzig.\nMit der Straßenbahn: Linie 10 oder 11 bis Haltestelle Südplatz.");
    const about = answerSource("about", "Über uns\nDie Tanzschule gibt es seit 1998 im Leipziger Süden.");
    const unread: SentenceMeaning = { similarity: () => 0.3 };
    expect(composeExtractiveAnswer("wo seid ihr genau", [about, directions], {}, unread).content).toContain("Karl-Liebknecht-Straße 112");
  });
});

describe("German participles and zu-infinitives", () => {
  it("are read as forms of their verb, behind a separable prefix or none", () => {
    expect(germanVerbBase("gekundigt")).toBe("kundigt");
    expect(germanVerbBase("angemeldet")).toBe("anmeldet");
    expect(germanVerbBase("nachzuholen")).toBe("nachholen");
    expect(germanVerbBase("zuruckgetreten")).toBe("zurucktreten");
    expect(germanVerbBase("gegen")).toBeUndefined();
    expect(germanVerbBase("zusammen")).toBeUndefined();
    expect(sameGermanParticiple("gekundigt", "kundigen")).toBe(true);
    expect(sameGermanParticiple("angemeldet", "anmeldung")).toBe(true);
    expect(sameGermanParticiple("abgesagt", "absage")).toBe(true);
    expect(sameGermanParticiple("nachzuholen", "nachgeholt")).toBe(true);
    // The prefix stays: "angemeldet" is not "melden", "ausgezahlt" not "zahlen".
    expect(sameGermanParticiple("angemeldet", "melden")).toBe(false);
    expect(sameGermanParticiple("ausgezahlt", "zahlen")).toBe(false);
  });

  it("let a question asked with the participle find the sentence that writes the infinitive", () => {
    const terms = answerSource("agb", "Ausfall durch die Tanzschule\nKommen für einen Kurs weniger als fünf Paare zusammen, können wir ihn absagen; bereits gezahlte Gebühren erstatten wir dann vollständig.");
    const parking = answerSource("anfahrt", "Anfahrt\nParkplätze gibt es im Parkhaus Kurt-Eisner-Straße, für Kursteilnehmer abends zum Sondertarif.");
    const unread: SentenceMeaning = { similarity: () => 0.3 };
    expect(composeExtractiveAnswer("wann wird ein kurs abgesagt", [parking, terms], {}, unread).content).toContain("weniger als fünf Paare");
  });
});

describe("German verb forms from the verb list", () => {
  it("reads a past form as its infinitive or another past form: short stems, strong vowels, the -ung noun", () => {
    expect(sameListedGermanVerb("gezahlt", "zahlen")).toBe(true);
    expect(sameListedGermanVerb("gesammelt", "sammeln")).toBe(true);
    expect(sameListedGermanVerb("verschoben", "verschieben")).toBe(true);
    expect(sameListedGermanVerb("angenommen", "annehmen")).toBe(true);
    expect(sameListedGermanVerb("grundete", "gegrundet")).toBe(true);
    expect(sameListedGermanVerb("angezahlt", "anzahlung")).toBe(true);
    // Present forms are left to the endings' rules; folded, "Farbe" is "färbe"; two English words never.
    expect(sameListedGermanVerb("nehmt", "nehmen")).toBe(false);
    expect(sameListedGermanVerb("gefarbt", "farbe")).toBe(false);
    expect(sameListedGermanVerb("planet", "plant")).toBe(false);
  });

  it("reads a separable verb split over its clause as one word", () => {
    expect(joinSplitGermanVerbs("wann fängt der Kurs an")).toEqual(["wann", "anfangen", "der", "kurs"]);
    expect(joinSplitGermanVerbs("Bitte sagen Sie Termine 24 Stunden vorher ab, telefonisch.")).toEqual(["bitte", "absagen", "sie", "termine", "24", "stunden", "vorher", "telefonisch"]);
    expect(joinSplitGermanVerbs("holt ihr ausgefallene abende nach wenn der lehrer krank ist")?.slice(0, 2)).toEqual(["nachholen", "ihr"]);
    // "bietet ihr … an" asks whether; a particle inside its clause is a preposition; English has no particles.
    expect(joinSplitGermanVerbs("bietet ihr hausbesuche an")).toEqual(["bietet", "ihr", "hausbesuche", "an"]);
    expect(joinSplitGermanVerbs("Kommen Sie an den Empfang.")).toBeUndefined();
    expect(joinSplitGermanVerbs("What time do you open?")).toBeUndefined();
    expect(contentTerms("Kreditkarten nehmen wir leider nicht an.")).toContain("annehmen");
  });

  it("let a question asked with a past form or a split verb find the sentence saying it otherwise", () => {
    const unread: SentenceMeaning = { similarity: () => 0.3 };
    const payment = answerSource("kurse", "Bezahlung\nKursgebühren zahlen Sie per Überweisung oder bar im Büro, spätestens zum ersten Kursabend.");
    const refund = answerSource("agb", "Ausfall\nKommen für einen Kurs weniger als fünf Paare zusammen, können wir ihn absagen; bereits gezahlte Gebühren erstatten wir dann vollständig.");
    expect(composeExtractiveAnswer("muss der kurs vor dem ersten abend gezahlt sein?", [refund, payment], {}, unread).content).toContain("spätestens zum ersten Kursabend");
    const rules = answerSource("regeln", "Stornobedingungen\nBitte sagen Sie Termine mindestens 24 Stunden vorher ab, telefonisch oder online.\nBei Farbterminen ab 3 Stunden verlangen wir eine Anzahlung von 30 €, die bei rechtzeitiger Absage zurückerstattet wird.");
    expect(composeExtractiveAnswer("wie kurzfristig kann ich einen termin absagen", [rules], {}, unread).content).toMatch(/^Stornobedingungen: Bitte sagen Sie Termine/u);
  });
});

describe("false sentence breaks", () => {
  it("keeps a German date's ordinal in its sentence", () => {
    expect(splitSentences("Betriebsurlaub machen wir vom 27. Dezember bis zum 6. Januar. Danach sind wir wieder da.")).toEqual([
      "Betriebsurlaub machen wir vom 27. Dezember bis zum 6. Januar.",
      "Danach sind wir wieder da.",
    ]);
  });

  it("keeps an ordinal after the word that governs it, and single-letter abbreviations", () => {
    expect(joinFalseBreaks(["Wir sind im 2. ", "Stock. ", "Der Aufzug ist links."])).toEqual(["Wir sind im 2. Stock. ", "Der Aufzug ist links."]);
    expect(joinFalseBreaks(["Wir färben z. ", "B. mit Pflanzenfarben. ", "Gut."])).toEqual(["Wir färben z. B. mit Pflanzenfarben. ", "Gut."]);
  });

  it("still ends a sentence at a number that closes it", () => {
    expect(splitSentences("We open at 9. Then we close at 5.")).toEqual(["We open at 9.", "Then we close at 5."]);
  });
});

describe("compound words", () => {
  it("finds a word inside a compound, also less its ending", () => {
    expect(isCompoundPart("rabatt", "studentenrabatt")).toBe(true);
    expect(isCompoundPart("ansatzfarbe", "ansatz")).toBe(true);
    expect(isCompoundPart("farben", "ansatzfarbe")).toBe(true);
    expect(isCompoundPart("rollstuhl", "rollstuhlfahrer")).toBe(true);
    // The compound inflected: "Kinderpreise" ends with "Preis" and its plural's "e".
    expect(isCompoundPart("preis", "kinderpreise")).toBe(true);
    expect(isCompoundPart("schnitt", "herrenschnitte")).toBe(true);
  });

  it("takes neither short words nor inflections for parts", () => {
    expect(isCompoundPart("haar", "haarschnitt")).toBe(false);
    expect(isCompoundPart("booking", "rebooking")).toBe(false);
    expect(isCompoundPart("termin", "termine")).toBe(false);
  });
});

describe("table rows written as fields", () => {
  it("reads a CSV row with capitalised field names as one sentence, like one with lower-case names", () => {
    const row = "Leistung: Herrenschnitt\nKurzhaar: 29,00 €\nHinweis: inklusive Waschen\n\nLeistung: Kinderschnitt\nKurzhaar: 16,50 €";
    expect(splitAnswerUnits(row).map((unit) => unit.text)).toEqual([
      "Leistung: Herrenschnitt; Kurzhaar: 29,00 €; Hinweis: inklusive Waschen",
      "Leistung: Kinderschnitt; Kurzhaar: 16,50 €",
    ]);
    expect(isFieldRecord(["Phone: 0113 496 0732"])).toBe(false);
    expect(isFieldRecord(["Opening hours", "Monday: 9 to 5"])).toBe(false);
  });
});

describe("German sentences that only look like names or places", () => {
  it("takes no capitalised noun after an article for a name, nor a compound of 'Platz' for a place", () => {
    expect(fitsAnswerType("person", "Der Salon ist barrierefrei.")).toBe(false);
    expect(fitsAnswerType("place", "Ein Waschplatz ist für Rollstuhlfahrer geeignet.")).toBe(false);
    expect(fitsAnswerType("place", "Der Salon liegt direkt gegenüber der Haltestelle.")).toBe(true);
  });
});

describe("compound matches weigh less than the word itself", () => {
  it("prefers the row naming the children's cut to a sentence about cuts in general", () => {
    const units = splitAnswerUnits("Leistung: Kinderschnitt bis 10 Jahre\nKurzhaar: 16,50 €\n\nMit Studierendenausweis bekommen Sie 10 % auf alle Schnitte.");
    const scored = scoreUnits("wie teuer ist ein kinderschnitt", units, () => 0);
    expect(scored[0]!.lexical).toBe(1);
    expect(scored[1]!.lexical).toBeGreaterThan(0);
    expect(scored[1]!.lexical).toBeLessThan(1);
  });
});

describe("sources read for a question in another language", () => {
  // The local model does not read German: the vector half of the search ranks the rows at random, so the row that
  // answers may come eighth.
  const filler = ["Damenschnitt", "Herrenschnitt", "Kinderschnitt", "Maschinenschnitt", "Ansatzfarbe", "Balayage", "Pony schneiden"].map((name, index) =>
    answerSource(`row${index}`, `Leistung: ${name}\nKurzhaar: ${30 + index},00 €`, { vectorScore: 0.8 }),
  );
  const rows = [...filler, answerSource("rasur", "Leistung: Nassrasur\nKurzhaar: 22,00 €", { vectorScore: 0.8 })];

  it("reads the first eight sources for a German question, five for an English one", () => {
    expect(sourcesReadFor("Was kostet eine Nassrasur?")).toBe(SOURCES_READ_OTHER_LANGUAGE);
    expect(sourcesReadFor("How much is a wet shave?")).toBe(SOURCES_READ);
    expect(sourcesRead("Was kostet eine Nassrasur?", rows).map((hit) => hit.chunkId)).toContain("chunk-rasur");
    expect(sourcesRead("How much is a Nassrasur?", rows).map((hit) => hit.chunkId)).not.toContain("chunk-rasur");
    const unread: SentenceMeaning = { similarity: () => 0.3 };
    expect(composeExtractiveAnswer("Was kostet eine Nassrasur?", rows, {}, unread).content).toContain("22,00 €");
  });
});

describe("the thing a German price or 'gibt es' question asks about", () => {
  it("reads the noun phrase after 'kostet', 'wie teuer ist', 'gibt es', up to a preposition", () => {
    expect(keySubjectWords("was kostet eine Dauerwelle")).toEqual(["dauerwelle"]);
    expect(keySubjectWords("Wie viel kostet ein Haarschnitt für meinen Sohn?")).toEqual(["haarschnitt"]);
    expect(keySubjectWords("wie teuer ist eine Rasur mit dem Messer")).toEqual(["rasur"]);
    expect(keySubjectWords("gibt es bei euch einen Parkplatz?")).toEqual(["parkplatz"]);
    expect(keySubjectWords("Bieten Sie Haarverlängerungen an?")).toEqual(["haarverlangerungen"]);
    expect(keySubjectWords("wann habt ihr samstags offen")).toEqual([]);
  });

  it("declines a price question whose thing no source names instead of quoting any price ('kostet' alone shared)", () => {
    const sources = [
      answerSource("visit", "## Bieten Sie Hausbesuche an?\nFür Bräute kommen wir auch zu Ihnen nach Hause. Die Anfahrt kostet innerhalb von Freiburg 30 €."),
      answerSource("cut", "Leistung: Herrenschnitt\nKurzhaar: 29,00 €"),
      answerSource("shave", "Leistung: Nassrasur\nKurzhaar: 22,00 €"),
    ];
    const unread: SentenceMeaning = { similarity: () => 0.3 };
    expect(composeExtractiveAnswer("was kostet eine Dauerwelle", sources, {}, unread).content).not.toContain("30 €");
    expect(composeExtractiveAnswer("wie teuer ist eine Rasur", sources, {}, unread).content).toContain("22,00 €");
  });
});

describe("'ß' typed as 'ss'", () => {
  it("reads 'Strasse' and 'Straße' as one word, also inside a compound", () => {
    expect(contentTerms("Günterstalstraße, Fuß")).toEqual(["gunterstalstrasse", "fuss"]);
    const units = splitAnswerUnits("Mit der Straßenbahnlinie 2 sind Sie in acht Minuten bei uns.\n\nYusuf Demir ist Barbier und kümmert sich um Herrenschnitte.");
    const scored = scoreUnits("welche strassenbahn fährt zu euch", units, () => 0);
    expect(scored[0]!.lexical).toBeGreaterThan(0);
    expect(scored[0]!.score).toBeGreaterThan(scored[1]!.score);
  });
});
