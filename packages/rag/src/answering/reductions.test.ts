import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { asksForReduction, statesReduction } from "./reductions";

const declined = { content: NOT_FOUND_ANSWER, citations: [] };

describe("a question about a reduction in price", () => {
  it("reads discounts, reductions, concessions, money off and 'cheaper' as asking about one", () => {
    expect(asksForReduction("is there a discount for students")).toBe(true);
    expect(asksForReduction("is there a reduction for pensioners")).toBe(true);
    expect(asksForReduction("do over 65s get money off")).toBe(true);
    expect(asksForReduction("is it cheaper if I pay for the whole year")).toBe(true);
    expect(asksForReduction("how much is a bike service")).toBe(false);
    expect(asksForReduction("who deals with skin problems")).toBe(false);
  });

  it("takes a share, an amount off, a period given free or a word of reducing as stating one, and a bare price or 'free' not", () => {
    expect(statesReduction("Nonprofits get 15% off any monthly plan.")).toBe(true);
    expect(statesReduction("Saver (10% cheaper)")).toBe(true);
    expect(statesReduction("Pay for a year up front and get one month free.")).toBe(true);
    expect(statesReduction("Book five sessions and save £25.")).toBe(true);
    expect(statesReduction("Take £5 off your second class.")).toBe(true);
    expect(statesReduction("A late return costs £10 for every hour.")).toBe(false);
    expect(statesReduction("Every pupil gets free access to our theory test app.")).toBe(false);
    expect(statesReduction("Children under 5 stay free when they share their parents' room.")).toBe(false);
    expect(statesReduction("We can cut the lock off for a fee of €35.")).toBe(false);
    expect(statesReduction("All prices include pick-up and drop-off in our area.")).toBe(false);
    expect(statesReduction("The service call fee is waived if you go ahead with the repair.")).toBe(false);
  });

  it("declines a discount question over sentences stating only prices, and answers it with the one stating a reduction", () => {
    const hire = answerSource("hire", "## Bike hire\nA city bike is £15 a day. A late return costs £10 for every hour.");
    const meaning = meaningBySubstring([["late return", 0.48], ["city bike", 0.46]], 0.1);
    expect(composeExtractiveAnswer("is there a discount for returning customers", [hire], {}, meaning)).toEqual(declined);
    const discounts = answerSource("discounts", "## Discounts\nNonprofits get 15% off any monthly plan.");
    const both = meaningBySubstring([["late return", 0.5], ["Nonprofits", 0.46]], 0.1);
    expect(composeExtractiveAnswer("is there a discount for charities", [hire, discounts], {}, both).content).toContain("15% off");
    // A question about something else is answered by a price as before.
    expect(composeExtractiveAnswer("how much is a city bike", [hire], {}, meaning).content).toContain("£15");
  });
});

describe("a price question over a sentence saying only that something is free", () => {
  const estimates = answerSource("faq", "## Do you give free estimates?\nYes, estimates for replacing a water heater or a furnace are free.");
  const parking = answerSource("parking", "## Getting here\nParking is free behind the building.");

  it("declines the price of a thing the sentence does not name, and answers the price of the free thing it names", () => {
    const meaning = meaningBySubstring([["estimates", 0.47], ["Parking", 0.5]], 0.1);
    expect(composeExtractiveAnswer("how much is a water softener", [estimates], {}, meaning)).toEqual(declined);
    expect(composeExtractiveAnswer("how much is parking", [parking], {}, meaning).content).toContain("Parking is free");
    // Asked whether it is free, "free" is the fact asked for, whatever else the question names.
    expect(composeExtractiveAnswer("is the estimate for a water softener free", [estimates], {}, meaning).content).toContain("are free");
  });

  it("answers with a sentence stating a figure instead, when one is read", () => {
    const prices = answerSource("prices", "## Our pricing\n40-gallon gas water heater, installed: from $1,650.");
    const meaning = meaningBySubstring([["estimates", 0.5], ["40-gallon", 0.46]], 0.1);
    expect(composeExtractiveAnswer("roughly what does a new water heater cost", [estimates, prices], {}, meaning).content).toContain("$1,650");
  });
});
