import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { extractiveAnswerText } from "./answer-test-fixtures";
import { businessRoleNeighbours } from "./business-roles";
import { fitsAnswerType } from "./question-type";
import type { AnswerSource } from "./types";
import { warmWordNet } from "../wording/wordnet";

describe("businessRoleNeighbours", () => {
  it("matches a role word to the words of its own role the sources say, else to the other roles'", () => {
    const said = ["hannah", "doyle", "founded", "studio", "started", "runs", "classes"];
    expect(businessRoleNeighbours(["founder"], said).get("founder")?.map((near) => near.word)).toEqual(["founded", "started"]);
    expect(businessRoleNeighbours(["owns", "studio"], said).get("owns")?.map((near) => near.word)).toEqual(["founded", "started", "runs"]);
    // The sources say "owns" itself: its role is said, the others are not its neighbours.
    expect(businessRoleNeighbours(["owns"], ["owns", "runs", "garage"]).has("owns")).toBe(false);
    expect(businessRoleNeighbours(["proprietor"], ["owns", "runs", "hotel"]).get("proprietor")?.map((near) => near.word)).toEqual(["owns"]);
    expect(businessRoleNeighbours(["studio", "teaches"], said).size).toBe(0);
  });
});

describe("a person named after a role label or as a couple after 'by'", () => {
  it("states a person", () => {
    expect(fitsAnswerType("person", "Ridgeway is a family-run driving school, started in 2004 by Gareth and Lynne Pryce.")).toBe(true);
    expect(fitsAnswerType("person", "Manager: Declan Murphy.")).toBe(true);
    expect(fitsAnswerType("person", "We take cards and cash.")).toBe(false);
  });
});

describe("answering who is behind the business", () => {
  // Every text at the same point in meaning: only the words decide. Both sentences say "studio" and a capitalised pair.
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const studio = [
    "Getting here",
    "",
    "There is no parking at the studio: the Victoria car park on Station Parade is the closest.",
    "",
    "Our teachers",
    "",
    "Hannah Doyle founded the studio in 2014 and teaches Ashtanga.",
  ].join("\n");
  const hits: AnswerSource[] = [{ chunkId: "studio", documentId: "studio", documentTitle: "about.txt", content: studio, score: 0.5, vectorScore: 0.4 }];

  it("answers 'who owns' with the sentence naming the founder", async () => {
    // As the API does at start: a question answered in its own words looks its words' neighbours up once WordNet is read.
    await warmWordNet();
    expect(await extractiveAnswerText("who owns the studio", hits, flat)).toContain("Hannah Doyle founded");
  });
});
