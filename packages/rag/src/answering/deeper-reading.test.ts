import { describe, expect, it } from "vitest";
import { answerQuestion } from "./answer-question";
import { answerSource as source } from "./answer-test-fixtures";
import { composeExtractiveAnswer, declinedForKindUnread, NOT_FOUND_ANSWER, SOURCES_READ, sourcesReadAtMost } from "./extractive-answer";
import type { AnswerSource } from "./types";

async function answerText(question: string, hits: AnswerSource[]): Promise<{ content: string; cited: number }> {
  let done = { content: "", cited: 0 };
  for await (const event of answerQuestion({ question, history: [], hits, systemPrompt: "", chatModel: null })) {
    if (event.type === "done") done = { content: event.content, cited: event.citations.length };
  }
  return done;
}

// Five passages about boarding that name nobody, ranked before the "About us" passage naming the owners.
const boarding = [
  source("rates", "## Boarding rates\nA standard suite costs $45 a night for one dog.", { vectorScore: 0.4 }),
  source("suites", "## Suites\nEvery suite has a heated floor and a covered run.", { vectorScore: 0.38 }),
  source("food", "## Food\nWe feed dry food twice a day at no extra charge.", { vectorScore: 0.36 }),
  source("walks", "## Walks\nDogs are walked twice a day in the paddocks.", { vectorScore: 0.35 }),
  source("arrival", "## Arrival\nDrop-off is from 8am to 11am on weekdays.", { vectorScore: 0.34 }),
];
const about = source("about", "## About us\nMel Dwyer is the owner of Wattle Creek and has run it since 2009.", { vectorScore: 0.3 });

// Issue 13, session 22 (helper depth): an English wh-question asking for a kind of fact none of the first five sources
// states is answered from the sources past them (SOURCES_READ_DEEPER) when one of those states it.
describe("reading past the first sources when none states the kind of fact asked for", () => {
  it("answers a who-question from the sixth source when the first five name nobody", async () => {
    expect(boarding).toHaveLength(SOURCES_READ);
    expect(composeExtractiveAnswer("who is the owner", [...boarding, about]).content).toBe(NOT_FOUND_ANSWER);
    const { content, cited } = await answerText("who is the owner", [...boarding, about]);
    expect(content).toContain("Mel Dwyer");
    expect(cited).toBe(1);
  });

  it("still declines when no source read, however deep, states the kind", async () => {
    const notes = source("notes", "## Notes\nPlease label your dog's lead and collar.", { vectorScore: 0.3 });
    const { content, cited } = await answerText("who is the owner", [...boarding, notes]);
    expect(content).toBe(NOT_FOUND_ANSWER);
    expect(cited).toBe(0);
  });

  it("reads no further when a source read states the kind but answers something else", () => {
    // The first five name a person (the groomer): the question is declined by the usual rules, not read further.
    const withGroomer = [...boarding.slice(0, 4), source("groomer", "## Grooming\nOur groomer Ana Silva washes dogs on Fridays.", { vectorScore: 0.34 })];
    const answer = composeExtractiveAnswer("who is the owner", [...withGroomer, about]);
    expect(answer.citations).toHaveLength(0);
    expect(declinedForKindUnread(answer)).toBe(false);
    expect(declinedForKindUnread(composeExtractiveAnswer("who is the owner", [...boarding, about]))).toBe(true);
  });

  it("loads the sentence vectors of every source an answer may read", () => {
    expect(sourcesReadAtMost("who is the owner")).toBe(8);
    expect(sourcesReadAtMost("wer ist der Inhaber")).toBe(8);
  });
});
