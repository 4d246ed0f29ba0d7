import { describe, expect, it } from "vitest";
import type { ScoredTerm } from "./query-terms";
import { addWordForms, FORM_WEIGHT, formShare } from "./word-forms";

// How much another form of a question word weighs in its class (formShare) and what the class's IDF becomes.

const idf = (df: number, chunks: number) => Math.log(1 + (chunks - df + 0.5) / (df + 0.5));
const typed = (lexeme: string, df: number, chunks: number): ScoredTerm => ({ lexeme, original: true, df, weight: 1, idf: idf(df, chunks) });

describe("formShare", () => {
  it("keeps FORM_WEIGHT for a form no more common than the typed word", () => {
    expect(formShare(10, 10)).toBe(FORM_WEIGHT);
    expect(formShare(10, 3)).toBe(FORM_WEIGHT);
  });

  it("weighs a more common form by the typed word's part of the two words' document frequencies", () => {
    expect(formShare(10, 20)).toBeCloseTo(1 / 3, 12);
    expect(formShare(1, 99)).toBeCloseTo(0.01, 12);
  });

  it("keeps FORM_WEIGHT when the knowledge base lacks the typed word: the forms are all that can match", () => {
    expect(formShare(0, 50)).toBe(FORM_WEIGHT);
  });
});

describe("addWordForms", () => {
  const chunks = 1000;

  it("counts a common form in the class's document frequency at its share, so the typed word keeps most of its IDF", () => {
    // "arquivo" typed (20 chunks), "arquivos" in 400: the form weighs 20 / 420 and adds ~19 chunks, not 400.
    const word = typed("arquivo", 20, chunks);
    const other = typed("rede", 5, chunks);
    const added = addWordForms([word, other], [{ lexeme: "arquivos", of: "arquivo", df: 400 }], chunks);
    expect(added).toEqual([expect.objectContaining({ lexeme: "arquivos", group: 0, df: 400 })]);
    expect(added[0]!.form).toBeCloseTo(20 / 420, 12);
    expect(word.df).toBeCloseTo(20 + (400 * 20) / 420, 9);
    expect(word.idf).toBeCloseTo(idf(20 + (400 * 20) / 420, chunks), 9);
    expect(added[0]!.idf).toBe(word.idf);
    // Summed in full (the rule before) the class would be as unspecific as the form: IDF of 420 chunks.
    expect(word.idf).toBeGreaterThan(idf(420, chunks) + 1);
    expect(other.group).toBeUndefined();
  });

  it("gives each form its own share and keeps rarer forms at FORM_WEIGHT", () => {
    const word = typed("connect", 50, chunks);
    const added = addWordForms([word], [
      { lexeme: "connected", of: "connect", df: 10 },
      { lexeme: "connects", of: "connect", df: 200 },
    ], chunks);
    expect(added.map((form) => [form.lexeme, form.form])).toEqual([
      ["connected", FORM_WEIGHT],
      ["connects", 50 / 250],
    ]);
    expect(word.df).toBeCloseTo(50 + FORM_WEIGHT * 10 + (50 / 250) * 200, 12);
  });

  it("never counts more chunks than there are", () => {
    const word = typed("file", 900, chunks);
    addWordForms([word], [{ lexeme: "files", of: "file", df: 950 }], chunks);
    expect(word.df).toBe(chunks);
  });
});
