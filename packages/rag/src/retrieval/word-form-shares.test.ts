import { describe, expect, it } from "vitest";
import type { ScoredTerm } from "./query-terms";
import { addWordForms, CLASS_COUNT_POSTINGS, classDf, FORM_WEIGHT, formClassMembers, formShare } from "./word-forms";

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

describe("classDf", () => {
  const chunks = 138;

  it("is the number of chunks holding any of the class's words when they were counted", () => {
    // "üzenet" in 2 chunks; "üzenetet" 2, "üzenete", "üzenetek", "üzeneteket" 1 each; 6 chunks hold one of the five.
    const forms = [2, 1, 1, 1].map((df) => ({ df, share: formShare(2, df) }));
    expect(classDf(2, forms, chunks)).toBeCloseTo(4.5, 12);
    expect(classDf(2, forms, chunks, 6)).toBe(6);
  });

  it("never counts more chunks than there are", () => {
    expect(classDf(10, [{ df: 5, share: FORM_WEIGHT }], 12, 14)).toBe(12);
  });
});

describe("classDf counting only forms no commoner than the typed word (rarer)", () => {
  it("adds a commoner form at its share to the chunks counted for the typed word and its rarer forms", () => {
    // "bestanden" typed in 20 chunks, "bestand" in 180 (share 0.1), "bestande" in 5 (share 0.5); 23 chunks hold
    // "bestanden" or "bestande".
    const forms = [{ df: 180, share: formShare(20, 180) }, { df: 5, share: formShare(20, 5) }];
    expect(classDf(20, forms, 1000, 23, "rarer")).toBeCloseTo(23 + 0.1 * 180, 12);
    expect(classDf(20, forms, 1000, 190, "all")).toBe(190);
  });
});

describe("addWordForms with counted classes", () => {
  it("gives the class the IDF of the chunks counted for it, shared by its forms", () => {
    const chunks = 138;
    const word = typed("üzenet", 2, chunks);
    const other = typed("kivonat", 6, chunks);
    const forms = ["üzenetet", "üzenete", "üzenetek"].map((lexeme) => ({ lexeme, of: "üzenet", df: 1 }));
    const added = addWordForms([word, other], forms, chunks, new Map([["üzenet", 5]]));
    expect(word.df).toBe(5);
    expect(word.idf).toBeCloseTo(idf(5, chunks), 12);
    expect(added.map((form) => [form.lexeme, form.idf, form.form])).toEqual(forms.map((form) => [form.lexeme, word.idf, FORM_WEIGHT]));
    expect(other.idf).toBeCloseTo(idf(6, chunks), 12);
  });
});

describe("formClassMembers", () => {
  const chunks = 100_000;

  it("lists each typed word with its forms, leaving out feedback terms, forms that are terms and words without forms", () => {
    const terms = [typed("connect", 50, chunks), typed("repository", 10, chunks), typed("print", 5, chunks), { ...typed("connected", 10, chunks), original: false }];
    const forms = [
      { lexeme: "connects", of: "connect", df: 20 },
      { lexeme: "connected", of: "connect", df: 10 },
      { lexeme: "repositories", of: "repository", df: 30 },
    ];
    expect(formClassMembers(terms, forms)).toEqual(new Map([["connect", ["connect", "connects"]], ["repository", ["repository", "repositories"]]]));
  });

  it("counts only the forms no commoner than the typed word with the rarer rule, a class of none left out", () => {
    const terms = [typed("arquivos", 20, chunks), typed("comando", 40, chunks)];
    const forms = [
      { lexeme: "arquivo", of: "arquivos", df: 400 },
      { lexeme: "arquivoss", of: "arquivos", df: 3 },
      { lexeme: "comandos", of: "comando", df: 41 },
    ];
    expect(formClassMembers(terms, forms, "rarer")).toEqual(new Map([["arquivos", ["arquivos", "arquivoss"]]]));
    expect(formClassMembers(terms, forms, "all")).toEqual(new Map([["arquivos", ["arquivos", "arquivo", "arquivoss"]], ["comando", ["comando", "comandos"]]]));
  });

  it("leaves out a class whose words' postings are more than the scorers count", () => {
    const terms = [typed("file", CLASS_COUNT_POSTINGS - 10, chunks), typed("folder", 10, chunks)];
    const forms = [{ lexeme: "files", of: "file", df: 11 }, { lexeme: "folders", of: "folder", df: 10 }];
    expect([...formClassMembers(terms, forms).keys()]).toEqual(["folder"]);
    expect([...formClassMembers(terms, [{ lexeme: "files", of: "file", df: 10 }]).keys()]).toEqual(["file"]);
  });
});
