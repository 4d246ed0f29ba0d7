import { describe, expect, it } from "vitest";
import { englishWordsStatus, isEnglishWord, warmEnglishWords } from "./english-words";
import { correctSpelling, type VocabularyTerm } from "./spelling";

// The API warms the English word list when it starts (server.ts) so the first visitor with a typo does not wait
// for it. This file is the first in its worker to touch the list (vitest isolates modules per file).

const vocabulary: VocabularyTerm[] = [
  { lexeme: "flooring", df: 4 },
  { lexeme: "appointment", df: 6 },
];
const lookup = async (exact: readonly string[], prefixes: readonly string[]) =>
  vocabulary.filter((term) => exact.includes(term.lexeme) || prefixes.some((prefix) => term.lexeme.startsWith(prefix)));

describe("warming the English word list", () => {
  it("reads it once in the background, and corrections after it do not read it again", async () => {
    expect(englishWordsStatus()).toEqual({ loaded: false, reads: 0 });
    const warming = warmEnglishWords();
    // In the background: the caller goes on before the list is read.
    expect(englishWordsStatus().loaded).toBe(false);
    await warming;
    expect(englishWordsStatus()).toEqual({ loaded: true, reads: 1 });
    // Every word, the file's first and last included, and no piece of one.
    for (const word of ["aa", "flooding", "zzzs"]) expect(isEnglishWord(word)).toBe(true);
    for (const word of ["flooding\n", "zzzsx", ""]) expect(isEnglishWord(word)).toBe(false);

    // "flooding" is an English word, so no slip of the knowledge base's "flooring"; "apointment" is a typo.
    const corrected = await correctSpelling("do you fix flooding after an apointment", lookup);
    expect(corrected.corrections).toEqual([{ from: "apointment", to: "appointment" }]);
    await warmEnglishWords();
    expect(englishWordsStatus()).toEqual({ loaded: true, reads: 1 });
  });
});
