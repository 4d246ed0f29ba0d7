import { describe, expect, it } from "vitest";
import { withContext } from "./answer-units";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerTypeOf, fitsAnswerType, statesWhatIsDoneThen } from "./question-type";
import { contentTerms } from "./text-analysis";
import { consequenceCaseEvent } from "./key-subject";
import { answerSource as source } from "./answer-test-fixtures";

/** Sentences (by a piece of their text with its context) at a given similarity to the question; the rest at `fallback`. */
const meaningOf = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  similarity: (unit) => table.find(([piece]) => withContext(unit).includes(piece))?.[1] ?? fallback,
});

// "What happens if …" / "what if …" asks what follows from a case: the sentence saying what is then done (charged,
// cleared, returned, lost), not the instruction beside it (issue 13, session 20, helper answers).
describe("questions about what follows from a case", () => {
  it("reads what happens if / what if as asking for a consequence, not what if I want to", () => {
    expect(answerTypeOf("what happens if I pay late")).toBe("consequence");
    expect(answerTypeOf("what if my car fails the MOT")).toBe("consequence");
    expect(answerTypeOf("I left my phone charger in the room after I checked out, what happens to it?")).toBe("consequence");
    // "What if I want to cancel?" asks how to, not what follows.
    expect(answerTypeOf("what if I want to cancel my monthly plan")).not.toBe("consequence");
    expect(answerTypeOf("what if I need more than 15 minutes with the vet")).toBe("consequence");
  });

  it("reads a consequence in a case, a charge, a refund or a loss, not in an instruction or a state", () => {
    for (const text of [
      "Appointments missed without notice are charged at £20.",
      "The fridges are cleared every Friday at 4 p.m.",
      "Later cancellations and no-shows lose the class.",
      "If you cancel later or do not arrive, the first night is charged.",
      "The deposit is returned within 14 days of moving out.",
      "Unused Flex days do not roll over to the next month.",
    ]) {
      expect(fitsAnswerType("consequence", text), text).toBe(true);
    }
    for (const text of ["Label food in the fridges with your name and the date.", "We are closed at weekends.", "Breakfast is served in the conservatory."]) {
      expect(fitsAnswerType("consequence", text), text).toBe(false);
    }
  });

  it("takes no weight from the word happen, which no sentence says", () => {
    expect(contentTerms("what happens if I pay late")).toEqual(["pay", "late"]);
    expect(contentTerms("what will happen to my deposit")).toEqual(["deposit"]);
  });

  it("answers with the sentence saying what follows rather than the instruction sharing more words", () => {
    const kitchen = source("house-rules", "## Kitchen\nLabel food in the fridges with your name and the date.\n\n## Cleaning\nThe fridges are cleared every Friday at 4 p.m.");
    const meaning = meaningOf([["Label food", 0.45], ["cleared", 0.55]]);
    const answer = composeExtractiveAnswer("what happens to food I leave in the fridge", [kitchen], {}, meaning).content;
    expect(answer).toContain("cleared every Friday");
    expect(answer).not.toContain("Label food");
  });

  // The rule beside the consequence shares more of the visitor's words: what is done then answers (session 22, helper
  // answers).
  it("reads what is done then, not a rule, a permission or the case alone", () => {
    for (const text of [
      "Appointments cancelled with less notice are charged at half the fee.",
      "Later cancellations and no-shows lose the class.",
      "Pets found with fleas are treated at your cost ($25).",
      "We return it within 14 days after you move out and hand back your key cards.",
      "Payments more than 10 days late incur a $35 late fee.",
    ]) {
      expect(statesWhatIsDoneThen(text), text).toBe(true);
    }
    for (const text of [
      "We ask for at least 24 hours' notice if you need to cancel or move an appointment.",
      "All pets must be treated for fleas and intestinal worms before they arrive.",
      "You can cancel up to 12 hours before a class and the class goes back on your pass.",
      "Unused bikes and accessories can be returned within 30 days with the receipt for a full refund.",
      "Leave the unit empty and swept, and take your lock off.",
    ]) {
      expect(statesWhatIsDoneThen(text), text).toBe(false);
    }
  });

  it("answers with what is done then rather than the rule beside it in its section", () => {
    const policies = source("policies", "## Cancelling a class\nYou can cancel up to 12 hours before a class and the class goes back on your pass. Later cancellations and no-shows lose the class.");
    const meaning = meaningOf([["You can cancel", 0.69], ["Later cancellations", 0.58]]);
    const answer = composeExtractiveAnswer("what happens if I cancel a class 2 hours before", [policies], {}, meaning).content;
    expect(answer).toContain("lose the class");
  });

  it("keeps the best sentence when what is done then sits elsewhere and scores far below it", () => {
    const policies = source("policies", "## Cancelling a class\nYou can cancel up to 12 hours before a class and the class goes back on your pass.\n\n## Refunds\nPasses are not refundable.");
    const meaning = meaningOf([["You can cancel", 0.69], ["not refundable", 0.2]]);
    const answer = composeExtractiveAnswer("what happens if I cancel a class 2 hours before", [policies], {}, meaning).content;
    expect(answer).toContain("goes back on your pass");
  });
});

