import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { NOT_FOUND_REPLIES } from "./not-found-reply";
import { keySubjectWords } from "./key-subject";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { DEFAULT_RELEVANT_SIMILARITY } from "./types";

const source = (id: string, content: string) => answerSource(id, content);

/**
 * Sentence similarities given by substring: the first pattern a sentence (with its context) contains. Words no source
 * mentions are weighed and carry little ("rabbits" moves "Do you board rabbits?" as little as filler does), so the
 * other rules answer by the shared words and only the subject rule stands between them and the answer.
 */
const meaningOf = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  ...meaningBySubstring(table, fallback),
  shift: () => 0.05,
  unknownShift: () => 0.05,
});

describe("the thing a yes/no question asks about", () => {
  it("reads the object of the verb after 'do you' / 'can I', up to the first preposition", () => {
    expect(keySubjectWords("Do you board rabbits?")).toEqual(["rabbits"]);
    expect(keySubjectWords("do you sell dog food")).toEqual(["dog", "food"]);
    expect(keySubjectWords("Do you offer a student discount over the summer?")).toEqual(["student", "discount"]);
    expect(keySubjectWords("Can I bring my dog to class?")).toEqual(["dog"]);
    expect(keySubjectWords("do you guys also do cranial osteopathy for babies")).toEqual(["cranial", "osteopathy"]);
  });

  it("takes a particle as the verb's ('look after', 'pick up'), and a preposition's object when the verb has none", () => {
    expect(keySubjectWords("can you look after my budgie while we're away")).toEqual(["budgie"]);
    expect(keySubjectWords("do you pick up dogs from the airport")).toEqual(["dogs"]);
    expect(keySubjectWords("can I pay with paypal")).toEqual(["paypal"]);
    // A place after the verb is where, not what.
    expect(keySubjectWords("can i park at the vets")).toEqual([]);
  });

  it("takes no word of amount for the thing asked about ('charge extra', 'anything')", () => {
    // "extra" is how much is charged, not what for: the thing is coming out to Dublin, no noun after the verb.
    expect(keySubjectWords("do you charge extra to come out to dublin")).toEqual([]);
    expect(keySubjectWords("do you charge more for weekend callouts")).toEqual([]);
    expect(keySubjectWords("do you do anything vegan")).toEqual(["vegan"]);
  });

  it("reads what follows 'is there', 'have you got', what a named thing has, and the object of 'are you …ing'", () => {
    expect(keySubjectWords("Is there a cafe at the studio?")).toEqual(["cafe"]);
    expect(keySubjectWords("are there any webcams so i can check on my dog")).toEqual(["webcams"]);
    expect(keySubjectWords("Have you got a hydrotherapy pool?")).toEqual(["hydrotherapy", "pool"]);
    expect(keySubjectWords("Do the rooms have air conditioning?")).toEqual(["air", "conditioning"]);
    expect(keySubjectWords("Are you hiring apprentice plumbers?")).toEqual(["apprentice", "plumbers"]);
  });

  it("reads the asking sentence's last clause, and nothing from a question of another shape", () => {
    expect(keySubjectWords("We're away in June. Do you board rabbits?")).toEqual(["rabbits"]);
    expect(keySubjectWords("do you treat dogs? my greyhound has a bad leg")).toEqual(["dogs"]);
    expect(keySubjectWords("What time do you open?")).toEqual([]);
    expect(keySubjectWords("are you open on sundays")).toEqual([]);
    expect(keySubjectWords("Wann habt ihr samstags offen?")).toEqual([]);
  });
});

describe("the thing a French or Spanish question asks about", () => {
  it("reads the first noun after the determiners in common French shapes, accents and hyphens as visitors type them", () => {
    expect(keySubjectWords("Est-ce qu'il y a un toboggan aquatique ?")).toEqual(["toboggan"]);
    expect(keySubjectWords("y a-t-il une borne de recharge pour voiture électrique")).toEqual(["borne"]);
    expect(keySubjectWords("louez-vous des vélos")).toEqual(["velos"]);
    expect(keySubjectWords("vous prenez la carte acsi en juillet ?")).toEqual(["carte"]);
    expect(keySubjectWords("les mobil-homes ont-ils la climatisation ?")).toEqual(["climatisation"]);
    expect(keySubjectWords("on vient en train, quelle est la gare la plus proche")).toEqual(["gare"]);
    expect(keySubjectWords("où se trouve le médecin le plus proche")).toEqual(["medecin"]);
    expect(keySubjectWords("où se trouver le médecin le plus proche")).toEqual(["medecin"]);
  });

  it("passes over a word naming the kind of fact to what it is of, and reads nothing from other shapes", () => {
    expect(keySubjectWords("quel est le montant de la caution")).toEqual(["caution"]);
    expect(keySubjectWords("quelle est votre adresse")).toEqual([]);
    expect(keySubjectWords("à quelle heure faut-il rendre le mobil-home")).toEqual([]);
    expect(keySubjectWords("mon fils peut il se baigner en short de bain")).toEqual([]);
  });

  it("passes over a count before the noun ('plusieurs', 'combien de', 'varios') to the thing counted", () => {
    expect(keySubjectWords("est-ce qu'on peut payer en plusieurs fois ?")).toEqual(["fois"]);
    expect(keySubjectWords("vous avez combien de chevaux ?")).toEqual(["chevaux"]);
    expect(keySubjectWords("¿tenéis varios profesores de inglés?")).toEqual(["profesores"]);
  });

  it("reads what the verb after 'can I / can we' is done to or with", () => {
    expect(keySubjectWords("peut-on louer un kayak ?")).toEqual(["kayak"]);
    expect(keySubjectWords("est-ce qu'on peut avoir du pain frais le matin")).toEqual(["pain"]);
    expect(keySubjectWords("on peut venir avec notre chien ?")).toEqual(["chien"]);
  });

  it("reads Spanish the same way", () => {
    expect(keySubjectWords("¿Tienen piscina climatizada?")).toEqual(["piscina"]);
    expect(keySubjectWords("¿hay wifi en las habitaciones?")).toEqual(["wifi"]);
    expect(keySubjectWords("¿cuál es el precio del alquiler?")).toEqual(["alquiler"]);
    expect(keySubjectWords("¿a qué hora abren?")).toEqual([]);
  });

  it("reads no thing from a who question: 'quién' ends as a verb of 'ustedes' does, but asks for a person", () => {
    expect(keySubjectWords("quién dirige la academia")).toEqual([]);
    expect(keySubjectWords("quien lleva la secretaria")).toEqual([]);
    expect(keySubjectWords("¿quiénes dan las clases?")).toEqual([]);
  });
});

