import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType, isAnswerTypeWord } from "./question-type";
import { answerSource } from "./answer-test-fixtures";
import { splitAnswerUnits } from "./answer-units";
import { scoreUnits } from "./score-units";
import { contentTerms } from "./text-analysis";
import { keySubjectWords } from "./key-subject";

const source = (id: string, content: string) => answerSource(id, content, { vectorScore: 0.8 });

// The English model does not read French: every sentence sits at one cosine from a French question.
const unread: SentenceMeaning = { similarity: () => 0.3 };

describe("French questions: the kind of fact asked for", () => {
  it("reads the interrogative, with or without its accents", () => {
    expect(answerTypeOf("l'accueil ferme a quelle heure en aout")).toBe("time");
    expect(answerTypeOf("À quelle heure ouvre l'accueil ?")).toBe("time");
    expect(answerTypeOf("combien faut-il verser pour réserver")).toBe("price");
    expect(answerTypeOf("c combien pour un enfant de 5 ans")).toBe("price");
    expect(answerTypeOf("combien de temps dure la visite")).toBe("duration");
    expect(answerTypeOf("combien de personnes dans le chalet")).toBe("quantity");
    expect(answerTypeOf("où se trouve la laverie")).toBe("place");
    expect(answerTypeOf("votre numéro de tel svp")).toBe("phone");
    expect(answerTypeOf("louez-vous des vélos")).toBeNull();
    // "ou" without its accent is "or": no place question.
    expect(answerTypeOf("une tente ou une caravane ?")).toBeNull();
  });

  it("reads the forms a French sentence states a time, a duration, a price and a place in", () => {
    expect(fitsAnswerType("time", "Il est ouvert de 8h à 21h sans interruption.")).toBe(true);
    expect(fitsAnswerType("time", "Les arrivées se font à partir de 14h.")).toBe(true);
    expect(fitsAnswerType("time", "Le club accueille les 5 à 12 ans.")).toBe(false);
    expect(fitsAnswerType("duration", "Pour un séjour de 7 nuits ou plus.")).toBe(true);
    expect(fitsAnswerType("price", "Le club enfants est gratuit.")).toBe(true);
    expect(fitsAnswerType("place", "Adresse : 14 route du Pô, 56340 Carnac.")).toBe(true);
    expect(isAnswerTypeWord("price", "combien")).toBe(true);
    expect(isAnswerTypeWord("time", "heure")).toBe(true);
  });

  it("answers a French price question with the sentence stating an amount", () => {
    const booking = source(
      "reglement",
      "## Réservation\nPour réserver, utilisez le formulaire en ligne.\n\n## Acompte\nToute réservation est confirmée après le paiement d'un acompte de 30 % du séjour.",
    );
    expect(composeExtractiveAnswer("combien faut-il verser pour réserver", [booking], {}, unread).content).toContain("acompte de 30 %");
  });

  it("reads a distance, an age, a frequency, a person and a count asked for", () => {
    expect(answerTypeOf("c'est loin de la plage ?")).toBe("distance");
    expect(answerTypeOf("à quelle distance est la mer")).toBe("distance");
    expect(answerTypeOf("combien de km jusqu'à Carnac")).toBe("distance");
    expect(answerTypeOf("à partir de quel âge les enfants vont au club")).toBe("age");
    expect(answerTypeOf("tous les combien changez-vous les draps")).toBe("frequency");
    expect(answerTypeOf("qui s'occupe du club enfants")).toBe("person");
    expect(answerTypeOf("avec qui dois-je parler pour réserver")).toBe("person");
    expect(answerTypeOf("quelle est la gare la plus proche")).toBe("place");
    expect(answerTypeOf("combien de personnes dans le chalet")).toBe("quantity");
  });

  it("reads the forms a French sentence states a distance, an age, a frequency, a person and a count in", () => {
    expect(fitsAnswerType("distance", "Le camping est à 600 mètres de la plage.")).toBe(true);
    expect(fitsAnswerType("distance", "Le bourg est à 10 minutes à pied.")).toBe(true);
    expect(fitsAnswerType("age", "Le club accueille les enfants à partir de 4 ans.")).toBe(true);
    expect(fitsAnswerType("age", "Enfant de moins de 2 ans : gratuit")).toBe(true);
    expect(fitsAnswerType("frequency", "Les draps sont changés chaque semaine.")).toBe(true);
    expect(fitsAnswerType("quantity", "Le chalet accueille jusqu'à quatre personnes.")).toBe(true);
    expect(fitsAnswerType("person", "Marie Le Goff vous accueille à la réception.")).toBe(true);
    expect(fitsAnswerType("person", "La gérante est Anne Riou.")).toBe(true);
    expect(fitsAnswerType("person", "Le club est animé par Yann Guégan.")).toBe(true);
    // A capitalised noun after a determiner is no name.
    expect(fitsAnswerType("person", "La Piscine Couverte est chauffée.")).toBe(false);
    expect(fitsAnswerType("person", "Les Pins Dorés sont un camping familial.")).toBe(false);
    expect(fitsAnswerType("distance", "Le club est ouvert de 10h à 12h.")).toBe(false);
  });

  it("answers a French who question with the sentence naming a person, a how-far question with the distance", () => {
    const team = source("equipe", "## Le club enfants\nLe club enfants s'occupe des enfants en juillet et en août.\nYann Guégan anime le club.");
    expect(composeExtractiveAnswer("qui s'occupe du club enfants", [team], {}, unread).content).toBe("Le club enfants: Yann Guégan anime le club. [1]");
    const where = source("situation", "## Situation\nLa plage de Carnac est surveillée en juillet et en août.\nLe camping est à 600 mètres de la mer.");
    expect(composeExtractiveAnswer("c'est loin de la plage ?", [where], {}, unread).content).toContain("600 mètres");
  });
});

