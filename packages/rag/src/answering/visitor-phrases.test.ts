import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { extractiveAnswerText } from "./answer-test-fixtures";
import type { AnswerSource } from "./types";
import { unsaidLexiconWays, visitorPhraseNeighbours } from "./visitor-phrases";
import { warmWordNet } from "../wording/wordnet";

describe("visitorPhraseNeighbours", () => {
  it("matches a visitor's phrase's words to the words the sources say for it", () => {
    const said = ["Passes are not refundable, but we give a refund for illness.", "Students: 20% discount, 10% off on Mondays.", "A courtesy car is available."];
    expect(visitorPhraseNeighbours("Can I get my money back?", said).get("money")?.map((near) => near.word)).toEqual(["refund", "refundable"]);
    expect(visitorPhraseNeighbours("do over 65s get money off", said).get("money")?.map((near) => near.word)).toEqual(["discount", "off"]);
    expect(visitorPhraseNeighbours("Can I get a loan car?", said).get("loan")?.map((near) => near.word)).toEqual(["courtesy"]);
    // The words apart, or another phrase: no neighbour.
    expect(visitorPhraseNeighbours("do you take money? I'll be back", said).size).toBe(0);
    expect(visitorPhraseNeighbours("can I get a loan", said).size).toBe(0);
  });

  it("relates everyday words to the documents' words only where the documents say them", () => {
    const near = (question: string, texts: string[], word: string) => visitorPhraseNeighbours(question, texts).get(word)?.map((neighbour) => neighbour.word);
    expect(near("do you have an elevator", ["No, the building has no lift."], "elevator")).toEqual(["lift"]);
    expect(near("is there a telly in the rooms", ["All rooms have a flat-screen TV."], "telly")).toEqual(["tv"]);
    expect(near("does my baby need a swim diaper", ["Babies must wear a swim nappy."], "diaper")).toEqual(["nappy"]);
    expect(near("what does it cost to have my cat's teeth cleaned", ["Dental scale and polish,£280"], "teeth")).toEqual(["scale", "polish"]);
    expect(near("how much to fix a flat tyre", ["Puncture repair,£25"], "tyre")).toEqual(["puncture"]);
    // A phrasal verb with its object between its words.
    expect(near("can you pick my car up from home", ["We offer a free collection service."], "pick")).toEqual(["collection"]);
    // The documents' way must be said whole and in order: "health club" is no gym, "fixed" is no repair.
    expect(visitorPhraseNeighbours("do you have a gym", ["Join the Pet Health Club."]).size).toBe(0);
    expect(visitorPhraseNeighbours("is the price fixed", ["We repair every bike."]).size).toBe(0);
    expect(visitorPhraseNeighbours("is there a lift", ["There is an elevator to every floor."]).get("lift")?.map((neighbour) => neighbour.word)).toEqual(["elevator"]);
  });
});

