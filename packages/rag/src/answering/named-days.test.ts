import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { answerSource } from "./answer-test-fixtures";
import { dayFit, namedDays } from "./named-days";

const days = (text: string, everyDay = true) => [...namedDays(text, { everyDay })].sort();

/** Sentence similarities given by substring: the first pattern a sentence (with its context) contains. */
const meaningOf = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  similarity: (unit) => table.find(([part]) => `${unit.context ?? ""} ${unit.text}`.includes(part))?.[1] ?? fallback,
});

describe("the days of the week a text names", () => {
  it("reads days, ranges with the days between, the weekend, weekdays and every day, in English, Spanish, French and German", () => {
    expect(days("when do you shut on a Friday")).toEqual([4]);
    expect(days("We are closed on Sundays.")).toEqual([6]);
    expect(days("We are open Monday to Friday, 9am to 5pm.")).toEqual([0, 1, 2, 3, 4]);
    expect(days("Mon–Sat 8:00–18:00")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(days("Open Friday to Monday")).toEqual([0, 4, 5, 6]);
    expect(days("Sat: 9–12")).toEqual([5]);
    expect(days("de lunes a viernes de 9 a 14 h")).toEqual([0, 1, 2, 3, 4]);
    expect(days("¿abrís los sábados?")).toEqual([5]);
    expect(days("du mardi au samedi")).toEqual([1, 2, 3, 4, 5]);
    expect(days("Mo.–Fr. 9–18 Uhr, Sa 9–14 Uhr")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(days("Dienstag bis Samstag")).toEqual([1, 2, 3, 4, 5]);
    expect(days("wie lange ist donnerstags geöffnet")).toEqual([3]);
    for (const weekend of ["the weekend", "le week-end", "los fines de semana", "am Wochenende"]) expect(days(weekend), weekend).toEqual([5, 6]);
    for (const weekdays of ["on weekdays", "entre semana", "en semaine", "werktags"]) expect(days(weekdays), weekdays).toEqual([0, 1, 2, 3, 4]);
    expect(days("open daily from 7")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days("tous les jours")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // A question's "daily" asks about no day.
    expect(days("what is your daily rate", false)).toEqual([]);
  });

  it("reads no day in words that only look like one", () => {
    for (const text of ["I sat down", "Sun cream is sold at reception", "Mar 15 to Mar 20", "Do you open early?", "Sa a Do", "So we close at 5"]) expect(days(text), text).toEqual([]);
  });

  it("fits a sentence naming one of the question's days, not one naming only others", () => {
    const friday = namedDays("when do you shut on a Friday");
    expect(dayFit(friday, "We are open Monday to Friday until 6 pm.")).toBe(1);
    expect(dayFit(friday, "We are closed on Sundays.")).toBe(-1);
    expect(dayFit(friday, "We close at 6 pm.")).toBe(0);
    expect(dayFit(namedDays("what time do you close"), "We are closed on Sundays.")).toBe(0);
    expect(dayFit(namedDays("are you open on Saturday?"), "We are closed at the weekend.")).toBe(1);
  });

  it("answers with the sentence naming the day the question asks about", () => {
    const hours = answerSource("hours", "## Opening hours\nWe are closed on Sundays and bank holidays.\nTuesday to Saturday: 9 am to 6 pm.");
    // The Sunday sentence is nearer in meaning and shares "closed"; the other names Friday only inside "Tuesday to Saturday".
    const meaning = meaningOf([["Sundays", 0.55], ["Tuesday", 0.5]]);
    expect(composeExtractiveAnswer("when are you closed on a friday", [hours], {}, meaning).content).toContain("Tuesday to Saturday: 9 am to 6 pm");
    expect(composeExtractiveAnswer("are you open on a Sunday?", [hours], {}, meaning).content).toContain("We are closed on Sundays");
  });
});
