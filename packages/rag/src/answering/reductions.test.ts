import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER } from "./extractive-answer";
import { answerSource, meaningBySubstring } from "./answer-test-fixtures";
import { paymentTermAsked, statesPaymentTerm } from "./reductions";

const asksForReduction = (question: string) => paymentTermAsked(question) === "reduction";
const statesReduction = (text: string) => statesPaymentTerm("reduction", text);

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

describe("a question about a refund or about paying in instalments", () => {
  it("reads refunds, money back and reimbursing, and instalments, payment plans, financing and spreading the cost", () => {
    expect(paymentTermAsked("can I get a refund on a gift voucher")).toBe("refund");
    expect(paymentTermAsked("are gift vouchers refundable")).toBe("refund");
    expect(paymentTermAsked("do I get my money back if I cancel")).toBe("refund");
    expect(paymentTermAsked("is parking reimbursed")).toBe("refund");
    expect(paymentTermAsked("can I pay in installments")).toBe("instalments");
    expect(paymentTermAsked("do you do payment plans")).toBe("instalments");
    expect(paymentTermAsked("can I spread the cost of a big bill")).toBe("instalments");
    expect(paymentTermAsked("can I finance a new furnace")).toBe("instalments");
    expect(paymentTermAsked("when do I get my deposit back")).toBeUndefined();
    expect(paymentTermAsked("how much is a gift voucher")).toBeUndefined();
  });

  it("takes a refund either way, money returned or a free cancellation as stating a refund", () => {
    expect(statesPaymentTerm("refund", "Passes are not refundable, but we extend a pass by the length of an illness.")).toBe(true);
    expect(statesPaymentTerm("refund", "Saver (10% cheaper) — Cancellation: Non-refundable")).toBe(true);
    expect(statesPaymentTerm("refund", "The deposit is returned within 14 days of moving out.")).toBe(true);
    expect(statesPaymentTerm("refund", "Flexible — Cancellation: Free until 48 hours before arrival")).toBe(true);
    expect(statesPaymentTerm("refund", "There is no charge to cancel if you give us 4 hours' notice.")).toBe(true);
    expect(statesPaymentTerm("refund", "Gift vouchers are valid for 12 months.")).toBe(false);
    expect(statesPaymentTerm("refund", "Every repair comes with a 12-month parts and labour guarantee.")).toBe(false);
  });

  it("takes instalments, a plan, financing or when payment falls due as stating how one pays, and an offer bought in advance not", () => {
    expect(statesPaymentTerm("instalments", "Bills over £300 can be spread over three monthly payments with our payment plan.")).toBe(true);
    expect(statesPaymentTerm("instalments", "Jobs over $1,000 can be financed through Synchrony with 0% interest.")).toBe(true);
    expect(statesPaymentTerm("instalments", "Payment is due when the job is finished.")).toBe(true);
    expect(statesPaymentTerm("instalments", "Buy five follow-up treatments in advance for £235 and save £25.")).toBe(false);
    expect(statesPaymentTerm("instalments", "Company fleets can pay monthly by invoice.")).toBe(false);
  });

  it("declines a refund or instalments question over sentences about the thing that do not state it, and answers with one that does", () => {
    const vouchers = answerSource("vouchers", "## Gift vouchers\nGift vouchers are available for any amount from £25 and are valid for 12 months.");
    const meaning = meaningBySubstring([["Gift vouchers", 0.62]], 0.1);
    expect(composeExtractiveAnswer("can I get a refund on a gift voucher", [vouchers], {}, meaning)).toEqual(declined);
    const refunds = answerSource("refunds", "## Refunds\nGift vouchers are not refundable.");
    const both = meaningBySubstring([["valid for", 0.62], ["not refundable", 0.5]], 0.1);
    expect(composeExtractiveAnswer("can I get a refund on a gift voucher", [vouchers, refunds], {}, both).content).toContain("not refundable");
    const prices = answerSource("prices", "## Prices\nFollow-up treatment — £52 for 30 minutes.");
    const price = meaningBySubstring([["Follow-up", 0.55]], 0.1);
    expect(composeExtractiveAnswer("can I pay for my treatment in monthly instalments", [prices], {}, price)).toEqual(declined);
    // A question about the thing alone is answered by it as before.
    expect(composeExtractiveAnswer("how long are gift vouchers valid", [vouchers], {}, meaning).content).toContain("12 months");
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
