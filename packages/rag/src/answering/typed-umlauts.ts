import { stopwords } from "../retrieval/stopwords";
import { questionLanguage } from "./question-language";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";

/**
 * German typed without its umlauts: on a keyboard without them visitors write "ae", "oe", "ue" ("geht auch
 * ueberweisung?", "kann man bei marie guenstiger schneiden", "fuer studenten"), which the sources write "Überweisungen",
 * "günstiger", "für". Folded, "ueberweisung" is not "uberweisung", so the word matched nothing and "fuer" was a topic
 * word where "für" is a function word. Each such word of a German question is written with the umlaut when that
 * spelling is a word of the sources read (in any form scoring matches: "Überweisungen") or a function word, and the
 * typed spelling is neither: "Dauerwelle", "neue", "Steuer" keep their "ue" (no source writes "Daürwelle").
 */

const TYPED = /(?<![\p{L}\p{N}])\p{L}*(?:ae|oe|ue|Ae|Oe|Ue|AE|OE|UE)\p{L}*/gu;
const UMLAUT: Readonly<Record<string, string>> = { ae: "ä", oe: "ö", ue: "ü", Ae: "Ä", Oe: "Ö", Ue: "Ü", AE: "Ä", OE: "Ö", UE: "Ü" };
const PAIR = /ae|oe|ue/giu;
const fold = (word: string) => word.toLowerCase().normalize("NFKD").replace(/\p{M}+/gu, "");

/** The spellings of a typed word with one or all of its "ae"/"oe"/"ue" pairs as umlauts, all of them first. */
function umlautSpellings(word: string): string[] {
  const pairs = [...word.matchAll(PAIR)];
  const all = word.replace(PAIR, (pair) => UMLAUT[pair] ?? pair);
  const single = pairs.map((pair) => word.slice(0, pair.index) + (UMLAUT[pair[0]] ?? pair[0]) + word.slice(pair.index + 2));
  return [...new Set([all, ...single])];
}

/** The question with its typed umlauts written as the sources write them (see above); unchanged unless German. */
export function withTypedUmlauts(question: string, sources: readonly string[]): string {
  if (!/ae|oe|ue/iu.test(question) || questionLanguage(question) !== "de") return question;
  const words = contentTerms(sources.join("\n"));
  const known = (word: string) => stopwords.has(fold(word)) || hasTerm(words, fold(word));
  return question.replace(TYPED, (typed) => {
    if (known(typed)) return typed;
    return umlautSpellings(typed).find((spelling) => known(spelling)) ?? typed;
  });
}