describe("French and Spanish questions about a thing no sentence read names", () => {
  const camping = [
    source("piscine", "## La piscine\nL'espace aquatique est chauffé à 28 °C. Le bassin extérieur est ouvert du 15 mai au 15 septembre."),
    source("services", "## Services\nÉpicerie et dépôt de pain, laverie (lavage 5 €), wifi gratuit à l'accueil."),
  ];
  // The English model does not read French: every sentence sits near every question, whatever it says.
  const unread = meaningOf([], 0.8);

  it("declines in the visitor's language, whatever the cosines", () => {
    const slide = composeExtractiveAnswer("Est-ce qu'il y a un toboggan aquatique ?", camping, {}, unread);
    expect(slide).toEqual({ content: NOT_FOUND_REPLIES.fr, citations: [] });
    expect(composeExtractiveAnswer("¿Tienen un tobogán acuático?", camping, {}, unread).content).toBe(NOT_FOUND_REPLIES.es);
  });

  it("takes no word the model finds near as naming the thing: for a question it does not read, that is noise", () => {
    const neighbours = new Map([["toboggan", [{ word: "aquatique", similarity: 0.7 }]]]);
    const slide = composeExtractiveAnswer("Est-ce qu'il y a un toboggan aquatique ?", camping, {}, { ...unread, neighbours });
    expect(slide.content).toBe(NOT_FOUND_REPLIES.fr);
  });

  it("answers when a sentence read names the thing", () => {
    expect(composeExtractiveAnswer("y a-t-il une piscine chauffée ?", camping, {}, unread).content).toContain("28 °C");
    expect(composeExtractiveAnswer("Est-ce qu'il y a une laverie ?", camping, {}, unread).content).toContain("lavage 5 €");
  });
});

describe("yes/no questions about a thing no sentence read names", () => {
  const kennels = [
    source("boarding", "## Boarding\nWe board dogs and cats in heated kennels, from 35 dollars a night."),
    source("faq", "## Can I bring my dog?\nPets are welcome in the garden room."),
  ];

  it("declines when the sentence sharing the other words does not name the thing asked about", () => {
    const meaning = meaningOf([["board dogs", 0.4]]);
    // The same sentence answers the question about what it names.
    expect(composeExtractiveAnswer("Do you board cats?", kennels, {}, meaning).content).toContain("We board dogs and cats");
    const rabbits = composeExtractiveAnswer("Do you board rabbits?", kennels, {}, meaning);
    expect(rabbits.content).toBe(NOT_FOUND_ANSWER);
    expect(rabbits.citations).toEqual([]);
  });

  it("answers in other words when the sentence is as close in meaning as a synonym comes", () => {
    const near = meaningOf([["Pets are welcome", DEFAULT_RELEVANT_SIMILARITY + 0.02]]);
    expect(composeExtractiveAnswer("Can I bring my puppy?", kennels, {}, near).content).toContain("Pets are welcome");
    const far = meaningOf([["Pets are welcome", DEFAULT_RELEVANT_SIMILARITY - 0.08]]);
    expect(composeExtractiveAnswer("Can I bring my puppy?", kennels, {}, far).content).toBe(NOT_FOUND_ANSWER);
  });

  it("answers a question about charging extra by what the extra is for ('come out to dublin')", () => {
    const towns = [source("dublin", "Town: Dublin\nTrip charge: $25"), source("columbus", "Town: Columbus\nTrip charge: $0")];
    const answer = composeExtractiveAnswer("do you charge extra to come out to dublin", towns, {}, meaningOf([["Dublin", 0.3]]));
    expect(answer.content).toContain("$25");
  });

  it("leaves the answer alone when some sentence read names the thing: only a thing nothing read mentions is unknown", () => {
    const hospital = [
      source("visits", "## Visiting\nYou are welcome to visit a pet staying in our hospital between 14:00 and 16:00."),
      source("prices", "## Neutering\nDog neutering costs 245 pounds."),
    ];
    const meaning = meaningOf([["visit a pet", 0.5]]);
    expect(composeExtractiveAnswer("Can I visit my dog while he's kept in?", hospital, {}, meaning).content).toContain("between 14:00 and 16:00");
  });
});
