import { describe, expect, it } from "vitest";
import { createBm25Index, tokenize } from "./bm25";

describe("tokenize", () => {
  it("splits on anything that is not a letter or digit, lowercases and drops diacritics", () => {
    expect(tokenize("¿Canción de ÑANDÚ? e-mail: foo@bar.com 2024!")).toEqual(["cancion", "de", "nandu", "e", "mail", "foo", "bar", "com", "2024"]);
    expect(tokenize("مَرْحَبًا بالعالم")).toEqual(["مرحبا", "بالعالم"]);
  });
});

describe("createBm25Index", () => {
  const docs = [
    { id: "a", text: "the cat sat on the mat" },
    { id: "b", text: "the dog chased the cat around the garden" },
    { id: "c", text: "quantum chromodynamics of the strong interaction" },
    { id: "d", text: "the the the the the" },
  ];

  it("ranks by BM25: rare terms outweigh common ones, shorter documents win ties", () => {
    const index = createBm25Index(docs);
    expect(index.search("the strong interaction", 10)[0]?.id).toBe("c");
    const cat = index.search("cat", 10);
    expect(cat.map((hit) => hit.id)).toEqual(["a", "b"]);
    expect(cat[0]!.score).toBeGreaterThan(cat[1]!.score);
  });

  it("matches the Okapi BM25 formula", () => {
    const index = createBm25Index(docs, { k1: 1.2, b: 0.75 });
    const lengths = docs.map((doc) => tokenize(doc.text).length);
    const avgdl = lengths.reduce((sum, length) => sum + length, 0) / docs.length;
    const idf = Math.log((4 - 2 + 0.5) / (2 + 0.5) + 1);
    const expected = (idf * (1 * 2.2)) / (1 + 1.2 * (0.25 + (0.75 * 6) / avgdl));
    expect(index.search("cat", 1)[0]?.score).toBeCloseTo(expected, 6);
  });

  it("works on corpora smaller than three documents and returns nothing for unknown words", () => {
    const index = createBm25Index([{ id: "only", text: "hello world" }]);
    expect(index.search("hello", 5).map((hit) => hit.id)).toEqual(["only"]);
    expect(index.search("unknown words", 5)).toEqual([]);
  });
});
