import { describe, expect, it } from "vitest";
import { missingContactFact } from "./contact-fact";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType } from "./question-type";
import { hasTerm } from "./score-units";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";

// Rules for wordings the dev sets' first interrogatives do not name, one per test, on hand-made passages.

const source = (id: string, content: string) => answerSource(id, content);

const meaningOf = meaningBySubstring;

describe("the kind of fact from the words after the interrogative", () => {
  it("reads 'how much notice' and 'how far in advance' as a duration, not a price or a distance", () => {
    expect(answerTypeOf("how much notice do you need to cancel an appointment")).toBe("duration");
    expect(answerTypeOf("How much warning do you need?")).toBe("duration");
    expect(answerTypeOf("How far in advance should I book?")).toBe("duration");
    expect(answerTypeOf("How far ahead do I need to book?")).toBe("duration");
    expect(answerTypeOf("If I cancel, how much notice is needed?")).toBe("duration");
    // "how much" on its own still asks for a price.
    expect(answerTypeOf("How much is a consultation?")).toBe("price");
    const cancelling = source(
      "cancelling",
      "## Cancelling\nAppointments missed without notice are charged at £20.\nPlease give us at least 24 hours' notice if you cannot come.",
    );
    expect(composeExtractiveAnswer("how much notice do you need to cancel an appointment", [cancelling], {}, meaningOf([["missed", 0.49]], 0.47)).content).toContain(
      "24 hours' notice",
    );
  });

  it("reads 'how old' and 'what age' as an age, stated as an age or a span of ages", () => {
    expect(answerTypeOf("how old does my puppy need to be for puppy party")).toBe("age");
    expect(answerTypeOf("What age do children have to be?")).toBe("age");
    expect(answerTypeOf("Is there an age limit for the climbing wall?")).toBe("age");
    expect(fitsAnswerType("age", "Puppy parties are for puppies between 10 and 16 weeks old.")).toBe(true);
    expect(fitsAnswerType("age", "Children are welcome from the age of 8.")).toBe(true);
    expect(fitsAnswerType("age", "Classes for over-16s only.")).toBe(true);
    expect(fitsAnswerType("age", "Kids under 12 ride free.")).toBe(true);
    // A bound that is not an age: a weight, a clock time.
    expect(fitsAnswerType("age", "Dog neuter 20 kg and over: £310.")).toBe(false);
    expect(fitsAnswerType("age", "We are open from 9 am.")).toBe(false);
  });

  it("reads 'how far' as a distance, and 'how do I get there' as a place", () => {
    expect(answerTypeOf("how far are you from the train station")).toBe("distance");
    expect(fitsAnswerType("distance", "The studio is a six-minute walk from the station.")).toBe(true);
    expect(fitsAnswerType("distance", "Turn left at the station.")).toBe(false);
    expect(fitsAnswerType("distance", "We are 2 km from the centre.")).toBe(true);
    expect(fitsAnswerType("distance", "A massage takes 60 minutes.")).toBe(false);
    expect(answerTypeOf("How do I get there by bus?")).toBe("place");
    expect(answerTypeOf("how can I find you")).toBe("place");
    // Getting something is not getting somewhere.
    expect(answerTypeOf("How do I get a repeat prescription?")).toBeNull();
  });
});

describe("where-questions", () => {
  it("answers with a sentence placing something before one that only shares the question's words", () => {
    const passages = [
      source("hours", "## Opening hours\nThe phone lines open at the same time as the surgery."),
      source("about", "## Finding us\nHollybrook Veterinary Surgery is at 42 Quarry Road, Kendal."),
    ];
    expect(composeExtractiveAnswer("where exactly is the surgery", passages, {}, meaningOf([["phone lines", 0.48], ["Quarry", 0.33]])).content).toContain(
      "42 Quarry Road",
    );
    // With no sentence placing anything, the best one still answers.
    expect(composeExtractiveAnswer("where exactly is the surgery", passages.slice(0, 1), {}, meaningOf([["phone lines", 0.48]])).content).toContain("phone lines");
  });

  it("looks the address up unless a passage read states one, or places what the question names", () => {
    const parking = "## Parking\nOur own car park behind the building has 12 spaces.";
    // A car park sentence places the car park, not the surgery.
    expect(missingContactFact("where exactly is the surgery", [parking, "## Opening hours\nThe phone lines open at the same time as the surgery."])).toBe("address");
    expect(missingContactFact("where are you?", [parking])).toBe("address");
    expect(missingContactFact("where exactly is the surgery", [parking, "We are at 42 Quarry Road, Kendal."])).toBeNull();
    expect(missingContactFact("where can I park?", [parking])).toBeNull();
  });
});

describe("yes/no questions with a word no source mentions", () => {
  it("answers by the other words once that word is weighed and carries nothing of the question", () => {
    const faq = source(
      "faq",
      "## Do you see exotic pets?\nYes. Dr Nowak sees rabbits, guinea pigs, ferrets, birds, tortoises and snakes.\n\n## Appointments\nWe keep slots free every morning for animals that fall ill that day.",
    );
    const similarity = meaningOf([["tortoises", 0.39], ["slots", 0.46]]);
    const weighed = (shift: number): SentenceMeaning => ({ ...similarity, shift: () => shift, unknownShift: () => shift });
    // Unweighed, "look" (no source says it) leaves the question to meaning alone: the nearer sentence.
    expect(composeExtractiveAnswer("can you look after my tortoise", [faq], {}, similarity).content).toContain("slots");
    // Weighed, "look" moves the question little: "tortoise" answers.
    expect(composeExtractiveAnswer("can you look after my tortoise", [faq], {}, weighed(0.05)).content).toContain("tortoises");
    // A word that carries the question keeps it to meaning: nothing is near enough, declined.
    expect(composeExtractiveAnswer("can you look after my tortoise", [faq], {}, weighed(0.3)).citations).toEqual([]);
  });
});

describe("word forms", () => {
  it("pairs a Spanish word's genders, not two nouns that only end alike", () => {
    expect(hasTerm(["alumnas"], "alumnos")).toBe(true);
    expect(hasTerm(["plazas"], "plazos")).toBe(false);
    expect(hasTerm(["plaza"], "plazo")).toBe(false);
    expect(hasTerm(["plazo"], "plazos")).toBe(true);
    expect(hasTerm(["puerta"], "puerto")).toBe(false);
  });

  it("matches a three-letter word and its plural, which sameStem's four letters leave out", () => {
    expect(hasTerm(["vet"], "vets")).toBe(true);
    expect(hasTerm(["vets"], "vet")).toBe(true);
    expect(hasTerm(["bus"], "buses")).toBe(true);
    expect(hasTerm(["van"], "vane")).toBe(false);
    expect(hasTerm(["car"], "cart")).toBe(false);
    expect(hasTerm(["pe"], "pes")).toBe(false);
  });

  it("matches a three-letter word and its forms doubling the last letter before -ing or -ed, not other words", () => {
    expect(hasTerm(["fitting"], "fit")).toBe(true);
    expect(hasTerm(["fit"], "fitting")).toBe(true);
    expect(hasTerm(["cutting"], "cut")).toBe(true);
    expect(hasTerm(["petted"], "pet")).toBe(true);
    expect(hasTerm(["letter"], "let")).toBe(false);
    expect(hasTerm(["bitter"], "bit")).toBe(false);
    expect(hasTerm(["fitness"], "fit")).toBe(false);
    expect(hasTerm(["sewing"], "sew")).toBe(false);
  });
});