describe("visitorPhraseNeighbours in French and Spanish", () => {
  const near = (question: string, texts: string[], word: string, language: "fr" | "es") => visitorPhraseNeighbours(question, texts, language).get(word)?.map((neighbour) => neighbour.word);

  it("relates a French visitor's everyday word to the documents' word, accents typed or not", () => {
    expect(near("je peux garer ma bagnole devant ?", ["Les voitures restent sur le parking."], "bagnole", "fr")).toEqual(["voitures"]);
    expect(near("les gamins paient combien ?", ["Enfant de 2 à 7 ans : 3,50 €"], "gamins", "fr")).toEqual(["enfant"]);
    expect(near("y a la clim ?", ["Toutes les chambres sont climatisées."], "clim", "fr")).toEqual(["climatisees"]);
    expect(near("y a la clim ?", ["Toutes les chambres ont la climatisation."], "clim", "fr")).toEqual(["climatisation"]);
    expect(near("le veto est compris ?", ["Les soins du vétérinaire restent à votre charge."], "veto", "fr")).toEqual(["veterinaire"]);
    // Belgian and Swiss numbers, Québec's words.
    expect(near("c'est septante euros ?", ["Le forfait coûte soixante-dix euros."], "septante", "fr")).toEqual(["soixante", "dix"]);
    expect(near("avez-vous du stationnement ?", ["Parking gratuit devant le club-house."], "stationnement", "fr")).toEqual(["parking"]);
  });

  it("relates a Spanish visitor's word of Spain or Latin America to the documents' word", () => {
    expect(near("tienen estacionamiento?", ["No disponemos de aparcamiento propio."], "estacionamiento", "es")).toEqual(["aparcamiento"]);
    expect(near("cuanto cuesta lavar el carro?", ["Lavado completo de un coche: 29 €"], "carro", "es")).toEqual(["coche"]);
    expect(near("se puede pagar con el celular?", ["Llámanos al móvil 611 204 387."], "celular", "es")).toEqual(["movil"]);
    expect(near("hay alberca?", ["La piscina abre en julio."], "alberca", "es")).toEqual(["piscina"]);
    expect(near("cuanto sale la inscripcion?", ["Matrícula: 40 €"], "inscripcion", "es")).toEqual(["matricula"]);
  });

  it("keeps each language's table to its questions, and one-way lines one way", () => {
    // An English question does not read the French table; a French question not the English one.
    expect(visitorPhraseNeighbours("bagnole", ["voiture"]).size).toBe(0);
    expect(visitorPhraseNeighbours("y a un elevator ?", ["L'immeuble a un lift."], "fr").size).toBe(0);
    // "coche" is no "carro" in a Spanish document ("carro de la compra"): carro → coche only.
    expect(visitorPhraseNeighbours("hay coche?", ["Hay un carro para las maletas."], "es").size).toBe(0);
    // A way that is the asked way in other forms relates nothing ("cours" is no neighbour of "particulier").
    expect(visitorPhraseNeighbours("combien pour un cours particulier", ["Cours particuliers : 48 €"], "fr").size).toBe(0);
    // "hora" is no appointment ("a qué hora abren").
    expect(visitorPhraseNeighbours("a que hora abren?", ["Pide cita por teléfono."], "es").size).toBe(0);
  });
});

describe("visitorPhraseNeighbours in German", () => {
  const near = (question: string, texts: string[], word: string) => visitorPhraseNeighbours(question, texts, "de").get(word)?.map((neighbour) => neighbour.word);

  it("relates a German visitor's everyday or regional word to the documents' word, compounds and plurals too", () => {
    expect(near("wie viel kohle kostet das", ["Das Geld wird erstattet."], "kohle")).toEqual(["geld"]);
    expect(near("wo kann ich parken", ["Parkplätze gibt es in den Seitenstraßen."], "parken")).toEqual(["parkplatze"]);
    expect(near("welche tram fährt zu euch", ["Mit der Straßenbahn: Linie 10."], "tram")).toEqual(["strassenbahn"]);
    expect(near("habt ihr sonnabends auf", ["Samstag: 8–14 Uhr"], "sonnabends")).toEqual(["samstag"]);
    // A compound holding the table's word: "Kinderschnitt" for "Kinder".
    expect(near("was kostet es für die kids", ["Kinderschnitt bis 10 Jahre: 16,50 €"], "kids")).toEqual(["kinderschnitt"]);
    expect(near("kann ich in sneakern tanzen", ["Turnschuhe mit Gummisohle bleiben hängen."], "sneakern")).toEqual(["turnschuhe"]);
  });

  it("reads German questions only, one-way lines one way, and no word a way shares only in part", () => {
    expect(visitorPhraseNeighbours("wo kann ich parken", ["Parkplätze gibt es hier."], "fr").size).toBe(0);
    // "Geld" is no "Kohle" in a German document (a barbecue's charcoal).
    expect(visitorPhraseNeighbours("gibt es geld zurück", ["Grillen mit Kohle ist verboten."], "de").size).toBe(0);
    // Cash is no bar: "bar" alone is not a document way of paying cash.
    expect(visitorPhraseNeighbours("kann ich mit bargeld zahlen", ["Unsere Bar im Foyer hat geöffnet."], "de").size).toBe(0);
  });
});

