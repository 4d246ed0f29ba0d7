import { isBusinessRoleWord } from "./business-roles";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";
import type { WordNeighbours } from "./word-neighbours";

/** Words of a "who is …" question that name no role ("who's best for that", "who is the right person"). */
const ROLELESS = new Set("best right main person people someone somebody staff member members contact responsible available".split(" "));

/**
 * The words of the role a "who is …" question names (askedRoleName) that no sentence stating a person says, in its
 * own words or the sources' words meaning the same (`neighbours`): "who is the sales manager" where "Maria Alvarez,
 * Office manager" is the only manager and "sales" is said only of what the business sells, "who is the receptionist"
 * where "Ring reception on …" names nobody. A role is held by someone the documents name when each of its words is
 * said beside a person ("Tom Whitaker runs sales and hire", a team row's "Role: Studio technician"), not merely
 * somewhere. Not read: words every document read says (`topic`: "swim" at a swim school), which name the business;
 * words saying who is behind it ("owner", "manager": see businessRoleNeighbours, said as "run by", "founded"); words
 * naming no role (ROLELESS).
 */
export function roleWordsHeldByNoOne(role: readonly string[], people: readonly string[], topic: readonly string[], neighbours: WordNeighbours = new Map()): string[] {
  const said = people.map((text) => contentTerms(text));
  const held = (term: string) => said.some((words) => hasTerm(words, term) || (neighbours.get(term) ?? []).some((near) => hasTerm(words, near.word)));
  const asked = role.filter((term) => !topic.includes(term) && !isBusinessRoleWord(term) && !ROLELESS.has(term));
  return asked.filter((term) => !held(term));
}
