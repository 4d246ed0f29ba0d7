import { describe, expect, it } from "vitest";
import { hebrewCores, hebrewFormSpellings, isHebrewScript, sameHebrewForm } from "./hebrew-forms";
import { sameWordForm } from "./word-endings";

describe("Hebrew word forms", () => {
  it("pairs a word with its particles and endings, a final letter written medially before an ending", () => {
    expect(sameHebrewForm("קובץ", "בקובץ")).toBe(true);
    expect(sameHebrewForm("קובץ", "הקובצים")).toBe(true);
    expect(sameHebrewForm("ספר", "ספרים")).toBe(true);
    expect(sameHebrewForm("ספרים", "והספר")).toBe(true);
    expect(sameHebrewForm("הגדרה", "הגדרות")).toBe(true);
    expect(sameHebrewForm("תמונה", "לתמונות")).toBe(true);
    // A word whose own first letter is a particle keeps it in one of its cores: "מחשב" ~ "למחשבים".
    expect(sameHebrewForm("מחשב", "למחשבים")).toBe(true);
    expect(hebrewCores("למחשבים")).toEqual(expect.arrayContaining(["מחשב"]));
  });

  it("does not pair words of other cores, cores under three letters, or other scripts", () => {
    expect(sameHebrewForm("ספר", "ספק")).toBe(false);
    expect(sameHebrewForm("קובץ", "קבוצה")).toBe(false);
    // "של" (of) and "בל" share no core of three letters.
    expect(sameHebrewForm("של", "בל")).toBe(false);
    expect(sameHebrewForm("file", "files")).toBe(false);
    expect(isHebrewScript("ספר")).toBe(true);
    expect(isHebrewScript("ספר2")).toBe(false);
  });

  it("is what sameWordForm answers for Hebrew words", () => {
    expect(sameWordForm("קובץ", "בקובץ")).toBe(true);
    expect(sameWordForm("ספר", "ספק")).toBe(false);
  });

  it("spells every form of the word's cores for an exact lookup, and each spelled form pairs back", () => {
    const spellings = hebrewFormSpellings("קובץ");
    for (const form of ["בקובץ", "הקובץ", "קובצים", "והקובצים", "לקובץ"]) expect(spellings).toContain(form);
    expect(spellings).not.toContain("קובץ");
    for (const form of ["בקובץ", "הקובצים"]) expect(hebrewFormSpellings(form)).toContain("קובץ");
    for (const spelling of spellings) expect(sameHebrewForm("קובץ", spelling)).toBe(true);
    expect(hebrewFormSpellings("של")).toEqual([]);
    expect(hebrewFormSpellings("repository")).toEqual([]);
  });
});
