import type { ScoredUnit } from "./score-units";
import { statesWhatIsDoneThen } from "./question-type";

/**
 * How far below the best sentence a sentence saying what is done then may score and still answer a consequence
 * question first. The rule beside a consequence shares more of the visitor's words ("cancel", "before", "class") than
 * the consequence does ("Later cancellations … lose the class"): on the dev replay the right sentence scored 0.1–0.45
 * below it within its section, up to 0.2 below it elsewhere.
 */
export const CONSEQUENCE_MARGIN = 0.2;

/**
 * "What happens if I cancel a class 2 hours before?" over "You can cancel up to 12 hours before a class and the class
 * goes back on your pass. Later cancellations and no-shows lose the class.": a consequence question asks what is done
 * once its case happens; when the best sentence only states the rule, the case or an instruction ("We ask for 24
 * hours' notice if you need to cancel", "All pets must be treated for fleas before they arrive", "Leave the unit
 * empty"), the sentence saying what is done then (statesWhatIsDoneThen: charged, lost, treated at your cost) answers
 * first, when it sits in the same section or scores within CONSEQUENCE_MARGIN of it. Ranked best first; the order is
 * kept otherwise.
 */
export function consequenceFirst(ranked: readonly ScoredUnit[]): readonly ScoredUnit[] {
  const best = ranked[0];
  if (!best || statesWhatIsDoneThen(best.text)) return ranked;
  const sameSection = (unit: ScoredUnit) => unit.source === best.source && unit.section === best.section;
  const done = ranked.find((unit) => unit !== best && statesWhatIsDoneThen(unit.text) && (sameSection(unit) || unit.score >= best.score - CONSEQUENCE_MARGIN));
  return done ? [done, ...ranked.filter((unit) => unit !== done)] : ranked;
}