describe("answering a visitor's phrase", () => {
  // Every text at the same point in meaning: only the words decide. Both sentences say "pass": a tie, the first is chosen.
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const policies = [
    "Cancelling a class",
    "",
    "You can cancel up to 12 hours before a class and the class is put on your pass again.",
    "",
    "Refunds",
    "",
    "Passes are not refundable, but we extend a pass by the length of an illness.",
  ].join("\n");
  const hits: AnswerSource[] = [{ chunkId: "policies", documentId: "policies", documentTitle: "policies.pdf", content: policies, score: 0.5, vectorScore: 0.4 }];

  it("answers 'money back' with the sentence saying refundable", async () => {
    await warmWordNet();
    expect(await extractiveAnswerText("Can I get my money back for a pass I haven't used?", hits, flat)).toContain("not refundable");
  });

  it("answers an everyday word with the sentence saying the business's word", async () => {
    await warmWordNet();
    const faq = ["## Getting around", "", "No, the building is Victorian and has no lift. Room 1 is on the ground floor.", "", "## Pets", "", "Well-behaved dogs are welcome for €15 per night."].join("\n");
    const source: AnswerSource[] = [{ chunkId: "faq", documentId: "faq", documentTitle: "faq.md", content: faq, score: 0.5, vectorScore: 0.4 }];
    expect(await extractiveAnswerText("do you have an elevator", source, flat)).toContain("no lift");
  });
});

describe("answering a French or Spanish visitor's everyday word", () => {
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const source = (content: string): AnswerSource[] => [{ chunkId: "faq", documentId: "faq", documentTitle: "faq.md", content, score: 0.5, vectorScore: 0.4 }];

  it("answers a Spanish question in Latin American words with the sentence saying Spain's", async () => {
    const faq = ["## ¿Dónde dejo el coche?", "", "No disponemos de aparcamiento propio. El más cercano está en la calle Cádiz, a 200 metros.", "", "## ¿Aceptan tarjeta?", "", "Sí, con tarjeta o en efectivo."].join("\n");
    expect(await extractiveAnswerText("tienen estacionamiento?", source(faq), flat)).toContain("aparcamiento propio");
  });

  it("answers a French question in colloquial words with the sentence saying the written word", async () => {
    const faq = ["## Les animaux", "", "Un chien par emplacement est accepté, tenu en laisse.", "", "## La piscine", "", "La piscine est ouverte de 10h à 20h."].join("\n");
    expect(await extractiveAnswerText("je peux venir avec mon toutou ?", source(faq), flat)).toContain("Un chien par emplacement");
  });
});

describe("unsaidLexiconWays", () => {
  it("gives chat's search the documents' ways of a line no passage found says, in no way of it", () => {
    const ways = unsaidLexiconWays("hay parqueadero?", ["Lavamos cada coche a mano."]);
    expect(ways?.terms).toContain("aparcamiento");
    expect(ways?.terms).not.toContain("parqueadero");
    expect(ways?.says("Tenemos seis plazas de aparcamiento para clientes.")).toBe(true);
    expect(ways?.says("Lavamos cada coche a mano.")).toBe(false);
    expect(unsaidLexiconWays("is there a restroom?", ["We have eleven wheels."])?.says("There is a lift and an accessible toilet.")).toBe(true);
  });

  it("looks for nothing when a passage found says the line, in the documents' words or the visitor's", () => {
    expect(unsaidLexiconWays("hay parqueadero?", ["Tenemos seis plazas de aparcamiento."])).toBeUndefined();
    expect(unsaidLexiconWays("is there a restroom?", ["Our restroom is on the ground floor."])).toBeUndefined();
    // No line said; a language without a table.
    expect(unsaidLexiconWays("what is the boundary layer thickness at the leading edge", [])).toBeUndefined();
    expect(unsaidLexiconWays("gibt es einen Parkplatz?", [])).toBeUndefined();
  });
});
