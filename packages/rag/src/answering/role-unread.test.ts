import { describe, expect, it } from "vitest";
import { answerSource as source } from "./answer-test-fixtures";
import { composeExtractiveAnswer, declinedForKindUnread, NOT_FOUND_ANSWER, type SentenceMeaning } from "./extractive-answer";
import { askedRoleName, askedRoleWords } from "./key-subject";
import { roleWordsHeldByNoOne } from "./role-holders";

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

// A pest control firm's team rows and prose: "sales" and "service" are said, but of what the firm sells and services,
// never beside a person; "manager" only in the office manager's row.
const firm = [
  source("team.csv", "Name: Maria Alvarez\nRole: Office manager\nSpecialties: Scheduling, billing\nWorks: Monday to Friday", { vectorScore: 0.6 }),
  source("team.csv", "Name: Tyrone Banks\nRole: Senior technician\nSpecialties: Bed bugs, heat treatments\nWorks: Tuesday to Saturday", { vectorScore: 0.5 }),
  source("services", "## Home Shield\nOur sales team can explain every plan. Each service visit comes with a written report.", { vectorScore: 0.5 }),
];

// Issue 13, session 23 (helper decline): a role whose words the sources say, but not of anyone ("sales" of what the
// firm sells) is held by no one the documents name; each word of the role must be said beside a person.
describe("who-questions about a role whose words are said of no one", () => {
  it("finds the role words no sentence stating a person says", () => {
    const people = ["Maria Alvarez is our office manager.", "Tom Whitaker runs sales and hire."];
    expect(roleWordsHeldByNoOne(["sales", "manager"], people.slice(0, 1), [])).toEqual(["sales"]);
    expect(roleWordsHeldByNoOne(["sales", "manager"], people, [])).toEqual([]);
    // A word every document says names the business, not the role ("swim" at a swim school); who is behind the
    // business is said in many ways ("run by", "founded"); "best" names no role.
    expect(roleWordsHeldByNoOne(["swim", "teacher"], ["Lucy Penrose is our baby and toddler teacher."], ["swim"])).toEqual([]);
    expect(roleWordsHeldByNoOne(["owner"], people.slice(1), [])).toEqual([]);
    expect(roleWordsHeldByNoOne(["best"], people, [])).toEqual([]);
    // The sources' word meaning the same, beside a person: "manager" ~ "runs".
    const neighbours = new Map([["manager", [{ word: "runs", similarity: 1 }]]]);
    expect(roleWordsHeldByNoOne(["hire", "manager"], people.slice(1), [], neighbours)).toEqual([]);
  });

  it("finds a role whose words are each said of someone, but its modifier only as part of another role", () => {
    const team = [
      "Name: Jo Marsh; Role: Bookings and shop manager; In the studio: Tuesday to Saturday",
      "Name: Sam Devlin; Role: Studio technician; Teaches: Kiln firing; In the studio: Tuesday to Saturday",
      "Name: Ruth Okafor; Role: Founder and head tutor; In the studio: Tuesday to Friday",
    ];
    expect(roleWordsHeldByNoOne(["head", "technician"], team, [])).toEqual(["head", "technician"]);
    expect(roleWordsHeldByNoOne(["shop", "tutor"], team, [])).toEqual(["shop", "tutor"]);
    // A modifier inside a short cell naming another role, not right before its noun.
    expect(roleWordsHeldByNoOne(["bookings", "tutor"], team, [])).toEqual(["bookings", "tutor"]);
    const masters = ["Name: Tom Keller; Role: Co-owner and builder", "Name: Aaliyah Grant; Role: Lead game master; Rooms: All rooms"];
    expect(roleWordsHeldByNoOne(["lead", "builder"], masters, [])).toEqual(["lead", "builder"]);
    expect(roleWordsHeldByNoOne(["lead", "game", "master"], masters, [])).toEqual([]);
    // Said together of one person; a modifier said of what someone does, not as another role; the owner.
    expect(roleWordsHeldByNoOne(["bookings", "manager"], team, [])).toEqual([]);
    expect(roleWordsHeldByNoOne(["kiln", "technician"], team, [])).toEqual([]);
    expect(roleWordsHeldByNoOne(["brake", "technician"], ["Tom Reilly looks after tyres and brakes.", "Amy Cole is our MOT technician."], [])).toEqual([]);
    expect(roleWordsHeldByNoOne(["studio", "owner"], team, [])).toEqual([]);
    // "specialist" names whoever does what its modifier says.
    expect(roleWordsHeldByNoOne(["termite", "specialist"], ["Name: Dale Hutchins; Role: Owner; Specialties: Termites"], [])).toEqual([]);
  });

  it("reads the name of the role after who is, not a task", () => {
    expect(askedRoleName("who is the sales manager?")).toEqual(["sales", "manager"]);
    expect(askedRoleName("who's your receptionist")).toEqual(["receptionist"]);
    expect(askedRoleName("who does bike fitting")).toEqual([]);
    expect(askedRoleName("who owns the shop")).toEqual([]);
  });

  it("declines a role whose words are said, but not beside a person", () => {
    const sales = composeExtractiveAnswer("who is the sales manager", firm, {}, meaningCarriedBy());
    expect(sales.content).toBe(NOT_FOUND_ANSWER);
    expect(declinedForKindUnread(sales)).toBe(true);
    expect(composeExtractiveAnswer("who is your customer service manager", firm, {}, meaningCarriedBy()).content).toBe(NOT_FOUND_ANSWER);
  });

  it("answers a role said beside a person", () => {
    expect(composeExtractiveAnswer("who is the office manager", firm, {}, meaningCarriedBy()).content).toContain("Maria Alvarez");
    expect(composeExtractiveAnswer("who is the senior technician", firm, {}, meaningCarriedBy()).content).toContain("Tyrone Banks");
    expect(composeExtractiveAnswer("who does heat treatments", firm, {}, meaningCarriedBy()).content).toContain("Tyrone Banks");
  });
});
