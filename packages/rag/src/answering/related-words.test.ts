import { describe, expect, it } from "vitest";
import { notTheSame, relatedNeighbours } from "./related-words";
import { packWordVectors, unpackWordVectors, type WordVectors } from "../wording/word-vectors";
import { warmWordNet } from "../wording/wordnet";

/** Word vectors of a few words (GloVe-like: related words near, opposites and kinds of one thing near too). */
function vectorsOf(points: Record<string, number[]>): WordVectors {
  const words = Object.keys(points);
  const vectors = Object.fromEntries(words.map((word) => [word, [...points[word]!, ...new Array(100 - points[word]!.length).fill(0)]]));
  return unpackWordVectors(packWordVectors(JSON.stringify({ dimensions: 100, words, vectors })));
}

describe("word vectors cache", () => {
  it("packs the package's JSON into int8 unit vectors and reads cosines back", () => {
    const vectors = vectorsOf({ the: [1, 0, 0], toilet: [3, 4, 0], restroom: [4, 3, 0], "1990": [0, 0, 1] });
    expect(vectors.size).toBe(3); // "1990" is no word.
    expect(vectors.cosine(vectors.indexOf("toilet")!, vectors.indexOf("restroom")!)).toBeCloseTo(0.96, 2);
    expect(vectors.kthNearest(vectors.indexOf("toilet")!, 1)).toBeCloseTo(0.96, 2);
    expect(vectors.indexOf("1990")).toBeUndefined();
  });
});

describe("relatedNeighbours", () => {
  const vectors = vectorsOf({
    restroom: [1, 0.05, 0],
    toilet: [1, 0, 0],
    horse: [0, 1, 0.1],
    dog: [0, 1, 0],
    cheap: [0, 0, 1],
    expensive: [0.05, 0, 1],
    sauna: [0, 0.2, 0, 1],
    parking: [0, 0, 0, 0, 1],
  });

  it("matches a question word to a source word GloVe puts next to it that WordNet does not tell apart", async () => {
    await warmWordNet();
    expect(relatedNeighbours(["restroom"], ["toilet", "dog", "parking"], vectors, 0).get("restroom")?.map((near) => near.word)).toEqual(["toilet"]);
  });

  it("does not match kinds of one thing, opposites, or words far apart", async () => {
    await warmWordNet();
    expect(notTheSame("horse", "dog")).toBe("sibling kinds");
    expect(notTheSame("cheap", "expensive")).toBe("both describe");
    expect(relatedNeighbours(["horse", "cheap", "sauna"], ["dog", "expensive", "parking", "toilet"], vectors, 0).size).toBe(0);
  });

  it("leaves out the most frequent words, which come near everything", async () => {
    await warmWordNet();
    expect(relatedNeighbours(["restroom"], ["toilet"], vectors, 3).size).toBe(0);
  });

  it("is empty without word vectors", () => {
    expect(relatedNeighbours(["restroom"], ["toilet"], undefined).size).toBe(0);
  });
});
