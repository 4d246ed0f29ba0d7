/// <reference path="./stopword.d.ts" />
import { ara, deu, eng, fra, ita, nld, por, spa } from "stopword";

// Function words of the languages front desks most often serve. The package's English list is short, so
// question words and chat fillers are added.
const extra = "when why does doesn don dont will shall may just whom whose please tell know want need let hi hello thanks";

const withoutMarks = (word: string) => word.normalize("NFKD").replace(/\p{M}+/gu, "").normalize("NFC");

/**
 * Lowercase stop words, each with and without diacritics (so "qué" and "que" both match), for dropping words
 * that carry no meaning from questions before full-text matching.
 */
export const stopwords: ReadonlySet<string> = new Set(
  [eng, spa, fra, deu, por, ita, nld, ara, extra.split(" ")].flatMap((list) =>
    list.flatMap((word) => {
      const lower = word.toLowerCase().normalize("NFC");
      return [lower, withoutMarks(lower)];
    }),
  ),
);
