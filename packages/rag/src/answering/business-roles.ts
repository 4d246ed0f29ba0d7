import type { WordNeighbour } from "./word-neighbours";

/**
 * Words saying who is behind a business, by what they say: who founded it, who owns it, who runs it. A visitor's
 * "who owns the studio" is answered by "Hannah Doyle founded the studio", "who is the proprietor" by "Hannah Price
 * owns and runs the hotel", "who founded the company" by "… was started by Frank Kowalski". WordNet relates few of
 * them (own ~ owner, found ~ founder; not own ~ run, found ~ start, boss ~ manager). Forms are listed, not stemmed.
 */
const ROLES: readonly (readonly string[])[] = [
  ["found", "founds", "founded", "founding", "founder", "founders", "start", "started", "establish", "established"],
  ["own", "owns", "owned", "owning", "owner", "owners", "proprietor", "proprietors"],
  ["run", "runs", "running", "ran", "manage", "manages", "managed", "managing", "manager", "managers", "director", "directors", "boss", "bosses"],
];

/** Whether a word says who is behind a business (owner, founder, manager, boss …; see ROLES). */
export function isBusinessRoleWord(term: string): boolean {
  return ROLES.some((words) => words.includes(term));
}

/** The words saying the same role as a word of who is behind a business ("manager": runs, manages, director …), else none. */
export function sameBusinessRole(term: string): readonly string[] {
  return ROLES.find((words) => words.includes(term)) ?? [];
}

/**
 * For a question asking who is behind the business ("who owns / runs / founded …", "who is the owner / boss"), its
 * role word's neighbours among the words the sources read say: the words of the same role when they say one (or
 * the word itself: "founded" ~ "started", not "runs" beside it), else those of the other roles ("who owns the studio" ~ "founded").
 * Only for a person question (the caller's): "running" in "running late" is no role.
 */
export function businessRoleNeighbours(questionTerms: readonly string[], vocabulary: readonly string[]): Map<string, WordNeighbour[]> {
  const found = new Map<string, WordNeighbour[]>();
  const said = new Set(vocabulary);
  for (const term of questionTerms) {
    const role = ROLES.findIndex((words) => words.includes(term));
    if (role < 0) continue;
    const sameRole = ROLES[role]!.some((word) => said.has(word));
    const near = (sameRole ? ROLES[role]! : ROLES.flat()).filter((word) => word !== term && said.has(word));
    if (near.length > 0) found.set(term, near.map((word) => ({ word, similarity: 1 })));
  }
  return found;
}
