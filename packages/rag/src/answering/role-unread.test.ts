import { describe, expect, it } from "vitest";
import { answerSource as source } from "./answer-test-fixtures";
import { composeExtractiveAnswer, declinedForKindUnread, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { askedRoleWords } from "./key-subject";

// A clinic's team, naming a director, a physiotherapist and a massage therapist, and no receptionist or podiatrist.
const team = [
  source("team", "## Our team\nHannah Okafor is our clinical director and physiotherapist.\nRuth Sykes is our sports massage therapist.", { vectorScore: 0.5 }),
  source("fitting", "## Workshop\nJonas Berg does our bike fitting and e-bike repairs.", { vectorScore: 0.4 }),
];

/** Every sentence near the question; the words listed carry it (as weighWords would find), the others nothing. */
function meaningCarriedBy(...carrying: string[]): SentenceMeaning {
  return { similarity: () => 0.55, shift: (word) => (carrying.includes(word) ? 0.3 : 0.02), neighbours: new Map() };
}

// Issue 13, session 22 (helper depth, round 2): a who-question about a role or job no source read attributes to anyone
// is declined rather than answered with another person's row; one whose role is named is answered.
describe("who-questions about a role nobody holds", () => {
  it("reads the role or job a who-question asks about", () => {
    expect(askedRoleWords("who is the head lifeguard at redland")).toEqual(["head", "lifeguard"]);
    expect(askedRoleWords("who's your receptionist?")).toEqual(["receptionist"]);
    expect(askedRoleWords("who does the bodywork")).toEqual(["bodywork"]);
    expect(askedRoleWords("who cleans the studio")).toEqual(["cleans", "studio"]);
    expect(askedRoleWords("who do I talk to about my e-bike motor")).toEqual([]);
    expect(askedRoleWords("what time do you open")).toEqual([]);
  });

  it("declines a who-question whose role no source read says, and marks it to be read further", () => {
    const answer = composeExtractiveAnswer("who is your receptionist", team, {}, meaningCarriedBy("receptionist"));
    expect(answer.content).toBe(NOT_FOUND_ANSWER);
    expect(declinedForKindUnread(answer)).toBe(true);
    expect(composeExtractiveAnswer("who is the podiatrist", team, {}, meaningCarriedBy("podiatrist")).content).toBe(NOT_FOUND_ANSWER);
  });

  it("answers a who-question whose role a source names", () => {
    expect(composeExtractiveAnswer("who is the sports massage therapist", team, {}, meaningCarriedBy()).content).toContain("Ruth Sykes");
    expect(composeExtractiveAnswer("who does bike fitting", team, {}, meaningCarriedBy()).content).toContain("Jonas Berg");
  });

  it("answers when the unsaid word carries nothing of the question", () => {
    // "currently" is said nowhere but weighs nothing: the role asked about is the massage therapist.
    const answer = composeExtractiveAnswer("who is currently the sports massage therapist", team, {}, meaningCarriedBy());
    expect(answer.content).toContain("Ruth Sykes");
  });
});