describe("a staff list's rows and whom to call, in French and Spanish", () => {
  it("reads a row naming a person in its name field ('Nom', 'Prénom', 'Nombre') as stating a person", () => {
    expect(fitsAnswerType("person", "Nom: Camille Guérin; Fonction: Monitrice; Spécialité: Baby poney, cours enfants")).toBe(true);
    expect(fitsAnswerType("person", "Prénom: Inès; Fonction: Animatrice poney")).toBe(true);
    expect(fitsAnswerType("person", "Nombre: Lucía Ferrer; Cargo: Directora")).toBe(true);
    // A thing's name in the same field is no person's: a capitalised word joined to a lower-case one.
    expect(fitsAnswerType("person", "Nom: Mobil-home confort; Capacité: 6")).toBe(false);
  });

  it("answers a French who question with the staff row whose cells name what is asked about", () => {
    const team = source(
      "equipe",
      "Nom: Camille Guérin\nFonction: Monitrice\nSpécialité: Baby poney, cours enfants\n\nTarifs\nLe baby poney coûte 420 € l'année, pour les enfants de 4 à 6 ans.",
    );
    expect(composeExtractiveAnswer("qui s'occupe des baby poney ?", [team], {}, unread).content).toContain("Camille Guérin");
  });

  it("reads 'qui j'appelle', 'qui dois-je appeler' as asking for a number, as English 'who do I call'", () => {
    expect(answerTypeOf("mon cheval est malade ce soir, qui j'appelle ?")).toBe("phone");
    expect(answerTypeOf("qui dois-je appeler en cas d'urgence")).toBe("phone");
    expect(answerTypeOf("qui faut-il appeler le week-end")).toBe("phone");
    expect(answerTypeOf("qui s'occupe du club enfants")).toBe("person");
    expect(isAnswerTypeWord("phone", "appelle")).toBe(true);
  });
});

describe("when, and the words of asking, in French, Spanish and German", () => {
  it("reads 'quand' ending the question or after 'jusqu'à', 'cuándo' anywhere, 'wann' anywhere as asking for a time", () => {
    expect(answerTypeOf("la commande des croissants se fait quand ?")).toBe("time");
    expect(answerTypeOf("jusqu'à quand peut-on se baigner dehors")).toBe("time");
    expect(answerTypeOf("puis-je annuler quand il pleut")).not.toBe("time");
    expect(answerTypeOf("el final del curso, cuándo es")).toBe("time");
    expect(answerTypeOf("puedo cancelar cuando llueve")).not.toBe("time");
    expect(answerTypeOf("und samstags, wann macht ihr auf")).toBe("time");
  });

  it("takes 'faut', 'peut', 'jusqu' for words of asking, no topic of the question", () => {
    expect(contentTerms("à quelle heure faut-il rendre le mobil-home")).toEqual(["heure", "rendre", "mobil", "home"]);
    expect(contentTerms("jusqu'à quand peut-on se baigner")).toEqual(["quand", "baigner"]);
  });

  it("reads the kind of fact a row states in its cells, not in its column labels", () => {
    const units = splitAnswerUnits(
      "| Forfait | Basse saison (avril, mai, juin) | Haute saison (juillet, août) |\n| --- | --- | --- |\n| Emplacement nu, tente ou caravane | 19,50 € | 34,00 € |\n\nAccueil\nLes arrivées se font à partir de 14h pour les emplacements.",
    );
    const scored = scoreUnits("on peut arriver à quelle heure avec notre tente ?", units, () => 0);
    const row = scored.find((unit) => unit.fields !== undefined)!;
    expect(row.fitsType).toBe(false);
    expect(scored.find((unit) => unit.text.startsWith("Les arrivées"))!.fitsType).toBe(true);
  });
});

describe("a noun and the infinitive of its use", () => {
  it("reads 'machine à laver', 'máquina de lavar' as the thing asked about, both words", () => {
    expect(keySubjectWords("y a une machine à laver ?")).toEqual(["machine", "laver"]);
    expect(keySubjectWords("¿hay máquina de lavar?")).toEqual(["maquina", "lavar"]);
    expect(keySubjectWords("y a-t-il une machine à café ?")).toEqual(["machine"]);
  });
});
