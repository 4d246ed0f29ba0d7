import { beforeAll, describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { refundCaseVerb, saysCase } from "./refund-case";
import { warmWordNet } from "../wording/wordnet";

beforeAll(async () => {
  await warmWordNet();
});

describe("the case a refund question names", () => {
  it("reads the verb after 'if', with its particle when WordNet lists the two, and no state", () => {
    expect(refundCaseVerb("do I get my deposit back if I cancel a month before")).toEqual(["cancel"]);
    expect(refundCaseVerb("do I get money back if I pick my dog up early")).toEqual(["pick_up"]);
    expect(refundCaseVerb("can I get a refund if I'm sick")).toBeUndefined();
    expect(refundCaseVerb("can i get a refund if i dont like it")).toBeUndefined();
    expect(refundCaseVerb("can I get a refund on a gift voucher")).toBeUndefined();
  });

  it("takes the case as said by its words or theirs that mean the same, not by the verb without its particle", () => {
    expect(saysCase(["cancel"], "Deposits are refunded in full if you cancel more than 14 days before the stay.")).toBe(true);
    expect(saysCase(["cancel"], "Cancellation: free until 48 hours before arrival")).toBe(true);
    expect(saysCase(["pick_up"], "Deposits are refunded in full if you cancel more than 14 days before the stay.")).toBe(false);
    expect(saysCase(["pick_up"], "Please pick your dog up before 6pm.")).toBe(false);
    expect(saysCase(["pick_up"], "You can pick up your dog until 6pm.")).toBe(true);
  });

  it("declines a refund asked for a case over the refund of another case", () => {
    const deposits = answerSource("conditions", "## Cancellations\nDeposits are refunded in full if you cancel more than 14 days before the stay.");
    const meaning = meaningBySubstring([["Deposits are refunded", 0.6]], 0.1);
    expect(composeExtractiveAnswer("do I get money back if I pick my dog up early", [deposits], {}, meaning)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    expect(composeExtractiveAnswer("do I get my money back if I cancel a month before", [deposits], {}, meaning).content).toContain("refunded in full");
  });
});
