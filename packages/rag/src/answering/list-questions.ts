import type { ScoredUnit } from "./score-units";

/**
 * Questions asking for the items of a kind: "what services do you offer", "which areas do you cover", "what
 * treatments do you do", "what do you offer". They want the list, not the one item that shares most words: the
 * rows' names of the table that answers, or the section that answers quoted whole.
 */

/** Plural nouns after "what/which" that ask for a time or an amount, not for items: "what days", "which hours". */
const notItems = /^(?:days|hours|times|dates|months|years|weeks|nights|ages|prices|costs|fees|rates|charges)$/iu;

const pluralAfterInterrogative = /^(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?([\p{L}-]+s)\s+(?:do|does|can|could|are|is|will|have)\b/iu;
const whatDoYou = /^what\s+(?:do|does|can)\s+(?:you|they|we)\s+(?:offer|do|sell|provide|cover|treat|stock|make|teach|run|repair|fix)\s*\??$/iu;
const kindsOf = /^(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\b/iu;

/**
 * Whether the question asks for the items of a kind (see above). `bounded`: the question puts a bound on a value
 * ("which days are you open after 6pm"), so "which days" asks for the rows meeting it, not for a time.
 */
export function isListQuestion(question: string, bounded = false): boolean {
  const text = question.trim().replace(/^(?:and|so|also|ok|okay|hi|hello),?\s+/iu, "");
  if (whatDoYou.test(text) || kindsOf.test(text)) return true;
  const plural = pluralAfterInterrogative.exec(text)?.[1];
  return plural !== undefined && (bounded || !notItems.test(plural));
}

/**
 * The names of a table's rows (each row's first cell), in reading order, once each: "Columbus, Upper Arlington,
 * Hilliard …" for "which towns do you cover". Empty when the best unit is no table row.
 */
export function rowNames(best: ScoredUnit, units: readonly ScoredUnit[]): { label: string; names: string[]; rows: ScoredUnit[] } {
  if (!best.table || !best.fields?.[0]) return { label: "", names: [], rows: [] };
  const rows = units.filter((unit) => unit.table === best.table && unit.fields?.[0]).sort((a, b) => a.source - b.source || a.position - b.position);
  const names: string[] = [];
  const kept: ScoredUnit[] = [];
  for (const row of rows) {
    const name = row.fields![0]!.value;
    if (names.includes(name)) continue;
    names.push(name);
    kept.push(row);
  }
  return { label: best.fields[0].label, names, rows: kept };
}
