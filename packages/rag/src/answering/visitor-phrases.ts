import { tokenize } from "../retrieval/bm25";
import type { WordNeighbour } from "./word-neighbours";

/**
 * What visitors say in everyday words for what a business writes in its own, where no word relation bridges the two:
 * WordNet lists no "money back" nor "loan car", and the local model puts "money" at 0.34 from "refund" and "loan" at
 * 0.22 from "courtesy" (under its 0.6 bar). Each entry is adjacent question words (the first of them the one
 * matched) and the words a document says for them. English only, as WordNet's neighbours are.
 */
const SAID_AS: ReadonlyArray<{ asked: readonly string[]; said: readonly string[] }> = [
  // "Can I get my money back for a pass?" over "Passes are not refundable".
  { asked: ["money", "back"], said: ["refund", "refunds", "refunded", "refundable"] },
  // "do over 65s get money off" over "Students and over-65s: 20% off".
  { asked: ["money", "off"], said: ["discount", "discounts", "reduction", "reductions", "concession", "concessions", "off"] },
  // "Can I get a loan car?" over "A courtesy car is available".
  ...["car", "cars", "vehicle"].map((head) => ({ asked: ["loan", head], said: ["courtesy", "loaner", "replacement"] })),
];

/**
 * For each entry of SAID_AS the question says, its first word's neighbours: the entry's words the sources read say
 * (the word itself aside).
 */
export function visitorPhraseNeighbours(question: string, vocabulary: readonly string[]): Map<string, WordNeighbour[]> {
  const tokens = tokenize(question);
  const said = new Set(vocabulary);
  const found = new Map<string, WordNeighbour[]>();
  for (const { asked, said: words } of SAID_AS) {
    const at = tokens.findIndex((_, start) => asked.every((word, offset) => tokens[start + offset] === word));
    if (at < 0) continue;
    const near = words.filter((word) => word !== asked[0] && said.has(word) && !found.get(asked[0]!)?.some((known) => known.word === word));
    if (near.length > 0) found.set(asked[0]!, [...(found.get(asked[0]!) ?? []), ...near.map((word) => ({ word, similarity: 1 }))]);
  }
  return found;
}
