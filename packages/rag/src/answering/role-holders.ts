import { isBusinessRoleWord, sameBusinessRole } from "./business-roles";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";
import type { WordNeighbours } from "./word-neighbours";

/** Words of a "who is …" question that name no role ("who's best for that", "who is the right person"). */
const ROLELESS = new Set("best right main person people someone somebody staff member members contact responsible available".split(" "));
/**
 * Heads naming whoever does what their modifier says ("the tyre specialist": whoever looks after tyres), so no role
 * of their own: the modifier is the role.
 */
const WHOEVER = new Set("specialist specialists expert experts guy lady".split(" "));
/** A column label of a team row read as "Name: …; Role: …; In the studio: …". */
const ROW_LABEL = /(^|;\s*)[^:;\n]{1,40}:\s/gu;
/** The noun of a role ("Studio technician", "head tutor", "Office manager"). */
const ROLE_NOUN =
  /^(?:manager|technician|tutor|teacher|instructor|trainer|coach|chef|cook|nurse|vet|surgeon|doctor|dentist|hygienist|therapist|physiotherapist|receptionist|assistant|director|coordinator|officer|supervisor|specialist|groomer|mechanic|engineer|lifeguard|cleaner|administrator|consultant|advis[eo]r|examiner|tester|lead|head|master|designer|artist|builder)s?$/u;
/** A cell of a team row this short or shorter may be a role's name ("Lead game master"). */
const ROLE_CELL_WORDS = 4;

/**
 * The words of the role a "who is …" question names (askedRoleName) that no sentence stating a person says, in its
 * own words or the sources' words meaning the same (`neighbours`): "who is the sales manager" where "Maria Alvarez,
 * Office manager" is the only manager and "sales" is said only of what the business sells, "who is the receptionist"
 * where "Ring reception on …" names nobody. A role is held by someone the documents name when each of its words is
 * said beside a person ("Tom Whitaker runs sales and hire", a team row's "Role: Studio technician"), not merely
 * somewhere. Not read: words every document read says (`topic`: "swim" at a swim school), which name the business;
 * words saying who is behind it ("owner", "manager": see businessRoleNeighbours, said as "run by", "founded"); words
 * naming no role (ROLELESS), heads naming whoever does what their modifier says (WHOEVER: "specialist"). Each word
 * held, the role's words must also be said together of one person ("studio" in the studio technician's row and
 * "manager" in the shop manager's hold no studio manager).
 */
export function roleWordsHeldByNoOne(role: readonly string[], people: readonly string[], topic: readonly string[], neighbours: WordNeighbours = new Map()): string[] {
  const said = people.map((text) => contentTerms(text));
  const held = (term: string) => said.some((words) => hasTerm(words, term) || (neighbours.get(term) ?? []).some((near) => hasTerm(words, near.word)));
  const asked = role.filter((term) => !topic.includes(term) && !isBusinessRoleWord(term) && !ROLELESS.has(term) && !WHOEVER.has(term));
  const unheld = asked.filter((term) => !held(term));
  if (unheld.length > 0) return unheld;
  // "who is the studio manager" where "studio" is said only of the studio technician ("Studio technician") and "manager"
  // only of the shop manager: each word is held, the role by no one. A role of two words or more whose modifier is
  // said only as part of another role (right before another role's noun) must be said of one person, all its words
  // in one sentence or row (a word of who is behind the business in any of its words: "manages reservations" for
  // "reservations manager"). A modifier said otherwise ("Tom Reilly looks after tyres, wheel alignment and brakes" for
  // "the brake technician") says what the person does, which the role's noun may call by other words.
  const together = role.filter((term) => !ROLELESS.has(term) && !WHOEVER.has(term));
  // Who owns or founded the business is one person whatever the business is called ("the studio owner").
  const ownerOrFounder = (term: string) => ["owner", "founder"].some((word) => sameBusinessRole(term).includes(word));
  if (together.length < 2 || together.some(ownerOrFounder)) return [];
  const heldIn = (words: readonly string[], term: string) =>
    hasTerm(words, term) || sameBusinessRole(term).some((word) => hasTerm(words, word)) || (neighbours.get(term) ?? []).some((near) => hasTerm(words, near.word));
  // A team row's column labels ("In the studio: Tuesday to Saturday") say their words of every row: its cells are read.
  const cells = people.map((text) => text.replace(ROW_LABEL, "$1"));
  if (cells.some((text) => together.every((term) => heldIn(contentTerms(text), term)))) return [];
  const head = together[together.length - 1]!;
  const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  const anotherNoun = (word: string | undefined) => word !== undefined && ROLE_NOUN.test(word) && !hasTerm([word], head);
  // Right before another role's noun, or inside a short cell naming another role ("Lead game master" for "the lead
  // builder": the cell's last word is its noun).
  const partOfAnotherRole = (text: string, term: string) =>
    text.split(/;\s*/u).some((cell) => {
      const words = wordsOf(cell);
      const roleCell = words.length <= ROLE_CELL_WORDS && anotherNoun(words[words.length - 1]);
      return words.some((word, at) => hasTerm([word], term) && (anotherNoun(words[at + 1]) || (roleCell && at < words.length - 1)));
    });
  const ofAnotherRole = (term: string) => {
    const holders = cells.filter((text) => hasTerm(wordsOf(text), term));
    return holders.length > 0 && holders.every((text) => partOfAnotherRole(text, term));
  };
  return together.slice(0, -1).some(ofAnotherRole) ? together : [];
}
