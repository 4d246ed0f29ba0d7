import type { ScoredUnit } from "./score-units";
import { hasTerm, namesRow, wordsOf } from "./score-units";
import { contentTerms } from "./text-analysis";

/**
 * "What's the consultation fee?" over "Consultation: £48" and "Repeat consultation: £25": the question names the first
 * row in full, and the second's label is that name with more words the question does not say (a variant of the thing
 * named: repeat, extended, express). When the best sentence is such a variant and the row named in full, in the same
 * table, shares as many of the question's words, the named row answers: a closer meaning of the variant (0.46 against
 * 0.34 here) says nothing of which row was asked for. Ranked best first; the order is kept otherwise.
 */
export function namedRowFirst(question: string, ranked: readonly ScoredUnit[]): readonly ScoredUnit[] {
  const best = ranked[0];
  if (!best?.fields?.[0] || best.table === undefined) return ranked;
  const terms = contentTerms(question);
  if (namesRow(question, terms, best.fields)) return ranked;
  const variantLabel = wordsOf(question, best.fields[0].value);
  const named = ranked.find(
    (unit) =>
      unit !== best &&
      unit.table === best.table &&
      unit.fields?.[0] !== undefined &&
      unit.lexical >= best.lexical &&
      namesRow(question, terms, unit.fields) &&
      wordsOf(question, unit.fields[0].value).every((word) => hasTerm(variantLabel, word)),
  );
  return named ? [named, ...ranked.filter((unit) => unit !== named)] : ranked;
}
