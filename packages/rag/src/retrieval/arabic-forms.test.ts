import { describe, expect, it } from "vitest";
import { arabicFormSpellings, arabicLightStem, isArabicScript, sameArabicForm } from "./arabic-forms";
import { normalizeSearchText } from "./search-normalization";
import { sameWordForm } from "./word-endings";

// Words as search folding stores them (ة → ه, ى → ي, أ → ا).
const folded = (word: string) => normalizeSearchText(word);

describe("Arabic light stems", () => {
  it("strips the conjunction, one article and the endings, as Light10 does", () => {
    expect(arabicLightStem("الملفات")).toBe("ملف");
    expect(arabicLightStem("والملفات")).toBe("ملف");
    expect(arabicLightStem("بالملف")).toBe("ملف");
    expect(arabicLightStem("للملفات")).toBe("ملف");
    expect(arabicLightStem("ملفاتها")).toBe("ملف");
    expect(arabicLightStem(folded("المدرسة"))).toBe("مدرس");
    expect(arabicLightStem(folded("التطبيقات"))).toBe("تطبيق");
    // Light10 keeps at least two letters, and "و" only comes off a word of four or more.
    expect(arabicLightStem("وقت")).toBe("وقت");
    expect(arabicLightStem("الى")).toBe("الى");
  });

  it("pairs the forms of one word, never words whose stems differ or are too short", () => {
    expect(sameArabicForm("ملف", "الملفات")).toBe(true);
    expect(sameArabicForm("الملفات", "وبالملف")).toBe(true);
    expect(sameArabicForm(folded("صورة"), folded("الصور"))).toBe(true);
    expect(sameArabicForm("ملف", "ملعب")).toBe(false);
    expect(sameArabicForm("كتاب", "مكتبه")).toBe(false);
    // A 2-letter stem ("من" and "منها") pairs nothing.
    expect(sameArabicForm("من", "منها")).toBe(false);
    // Only words of Arabic script.
    expect(sameArabicForm("file", "files")).toBe(false);
    expect(isArabicScript("ملف")).toBe(true);
    expect(isArabicScript("ملفv2")).toBe(false);
  });

  it("is what sameWordForm answers for Arabic words, and leaves other scripts' pairs alone", () => {
    expect(sameWordForm("ملف", "الملفات")).toBe(true);
    expect(sameWordForm("ملف", "ملعب")).toBe(false);
    expect(sameWordForm("repository", "repositories")).toBe(true);
    expect(sameWordForm("файл", "файлами")).toBe(true);
  });

  it("spells every prefixed and suffixed form of the stem, for an exact lookup", () => {
    const spellings = arabicFormSpellings("ملف");
    for (const form of ["الملف", "الملفات", "والملفات", "بالملفات", "للملف", "ملفاتها", "وملفات"]) expect(spellings).toContain(form);
    expect(spellings).not.toContain("ملف");
    for (const spelling of spellings) expect(sameArabicForm("ملف", spelling) || arabicLightStem(spelling) !== "ملف").toBe(true);
    // Every real form the lookup must find is spelled.
    for (const form of ["الملفات", "وبالملف", "ملفاتها"]) expect(arabicFormSpellings(form)).toContain("ملف");
    expect(arabicFormSpellings("من")).toEqual([]);
    expect(arabicFormSpellings("repository")).toEqual([]);
  });
});
