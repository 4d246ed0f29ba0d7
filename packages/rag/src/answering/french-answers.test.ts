import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType, isAnswerTypeWord } from "./question-type";
import { answerSource } from "./answer-test-fixtures";

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
});
