import { describe, expect, it } from "vitest";
import { compoundTerms } from "./compound-terms";

describe("compoundTerms", () => {
  it("joins adjacent words in twos and threes, in order, each once", () => {
    expect(compoundTerms("read line key board")).toEqual(["readline", "readlinekey", "linekey", "linekeyboard", "keyboard"]);
  });

  it("leaves function words out before joining, and folds like the search text", () => {
    expect(compoundTerms("How do I read a Line?")).toEqual(["readline"]);
    expect(compoundTerms("Café Menü")).toEqual(["cafemenu"]);
  });

  it("joins across the punctuation the search text splits at, and keeps digits", () => {
    expect(compoundTerms("ip-v6 address")).toEqual(["ipv6", "ipv6address", "v6address"]);
  });

  it("gives nothing for one word, and never a word the question already holds", () => {
    expect(compoundTerms("readline")).toEqual([]);
    expect(compoundTerms("")).toEqual([]);
    expect(compoundTerms("data base database")).toEqual(["databasedatabase", "basedatabase"]);
  });

  it("leaves out joins too long to be a word", () => {
    expect(compoundTerms("abcdefghijklmnop qrstuvwxyzabcdefg")).toEqual([]);
  });
});
