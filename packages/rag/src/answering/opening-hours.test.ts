import { describe, expect, it } from "vitest";
import { answerSource as source } from "./answer-test-fixtures";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { asksOpeningHours, isPersonRow, statesOpeningHours } from "./opening-hours";
import { answerUnitsOf } from "./score-units";

/** Sentence similarities given by substring: the first pattern a sentence (with its context) contains. */
const meaningOf = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  similarity: (unit) => table.find(([part]) => `${unit.context ?? ""} ${unit.text}`.includes(part))?.[1] ?? fallback,
});

describe("opening hours asked for a day", () => {
  it("reads questions about when the business opens on a day, not since when nor on a holiday", () => {
    for (const question of ["are you open on tuesdays", "what time do you close on saturday", "a que hora cerrais los sabados", "¿abrís los domingos?", "que horario teneis entre semana", "vous êtes ouverts le lundi ?", "habt ihr samstags geöffnet", "wann schließt ihr am Freitag"]) {
      expect(asksOpeningHours(question), question).toBe(true);
    }
    for (const question of ["what year did you open", "when is reception open", "are you open on christmas day", "how much is a saturday session", "cuanto cuesta el lavado los sabados"]) {
      expect(asksOpeningHours(question), question).toBe(false);
    }
  });

  it("answers with the opening-hours line for the day, not a team member's working days", () => {
    const hours = source("about.txt", "Opening hours\nMonday and Tuesday: closed\nWednesday and Thursday: 4pm to 10pm\nFriday: 4pm to 11:30pm\nThe last game starts 75 minutes before closing.", { vectorScore: 0.5 });
    const row = source("game-masters.csv", "Name: Marisol Vega\nRole: Events coordinator\nRooms: Birthday parties, team building\nUsually working: Monday to Friday", { vectorScore: 0.6 });
    // The team row is nearer in meaning and names Tuesday by its range, as the hours line does.
    const meaning = meaningOf([["Marisol", 0.46], ["Monday and Tuesday", 0.3]]);
    expect(composeExtractiveAnswer("are you open on tuesdays", [row, hours], {}, meaning).content).toContain("Monday and Tuesday: closed");
  });

  it("answers a Spanish question with the Horario line, not a row of the team", () => {
    const hours = source("quienes-somos.txt", "Horario\nLunes a viernes: 8:30–20:00\nSábados: 9:00–14:00\nDomingos y festivos: cerrado", { vectorScore: 0.5 });
    const row = source("equipo.csv", "Nombre: Nerea Gil\nPuesto: Lavadora\nSe encarga de: Lavados exteriores y completos\nDías: Lunes a sábado", { vectorScore: 0.8 });
    const meaning = meaningOf([["Nerea", 0.71], ["Sábados", 0.04]]);
    expect(composeExtractiveAnswer("a que hora cerrais los sabados", [row, hours], {}, meaning).content).toContain("9:00–14:00");
  });

  it("does not read parking hours or a class timetable as opening hours", () => {
    const [parking] = answerUnitsOf(["## Where to find us\nFree parking is in the lot after 5pm and all day on weekends."]);
    expect(statesOpeningHours(parking!, "are you open sundays")).toBe(false);
    const hours = source("about.txt", "Opening hours\nMonday: closed\nSunday: 12pm to 6pm", { vectorScore: 0.5 });
    const where = source("about.txt", "Where to find us\nFree parking is on the street or in the lot behind the building after 5pm and all day on weekends.", { vectorScore: 0.6 });
    const meaning = meaningOf([["parking", 0.41], ["Sunday", 0.3]]);
    expect(composeExtractiveAnswer("are you open sundays", [where, hours], {}, meaning).content).toContain("Sunday: 12pm to 6pm");
    const units = answerUnitsOf(["| Day | Time | Class |\n| --- | --- | --- |\n| Saturday | 09:00 | Beginners' Yoga |"]);
    expect(units.some((unit) => statesOpeningHours(unit, "is reception open on saturday"))).toBe(false);
  });

  it("knows a team row by a column of names", () => {
    const [row] = answerUnitsOf(["Nombre: Nerea Gil\nPuesto: Lavadora\nDías: Lunes a sábado"]);
    expect(row?.fields).toBeDefined();
    expect(isPersonRow(row!)).toBe(true);
    const [room] = answerUnitsOf(["Room: The Lighthouse\nPlayers: 3 to 8"]);
    expect(isPersonRow(room!)).toBe(false);
  });
});