// A consequence question whose case no source read names asks what follows from something the documents do not speak
// of (session 22, round 2, helper answers).
describe("consequence questions whose case no source names", () => {
  it("reads the event of the case: the verb after who it happens to, or what follows get / be / there's", () => {
    expect(consequenceCaseEvent("what happens if I crash the hire bike")).toBe("crash");
    expect(consequenceCaseEvent("what happens if my dog bites one of your staff")).toBe("bites");
    expect(consequenceCaseEvent("what if the hire bike gets stolen")).toBe("stolen");
    expect(consequenceCaseEvent("what if I get a parking ticket during a lesson")).toBe("ticket");
    expect(consequenceCaseEvent("what happens if there's a flood in my unit")).toBe("flood");
    expect(consequenceCaseEvent("what happens to my unused hours if I quit")).toBe("quit");
    expect(consequenceCaseEvent("what happens if I don't pay for two months")).toBe("pay");
    // A verb with its particle means what neither says alone ("arrive"); a clause before the verb is not read.
    expect(consequenceCaseEvent("what happens if I turn up late to my session")).toBeUndefined();
    expect(consequenceCaseEvent("what if we get back after the front door is locked")).toBeUndefined();
    expect(consequenceCaseEvent("what if the faucet I bought myself breaks")).toBeUndefined();
    expect(consequenceCaseEvent("do you board rabbits")).toBeUndefined();
  });

  // Issue 13, session 23 (helper decline): "fall ill" says the state, as "become ill" does; "falls" is no event.
  it("reads the state after fall as the event", () => {
    expect(consequenceCaseEvent("what happens if the teacher falls ill")).toBe("ill");
    expect(consequenceCaseEvent("what if my dog fell sick while boarding")).toBe("sick");
  });

  it("answers a case whose state a source names after another verb", () => {
    const lessons = source("terms", "## Lessons we cancel\nIf a teacher is ill, we will offer you a make-up lesson.\n\n## Kit\nEvery child needs a swimsuit and a towel.");
    const answer = composeExtractiveAnswer("what happens if the teacher falls ill", [lessons], {}, meaningOf([["make-up lesson", 0.5]]));
    expect(answer.content).toContain("make-up lesson");
  });

  const hire = source("hire", "## Hire\nEvery hire bike comes with a helmet, a lock and a puncture repair kit.\n\n## Late returns\nIf you bring a hire bike back late, we charge £10 for every hour.");
  const meaning = meaningOf([["Every hire bike", 0.5], ["Late returns", 0.45]]);

  it("declines a case whose event no source read names", () => {
    const answer = composeExtractiveAnswer("what happens if I crash the hire bike", [hire], {}, meaning);
    expect(answer.citations).toHaveLength(0);
  });

  it("answers a case whose event a source names", () => {
    const answer = composeExtractiveAnswer("what happens if I bring the hire bike back late", [hire], {}, meaning);
    expect(answer.content).toContain("£10 for every hour");
  });
});
